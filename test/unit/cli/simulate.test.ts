import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickInstants } from '../../../electron/core/scheduler/simulate';
import { cli, DEFAULT_INVENTORY } from './helpers';

interface Output {
  notifications: { at: string; kind: string; windowStart: string; windowEnd: string; title: string; body: string }[];
  trayStates: { at: string; state: string }[];
  banners: {
    opensAt: string;
    closesAt: string;
    reason: string;
    windowStart: string;
    windowEnd: string;
    applications: string[];
  }[];
}

const BASE = [
  'simulate',
  '--inventory',
  DEFAULT_INVENTORY,
  '--site',
  'IUSMM',
  '--service',
  'Laboratoire',
  '--from',
  '2026-11-25',
  '--to',
  '2026-12-31',
  '--json',
];

const DEC2 = { windowStart: '2026-12-02T02:00:00-05:00', windowEnd: '2026-12-02T04:00:00-05:00' };
const DEC16 = { windowStart: '2026-12-16T02:00:00-05:00', windowEnd: '2026-12-16T04:00:00-05:00' };

// The simulator's scratch store goes under os.tmpdir(). Other test files (test/unit/scheduler/tray.test.ts) run
// simulations in parallel forks, so the shared temp folder cannot tell whose leftovers are whose: this file points
// os.tmpdir() (TMPDIR, TEMP/TMP on Windows) at a folder of its own, in its own fork only.
const savedEnv = { TMPDIR: process.env.TMPDIR, TEMP: process.env.TEMP, TMP: process.env.TMP };
let privateTmp = '';
beforeAll(() => {
  privateTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-simulate-test-'));
  for (const key of Object.keys(savedEnv)) process.env[key] = privateTmp;
  expect(os.tmpdir()).toBe(privateTmp);
});
afterAll(() => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  fs.rmSync(privateTmp, { recursive: true, force: true });
});

function tmpLeftovers(): string[] {
  return fs.readdirSync(privateTmp).filter((f) => f.startsWith('vigie-simulate-'));
}

