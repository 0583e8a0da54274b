/**
 * The headless contract (issue 12): `simulate … --reports <folder> --workstation <name>`. A report of another
 * workstation of the same site and service ends the window's notifications with one `verified-elsewhere` at the
 * first tick at or after its `submittedAt` (at wake when the PC slept through it); nothing after it for that window,
 * and the tray never enters `verification-due` for it. Real report files (the real writer) in a temp folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportWriter } from '../../../electron/core/reports/writer';
import type { VerificationReport } from '../../../shared/reports/types';
import { cli, DEFAULT_INVENTORY } from '../cli/helpers';
import { sampleReport } from '../reports/helpers';

interface Out {
  notifications: { at: string; kind: string; windowStart: string; by?: unknown; body: string }[];
  trayStates: { at: string; state: string }[];
}

const DEC2 = '2026-12-02T02:00:00-05:00';
let folder = '';
// The simulator's scratch store goes under os.tmpdir(): this file's own, like test/unit/cli/simulate.test.ts.
const savedEnv = { TMPDIR: process.env.TMPDIR, TEMP: process.env.TEMP, TMP: process.env.TMP };
let privateTmp = '';
beforeAll(() => {
  privateTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-verified-sim-'));
  for (const key of Object.keys(savedEnv)) process.env[key] = privateTmp;
});
afterAll(() => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  fs.rmSync(privateTmp, { recursive: true, force: true });
});

async function share(...reports: Partial<VerificationReport>[]): Promise<string> {
  folder = fs.mkdtempSync(path.join(privateTmp, 'rapports-'));
  for (const r of reports.length > 0 ? reports : [{}]) {
    await new ReportWriter().write(
      folder,
      sampleReport({ workstation: 'PC-LAB-1', initials: 'MT', submittedAt: '2026-12-02T04:30:00-05:00', ...r }),
    );
  }
  return folder;
}

async function simulate(reports: string, extra: string[] = []): Promise<Out> {
  const r = await cli([
    'simulate',
    '--inventory',
    DEFAULT_INVENTORY,
    '--site',
    'IUSMM',
    '--service',
    'Laboratoire',
    '--from',
    '2026-12-01',
    '--to',
    '2026-12-03',
    '--reports',
    reports,
    '--workstation',
    'PC-CHAMBRE-2',
    '--json',
    ...extra,
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.json<Out>();
}

const ofDec2 = (o: Out) => o.notifications.filter((n) => n.windowStart === DEC2);
const dueAfter = (o: Out, at: string) =>
  o.trayStates.filter((s) => s.state === 'verification-due' && Date.parse(s.at) >= Date.parse(at));

describe('simulate --reports --workstation', () => {
  it('ends the window with one verified-elsewhere at the first tick at or after submittedAt (24/7 lab)', async () => {
    const out = await simulate(await share());
    const dec2 = ofDec2(out);
    expect(dec2.map((n) => `${n.kind}@${n.at}`).slice(-2)).toEqual([
      'checklist@2026-12-02T04:00:00-05:00',
      'verified-elsewhere@2026-12-02T04:30:00-05:00',
    ]);
    expect(dec2.at(-1)?.by).toEqual({ workstation: 'PC-LAB-1', initials: 'MT', at: '2026-12-02T04:30:00-05:00' });
    expect(dec2.at(-1)?.body).toMatch(/^Vérification faite par PC-LAB-1 \(MT\) à 4 h 30/);
    expect(dueAfter(out, '2026-12-02T04:30:00-05:00')).toEqual([]);
    // Off the 30 s grid: the first tick at or after it.
    const late = ofDec2(await simulate(await share({ submittedAt: '2026-12-02T04:30:10-05:00' })));
    expect(late.at(-1)?.at).toBe('2026-12-02T04:30:30-05:00');
  });

  it('asleep through it: the verified-elsewhere comes at wake, no catch-up, the tray never verification-due', async () => {
    const out = await simulate(await share(), ['--asleep', '2026-12-02T01:00/2026-12-02T06:00']);
    // The day-before reminder came; from the sleep on, the one toast of the window is verified-elsewhere at wake.
    expect(ofDec2(out).map((n) => `${n.kind}@${n.at}`)).toEqual([
      'reminder@2026-12-01T10:00:00-05:00',
      'verified-elsewhere@2026-12-02T06:00:00-05:00',
    ]);
    expect(out.trayStates.filter((s) => s.state === 'verification-due')).toEqual([]);
  });

  it('ignores this workstation’s own report, another service’s, another site’s, and a file that is no report', async () => {
    const reports = await share(
      { workstation: 'pc-chambre-2' },
      { services: ['Pharmacie'], items: [] },
      { site: 'HMR' },
    );
    fs.writeFileSync(path.join(reports, '2026-12-02', '20261202-0200_IUSMM_PC-X_00000000.json'), '{ tronqué');
    const r = await cli([
      'simulate', '--inventory', DEFAULT_INVENTORY, '--site', 'IUSMM', '--service', 'Laboratoire',
      '--from', '2026-12-01', '--to', '2026-12-03', '--reports', reports, '--workstation', 'PC-CHAMBRE-2',
      '--asleep', '2026-12-02T01:00/2026-12-02T06:00', '--json',
    ]); // prettier-ignore
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Rapport ignoré : 2026-12-02\/20261202-0200_IUSMM_PC-X_00000000\.json — JSON illisible/);
    expect(ofDec2(r.json<Out>()).map((n) => n.kind)).toEqual(['reminder', 'catch-up']);
  });

  it('refuses --reports without --workstation (exit 2, French)', async () => {
    const r = await cli(['simulate', '--inventory', DEFAULT_INVENTORY, '--site', 'IUSMM', '--service', 'Laboratoire',
      '--from', '2026-12-01', '--to', '2026-12-03', '--reports', privateTmp]); // prettier-ignore
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--reports et --workstation vont ensemble/);
  });
});
