import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { readResults, ResultsFolderError } from '../../../electron/core/reports/fleet-read';
import { summarizeFleet } from '../../../electron/core/reports/fleet';
import { inventory, resultsFolder } from './fleet-fixture';
import { tempDir } from './helpers';

const ZONE = 'America/Toronto';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

describe('readResults', () => {
  it('reads the good reports and lists every other file with its reason, without crashing', async () => {
    const { dir, lab1, lab2, pharma, november } = resultsFolder();
    const read = await readResults(dir);
    expect(read.reports.map((r) => r.reportId).sort()).toEqual(
      [lab1, lab2, pharma, november].map((r) => r.reportId).sort(),
    );
    expect(read.skipped.map((s) => [s.file, s.kind])).toEqual([
      ['2026-12-02/.20261202-0200_IUSMM_PC-X_eeeeeeee.json.tmp-0a1b2c', 'temp'],
      ['2026-12-02/autre.json', 'foreign'],
      ['2026-12-02/copie de rapport.json', 'duplicate'],
      ['2026-12-02/futur.json', 'version'],
      ['2026-12-02/incomplet.json', 'malformed'],
      ['2026-12-02/Thumbs.db', 'foreign'],
      ['2026-12-02/tronque.json', 'malformed'],
      ['lisez-moi.txt', 'foreign'],
    ]);
    // The first by name is kept (deterministic), its copy is reported as a duplicate.
    expect(read.reports.find((r) => r.reportId === lab1.reportId)?.file).toBe(
      '2026-12-02/20261202-0200_IUSMM_PC-LAB-1_aaaaaaaa.json',
    );
    expect(read.skipped.find((s) => s.kind === 'malformed' && s.file.endsWith('incomplet.json'))?.reason).toMatch(
      /items/,
    );
    expect(read.skipped.every((s) => s.reason.length > 10)).toBe(true);
    expect(read.files).toBe(12);
  });

  it('fails clearly (in French) only when the folder itself is missing', async () => {
    await expect(readResults(`${tempDir()}/absent`)).rejects.toBeInstanceOf(ResultsFolderError);
    await expect(readResults(`${tempDir()}/absent`)).rejects.toThrow(/Dossier des résultats introuvable/);
  });

  it('an empty folder is an empty fleet', async () => {
    expect(await readResults(tempDir())).toEqual({ reports: [], skipped: [], files: 0 });
  });
});