describe('cli simulate', () => {
  it('prints the toasts and tray states of the default inventory, exactly in the agreed shape', async () => {
    expect(tmpLeftovers()).toEqual([]);
    const r = await cli(BASE);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.json<Output>();
    expect(Object.keys(out)).toEqual(['notifications', 'trayStates', 'banners']);
    for (const n of out.notifications) {
      expect(Object.keys(n)).toEqual(['at', 'kind', 'windowStart', 'windowEnd', 'title', 'body']);
    }
    expect(out.notifications.map((n) => [n.at, n.kind, n.windowStart])).toEqual([
      ['2026-12-01T10:00:00-05:00', 'reminder', DEC2.windowStart],
      ['2026-12-02T01:30:00-05:00', 'reminder', DEC2.windowStart],
      ['2026-12-02T02:00:00-05:00', 'start', DEC2.windowStart],
      ['2026-12-02T04:00:00-05:00', 'checklist', DEC2.windowStart],
      ['2026-12-15T10:00:00-05:00', 'reminder', DEC16.windowStart],
      ['2026-12-16T01:30:00-05:00', 'reminder', DEC16.windowStart],
      ['2026-12-16T02:00:00-05:00', 'start', DEC16.windowStart],
      ['2026-12-16T04:00:00-05:00', 'checklist', DEC16.windowStart],
    ]);
    expect(out.notifications[2]).toEqual({
      at: '2026-12-02T02:00:00-05:00',
      kind: 'start',
      ...DEC2,
      title: 'Plage de maintenance en cours',
      body:
        "Applications Cortex Omnitech, GestLab et Unity Real Time IUSMM indisponibles jusqu'à 4 h — déployez votre " +
        'plan de continuité ; les autres applications restent disponibles.',
    });
    expect(out.notifications[6]?.body).toMatch(/^Application Cobas IT indisponible jusqu'à 4 h/);
    expect(out.trayStates).toEqual([
      { at: '2026-11-25T00:00:00-05:00', state: 'idle' },
      { at: '2026-12-01T02:00:00-05:00', state: 'upcoming' },
      { at: '2026-12-02T02:00:00-05:00', state: 'in-progress' },
      { at: '2026-12-02T04:00:00-05:00', state: 'verification-due' },
      { at: '2026-12-16T02:00:00-05:00', state: 'in-progress' },
      { at: '2026-12-16T04:00:00-05:00', state: 'verification-due' },
    ]);
    // The temporary database is gone.
    expect(tmpLeftovers()).toEqual([]);
  });

  it('asleep through the Dec 2 window: one catch-up at wake-up, no stale reminder, start or end', async () => {
    const r = await cli([...BASE, '--asleep', '2026-12-02T01:00/2026-12-02T05:00']);
    expect(r.code).toBe(0);
    const out = r.json<Output>();
    const dec2 = out.notifications.filter((n) => n.windowStart === DEC2.windowStart);
    expect(dec2.map((n) => [n.at, n.kind])).toEqual([
      ['2026-12-01T10:00:00-05:00', 'reminder'],
      ['2026-12-02T05:00:00-05:00', 'catch-up'],
    ]);
    expect(dec2[1]).toMatchObject({
      ...DEC2,
      title: 'Plage de maintenance terminée',
      body:
        'La plage de 2 h – 4 h est terminée : vérifiez maintenant les applications ' +
        '(Cortex Omnitech, GestLab et Unity Real Time IUSMM).',
    });
    // The Dec 16 window is untouched by a sleep two weeks earlier.
    expect(out.notifications.filter((n) => n.windowStart === DEC16.windowStart)).toHaveLength(4);
    expect(out.trayStates.slice(1, 3)).toEqual([
      { at: '2026-12-01T02:00:00-05:00', state: 'upcoming' },
      { at: '2026-12-02T05:00:00-05:00', state: 'verification-due' },
    ]);
  });

  it('banners: one per window, from its start to its end, in the agreed shape', async () => {
    const out = (await cli(BASE)).json<Output>();
    expect(out.banners).toEqual([
      {
        opensAt: DEC2.windowStart,
        closesAt: DEC2.windowEnd,
        reason: 'window',
        ...DEC2,
        applications: ['Cortex Omnitech', 'GestLab', 'Unity Real Time IUSMM'],
      },
      { opensAt: DEC16.windowStart, closesAt: DEC16.windowEnd, reason: 'window', ...DEC16, applications: ['Cobas IT'] },
    ]);
    for (const b of out.banners) {
      expect(Object.keys(b)).toEqual(['opensAt', 'closesAt', 'reason', 'windowStart', 'windowEnd', 'applications']);
    }
  });

  it('--ack closes the banner open at that instant, then and there; the other window keeps its own', async () => {
    const r = await cli([...BASE, '--ack', '2026-12-02T02:10:15']);
    expect(r.code).toBe(0);
    const out = r.json<Output>();
    expect(out.banners.map((b) => [b.opensAt, b.closesAt])).toEqual([
      [DEC2.windowStart, '2026-12-02T02:10:15-05:00'],
      [DEC16.windowStart, DEC16.windowEnd],
    ]);
  });

  // One CLI run per test: four child processes in one test outgrow the timeout on a loaded machine (Stryker's dry run).
  it('--asleep: a window still in progress at wake-up opens its banner at wake-up', async () => {
    const wake = (await cli([...BASE, '--asleep', '2026-12-02T01:00/2026-12-02T03:00'])).json<Output>();
    expect(wake.banners[0]).toMatchObject({ opensAt: '2026-12-02T03:00:00-05:00', closesAt: DEC2.windowEnd, ...DEC2 });
  });

  it('--asleep: a window slept through has no banner', async () => {
    const through = (await cli([...BASE, '--asleep', '2026-12-02T01:00/2026-12-02T05:00'])).json<Output>();
    expect(through.banners.map((b) => b.windowStart)).toEqual([DEC16.windowStart]);
  });

  it('--asleep: a banner open before a nap inside the window is the same banner after it, closing at the end', async () => {
    const nap = (await cli([...BASE, '--asleep', '2026-12-02T02:30/2026-12-02T03:00'])).json<Output>();
    expect(nap.banners[0]).toMatchObject({ opensAt: DEC2.windowStart, closesAt: DEC2.windowEnd });
  });

  it('--asleep across the end: the banner closed at the end, not at wake-up', async () => {
    const late = (await cli([...BASE, '--asleep', '2026-12-02T03:00/2026-12-02T06:00'])).json<Output>();
    expect(late.banners[0]).toMatchObject({ opensAt: DEC2.windowStart, closesAt: DEC2.windowEnd });
  });

  it.each([
    ['after the end', ['--ack', '2026-12-02T04:00']],
    ['asleep', ['--ack', '2026-12-02T02:40', '--asleep', '2026-12-02T02:30/2026-12-02T03:00']],
    ['already closed', ['--ack', '2026-12-02T02:10', '--ack', '2026-12-02T02:20']],
    ['unreadable', ['--ack', 'bientôt']],
  ])('refuses an --ack when no banner is open then (%s) with exit code 2', async (_, args) => {
    const r = await cli([...BASE, ...args]);
    expect(r.code, args.join(' ')).toBe(2);
    expect(r.stderr).toMatch(/^simulate : --ack : /);
  });

  it('writes readable French without --json', async () => {
    const r = await cli(BASE.filter((a) => a !== '--json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2026-12-02T02:00:00-05:00  Début');
    expect(r.stdout).toContain('États de l’icône :');
    expect(r.stdout).toContain('Bandeaux :\n2026-12-02T02:00:00-05:00 → 2026-12-02T04:00:00-05:00  Cortex Omnitech');
  });

  it('refuses bad arguments with exit code 2', async () => {
    for (const asleep of ['2026-12-02T01:00', '2026-12-02T05:00/2026-12-02T01:00', 'hier/demain']) {
      const r = await cli([...BASE, '--asleep', asleep]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^simulate : /);
    }
    expect((await cli([...BASE.slice(0, 9), '--to', '2026-11-01', '--json'])).code).toBe(2);
    expect((await cli([...BASE, '--language', 'de'])).code).toBe(2);
  });
});

describe('tickInstants', () => {
  it('skips the asleep intervals and ticks at each wake-up', () => {
    const min = 60_000;
    expect(tickInstants(0, 5 * min, [[1 * min + 1, 3 * min + 10_000]], 30_000)).toEqual([
      0,
      30_000,
      60_000,
      3 * min + 10_000,
      3 * min + 30_000,
      4 * min,
      4 * min + 30_000,
      5 * min,
    ]);
  });
});
