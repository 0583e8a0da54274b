/**
 * The simulator's scratch store (electron/core/scheduler/simulate.ts): a real SQLite file in a folder of its own
 * under the temp folder, named so IT recognises a leftover, closed and deleted when the run ends. The temp folder
 * is pointed at a private one for the length of the (synchronous) run, so no other test's folders mix in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../electron/core/scheduler/simulate';
import { STORE_FILE } from '../../../electron/core/store/open';
import { DEFAULT_REMINDERS } from '../../../shared/planning/types';
import { sampleInventory } from '../planning/sample';
import { ZONE } from './harness';

const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

/** Runs `fn` with os.tmpdir() pointing at a fresh private folder (removed afterwards). */
function inPrivateTmp<T>(fn: (tmp: string) => T): T {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-scratch-test-'));
  const saved = { TMPDIR: process.env.TMPDIR, TEMP: process.env.TEMP, TMP: process.env.TMP };
  for (const key of Object.keys(saved)) process.env[key] = tmp;
  try {
    expect(os.tmpdir()).toBe(tmp);
    return fn(tmp);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The files this process holds open under `dir` (Linux: /proc/self/fd). */
function openFilesUnder(dir: string): string[] {
  const fdDir = '/proc/self/fd';
  return fs
    .readdirSync(fdDir)
    .map((fd) => {
      try {
        return fs.readlinkSync(path.join(fdDir, fd));
      } catch {
        return ''; // the descriptor readdir itself used, closed since
      }
    })
    .filter((target) => target.startsWith(dir));
}

describe('simulate — its scratch store', () => {
  it('lives in a vigie-simulate-… folder of the temp folder while it runs, and is closed and deleted after', () => {
    inPrivateTmp((tmp) => {
      let during: string[] = [];
      let files: string[] = [];
      simulate({
        inventory: sampleInventory(),
        profile: { site: 'IUSMM', services: ['Laboratoire'] },
        options: { zone: ZONE, reminders: DEFAULT_REMINDERS },
        from: at('2026-12-02T01:59'),
        to: at('2026-12-02T02:01'),
        // Read once the store is open: a look at the temp folder mid-run.
        get notices() {
          during = fs.readdirSync(tmp);
          files = during.length === 1 ? fs.readdirSync(path.join(tmp, during[0] as string)) : [];
          return [];
        },
      });
      expect(during).toEqual([expect.stringMatching(/^vigie-simulate-\w{6}$/)]);
      expect(files).toContain(STORE_FILE);
      expect(fs.readdirSync(tmp)).toEqual([]);
      // Closed before its folder was deleted: on Linux a deleted file stays open behind a descriptor (Windows
      // refuses to delete an open file, so the run itself would fail there).
      if (process.platform === 'linux') expect(openFilesUnder(tmp)).toEqual([]);
    });
  });
});