describe('summarizeFleet', () => {
  it('per window and service: who verified, when, what failed; unverified services from the inventory', async () => {
    const { dir, lab1, pharma } = resultsFolder();
    const read = await readResults(dir);
    const summary = summarizeFleet(read, {
      now: at('2026-12-03T09:00'),
      from: at('2026-12-01'),
      to: at('2026-12-03'),
      inventory: await inventory(),
      folder: dir,
    });
    expect(summary.totals).toEqual({
      files: 12,
      reports: 3,
      workstations: 3,
      serviceWindows: 3,
      verified: 2,
      unverified: 1,
      problems: 2,
      notFixed: 1,
      skipped: 8,
      suspectWindows: 0,
      suspectReports: 0,
      superseded: 0,
    });
    expect(summary.expectationsPeriod).toEqual({ from: '2026-12-01T00:00:00-05:00', to: '2026-12-03T00:00:00-05:00' });
    const [lab, nutrition, pharmacy] = summary.serviceWindows;
    expect(lab).toMatchObject({
      windowStart: '2026-12-02T02:00:00-05:00',
      windowEnd: '2026-12-02T04:00:00-05:00',
      site: 'IUSMM',
      service: 'Laboratoire',
      expected: true,
      status: 'problems',
      applications: ['Cobas IT', 'GestLab'],
    });
    expect(lab?.verifiedBy.map((v) => [v.workstation, v.initials, v.submittedAt, v.problems])).toEqual([
      ['PC-LAB-1', 'MT', lab1.submittedAt, 1],
      ['PC-LAB-2', 'JB', '2026-12-02T08:05:00-05:00', 1],
    ]);
    expect(lab?.problems.map((p) => [p.application, p.restart, p.contact, p.workstation])).toEqual([
      ['GestLab', 'not-fixed', 'CDA — 3050', 'PC-LAB-1'],
      ['GestLab', 'fixed', null, 'PC-LAB-2'],
    ]);
    expect(nutrition).toMatchObject({ service: 'Nutrition', status: 'unverified', verifiedBy: [], expected: true });
    expect(pharmacy).toMatchObject({ service: 'Pharmacie', status: 'ok' });
    expect(pharmacy?.verifiedBy[0]?.file).toBe('2026-12-02/20261202-0200_IUSMM_PC-PHARMA-1_cccccccc.json');
    expect(summary.unverified).toEqual([
      {
        windowStart: '2026-12-02T02:00:00-05:00',
        windowEnd: '2026-12-02T04:00:00-05:00',
        site: 'IUSMM',
        service: 'Nutrition',
        applications: ['Nutritek', 'WinVision IUSMM'],
      },
    ]);
    expect(summary.applications[0]).toMatchObject({
      application: 'GestLab',
      sites: ['IUSMM'],
      services: ['Laboratoire'],
      reports: 2,
      problems: 2,
      fixedByRestart: 1,
      notFixed: 1,
      workstationsWithProblems: ['IUSMM / PC-LAB-1', 'IUSMM / PC-LAB-2'],
    });
    expect(summary.completion).toEqual([
      { site: 'IUSMM', service: 'Laboratoire', windows: 1, verified: 1, withProblems: 1, suspect: 0 },
      { site: 'IUSMM', service: 'Nutrition', windows: 1, verified: 0, withProblems: 0, suspect: 0 },
      { site: 'IUSMM', service: 'Pharmacie', windows: 1, verified: 1, withProblems: 0, suspect: 0 },
    ]);
    expect(pharma.reportId).toBeTruthy();
  });

  it('a window still running or not over yet is not counted as unverified', async () => {
    const summary = summarizeFleet(
      { reports: [], skipped: [], files: 0 },
      { now: at('2026-12-02T03:00'), from: at('2026-12-01'), inventory: await inventory() },
    );
    expect(summary.serviceWindows).toEqual([]);
    expect(summary.expectationsPeriod?.to).toBe('2026-12-02T03:00:00-05:00');
  });

  it('without --from, missing reports are looked for over the last 31 days', async () => {
    const summary = summarizeFleet(
      { reports: [], skipped: [], files: 0 },
      { now: at('2026-12-20T09:00'), inventory: await inventory() },
    );
    expect(summary.expectationsPeriod).toEqual({ from: '2026-11-19T09:00:00-05:00', to: '2026-12-20T09:00:00-05:00' });
    expect(summary.unverified.map((u) => [u.windowStart.slice(0, 10), u.service])).toEqual([
      ['2026-12-02', 'Laboratoire'],
      ['2026-12-02', 'Nutrition'],
      ['2026-12-02', 'Pharmacie'],
    ]);
  });

  it('without an inventory, lists what was reported (all periods) and nothing as unverified', async () => {
    const { dir } = resultsFolder();
    const summary = summarizeFleet(await readResults(dir), { now: at('2026-12-03T09:00') });
    expect(summary.expectationsPeriod).toBeNull();
    expect(summary.totals.reports).toBe(4);
    expect(summary.serviceWindows.map((w) => [w.windowStart.slice(0, 10), w.service, w.status])).toEqual([
      ['2026-11-04', 'Laboratoire', 'problems'],
      ['2026-12-02', 'Laboratoire', 'problems'],
      ['2026-12-02', 'Pharmacie', 'ok'],
    ]);
  });

  it('matches reports to the inventory whatever the accents, case and spaces of site and service', async () => {
    const { dir } = resultsFolder();
    const read = await readResults(dir);
    for (const r of read.reports) {
      r.site = ' iusmm ';
      r.services = r.services.map((s) => s.toUpperCase());
    }
    const summary = summarizeFleet(read, {
      now: at('2026-12-03T09:00'),
      from: at('2026-12-01'),
      inventory: await inventory(),
    });
    expect(summary.serviceWindows.map((w) => [w.site, w.service, w.status])).toEqual([
      ['IUSMM', 'Laboratoire', 'problems'],
      ['IUSMM', 'Nutrition', 'unverified'],
      ['IUSMM', 'Pharmacie', 'ok'],
    ]);
  });
});
