/**
 * The watcher's cadence (electron/core/notices/service.ts): due at once, then every 60 s plus the injected random
 * share of 25 % — on a ManualClock, with the real folder reader on a real temp folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/core/clock';
import { nodeNoticeFs, type NoticeFs } from '../../../electron/core/notices/folder';
import { NOTICE_SCAN_EVERY_MS, NoticeWatcher } from '../../../electron/core/notices/service';
import { silentLogger } from '../../../electron/core/store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Ticks every 10 s for `seconds`, scanning when due; returns the instants (s) of the scans. */
async function scansOver(random: number, seconds: number): Promise<number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-notice-watch-'));
  dirs.push(dir);
  const clock = new ManualClock('2026-12-03T14:00:00');
  const t0 = clock.now().toMillis();
  const scans: number[] = [];
  const fsSeam: NoticeFs = {
    ...nodeNoticeFs,
    stat: (file) => {
      if (file === dir) scans.push((clock.now().toMillis() - t0) / 1000);
      return nodeNoticeFs.stat(file);
    },
  };
  const watcher = new NoticeWatcher({ clock, folder: () => dir, log: silentLogger, random: () => random, fs: fsSeam });
  for (let s = 0; s <= seconds; s += 10) {
    clock.set(new ManualClock('2026-12-03T14:00:00').now().plus({ seconds: s }));
    if (watcher.due()) await watcher.scan();
  }
  return scans;
}

describe('notices watcher cadence', () => {
  it('scans at once, then every 60 s without jitter, up to 75 s with the largest', async () => {
    expect(NOTICE_SCAN_EVERY_MS).toBe(60_000);
    expect(await scansOver(0, 200)).toEqual([0, 60, 120, 180]);
    // 75 s later, on a 10 s tick grid: at 80, 160.
    expect(await scansOver(1, 200)).toEqual([0, 80, 160]);
    expect(await scansOver(0.5, 200)).toEqual([0, 70, 140]);
  });

  it('no folder configured: nothing is read and no notice is known', async () => {
    const clock = new ManualClock('2026-12-03T14:00:00');
    const watcher = new NoticeWatcher({ clock, folder: () => null, log: silentLogger });
    expect(watcher.due()).toBe(true);
    expect(await watcher.scan()).toBeNull();
    expect(watcher.notices()).toEqual([]);
    expect(watcher.due()).toBe(false);
  });
});
