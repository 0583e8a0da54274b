/**
 * `simulate --notices <folder>` (issue 13): the notices of a real folder, written by the real `notice publish`,
 * replayed on the virtual clock by the real core — "notice" at from (or at publication), "notice-end" at the end,
 * then the checklist as for a window (at the next shift start for a service that is not 24/7).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCli } from '../run-cli';

interface Output {
  notifications: {
    at: string;
    kind: string;
    windowStart: string;
    windowEnd: string;
    title: string;
    noticeId?: string;
  }[];
  trayStates: { at: string; state: string }[];
}

// The simulator's scratch store goes under os.tmpdir(): this file gets a temp folder of its own (as simulate.test.ts).
const savedEnv = { TMPDIR: process.env.TMPDIR, TEMP: process.env.TEMP, TMP: process.env.TMP };
let root = '';
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-simulate-notices-'));
  for (const key of Object.keys(savedEnv)) process.env[key] = root;
});
afterAll(() => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  fs.rmSync(root, { recursive: true, force: true });
});

let n = 0;
function folder(): string {
  const d = path.join(root, `avis-${n++}`);
  fs.mkdirSync(d);
  return d;
}

async function publish(dir: string, at: string, args: string[]): Promise<string> {
  const r = await captureCli(['notice', 'publish', '--dir', dir, ...args, '--json'], { clock: at });
  expect(r.err).toBe('');
  return (JSON.parse(r.out) as { id: string }).id;
}

async function simulate(inventory: string, dir: string | null, service = 'Laboratoire') {
  const r = await captureCli(
    [
      'simulate',
      '--inventory',
      inventory,
      '--site',
      'IUSMM',
      '--service',
      service,
      '--from',
      '2026-12-03',
      '--to',
      '2026-12-05',
      ...(dir ? ['--notices', dir] : []),
      '--json',
    ],
    { clock: '2026-12-03T00:00:00' },
  );
  return { ...r, json: () => JSON.parse(r.out) as Output };
}

const DEFAULT = 'assets/inventaire-par-defaut.csv';
const NOT_24_7 = 'test/fixtures/inventory/inventaire.json';

describe('simulate --notices', () => {
  it('a 24/7 service: notice at from, notice-end at until, checklist at once; tray in-progress in between', async () => {
    const dir = folder();
    const id = await publish(dir, '2026-12-03T09:00:00', [
      '--site',
      'IUSMM',
      '--service',
      'Laboratoire',
      '--application',
      'GestLab',
      '--message',
      'Panne du serveur',
      '--from',
      '2026-12-03T10:00',
      '--until',
      '2026-12-03T12:00',
    ]);
    const r = await simulate(DEFAULT, dir);
    expect(r.err).toBe('');
    const out = r.json();
    expect(out.notifications.map((x) => [x.at, x.kind, x.noticeId])).toEqual([
      ['2026-12-03T10:00:00-05:00', 'notice', id],
      ['2026-12-03T12:00:00-05:00', 'notice-end', id],
      ['2026-12-03T12:00:00-05:00', 'checklist', id],
    ]);
    expect(out.notifications[0]).toMatchObject({
      title: 'GestLab indisponible — panne en cours',
      windowStart: '2026-12-03T10:00:00-05:00',
      windowEnd: '2026-12-03T12:00:00-05:00',
    });
    expect(out.notifications[1]?.title).toBe('GestLab est rétabli');
    expect(out.trayStates).toEqual([
      { at: '2026-12-03T00:00:00-05:00', state: 'idle' },
      { at: '2026-12-03T10:00:00-05:00', state: 'in-progress' },
      { at: '2026-12-03T12:00:00-05:00', state: 'verification-due' },
    ]);
  });

  it('a service that is not 24/7: the checklist waits for the next shift start (08:00)', async () => {
    const dir = folder();
    await publish(dir, '2026-12-03T09:00:00', ['--site', 'IUSMM', '--message', 'Panne', '--until', '2026-12-03T20:00']);
    const out = (await simulate(NOT_24_7, dir)).json();
    expect(out.notifications.map((x) => `${x.kind}@${x.at}`)).toEqual([
      'notice@2026-12-03T09:00:00-05:00',
      'notice-end@2026-12-03T20:00:00-05:00',
      'checklist@2026-12-04T08:00:00-05:00',
    ]);
    expect(out.trayStates.map((s) => `${s.state}@${s.at}`)).toEqual([
      'idle@2026-12-03T00:00:00-05:00',
      'in-progress@2026-12-03T09:00:00-05:00',
      'idle@2026-12-03T20:00:00-05:00',
      'verification-due@2026-12-04T08:00:00-05:00',
    ]);
  });

  it('notices for another site or another service change nothing; a refused file is named on stderr', async () => {
    const dir = folder();
    await publish(dir, '2026-12-03T09:00:00', [
      '--site',
      'HMR',
      '--message',
      'Autre site',
      '--until',
      '2026-12-03T12:00',
    ]);
    await publish(dir, '2026-12-03T09:00:00', [
      '--site',
      'IUSMM',
      '--service',
      'Pharmacie',
      '--message',
      'Autre service',
      '--until',
      '2026-12-03T12:00',
    ]);
    fs.writeFileSync(path.join(dir, 'avis-0b7e4a52-6c1e-4f43-9d7a-2f8c7e0d9a11.json'), '[]');
    const baseline = (await simulate(DEFAULT, null)).json();
    const r = await simulate(DEFAULT, dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain('avis ignoré : avis-0b7e4a52-6c1e-4f43-9d7a-2f8c7e0d9a11.json — avis non valide');
    expect(r.json()).toEqual(baseline);
  });

  it('a missing notices folder is an error with its reason', async () => {
    const r = await simulate(DEFAULT, path.join(root, 'absent'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('dossier des avis introuvable');
  });
});
