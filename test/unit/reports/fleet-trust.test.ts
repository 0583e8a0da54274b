/**
 * Reports IT can trust (issue 11): real report files in a temp folder, each kind of "does not add up" planted
 * once, and a forged report that would otherwise mark Pharmacie "Vérifié, sans problème".
 */
import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { readResults } from '../../../electron/core/reports/fleet-read';
import { summarizeFleet, type FleetSummary } from '../../../electron/core/reports/fleet';
import { renderFleetHtml } from '../../../electron/core/reports/fleet-html';
import { renderFleetCsv } from '../../../electron/core/reports/fleet-csv';
import type { Inventory } from '../../../shared/inventory/model';
import type { VerificationReport } from '../../../shared/reports/types';
import { inventory } from './fleet-fixture';
import { sampleReport, tempDir } from './helpers';

const ZONE = 'America/Toronto';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const LAB = sampleReport({ workstation: 'PC-LAB-1' });

function put(dir: string, rel: string, report: VerificationReport): void {
  const file = path.join(dir, ...rel.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
}

const pharmacy = (workstation: string, overrides: Partial<VerificationReport> = {}) =>
  sampleReport({
    workstation,
    services: ['Pharmacie'],
    items: [
      {
        application: 'GespharX IUSMM',
        service: 'Pharmacie',
        checks: [{ id: 'starts', result: 'ok', comment: '', restart: null, contactAdvised: null }],
      },
    ],
    ...overrides,
  });

async function withPostes(): Promise<Inventory> {
  return {
    ...(await inventory()),
    hosts: [
      { pattern: 'PC-LAB-*', site: 'IUSMM', services: ['Laboratoire'] },
      { pattern: 'PC-PHARMA-1', site: 'IUSMM', services: ['Pharmacie'] },
      { pattern: 'PC-NUTRI-*', site: 'IUSMM', services: [] },
    ],
  };
}

async function summarize(dir: string, inv: Inventory | null): Promise<FleetSummary> {
  return summarizeFleet(await readResults(dir), {
    now: at('2026-12-03T09:00'),
    from: at('2026-12-01'),
    to: at('2026-12-03'),
    inventory: inv,
  });
}

const kindsOf = (s: FleetSummary) => Object.fromEntries(s.suspects.map((r) => [r.file, r.flags.map((f) => f.kind)]));

describe('suspect reports', () => {
  it('a file name that names another workstation than the content', async () => {
    const dir = tempDir();
    put(dir, '2026-12-02/20261202-0200_IUSMM_PC-LAB-9_aaaaaaaa.json', LAB);
    // Case does not count; a name not in Vigie's layout (renamed by hand) proves nothing either way.
    put(dir, '2026-12-02/20261202-0200_IUSMM_pc-lab-2_bbbbbbbb.json', sampleReport({ workstation: 'PC-LAB-2' }));
    put(dir, '2026-12-02/copie faite a la main.json', sampleReport({ workstation: 'PC-LAB-3' }));
    const s = await summarize(dir, null);
    expect(kindsOf(s)).toEqual({ '2026-12-02/20261202-0200_IUSMM_PC-LAB-9_aaaaaaaa.json': ['file-name'] });
    expect(s.suspects[0]?.flags[0]?.reason).toContain('« PC-LAB-9 »');
    expect(s.suspects[0]?.flags[0]?.reason).toContain('« PC-LAB-1 »');
  });

  it('a workstation the Postes table does not know — only when the inventory has a Postes table', async () => {
    const dir = tempDir();
    put(dir, '2026-12-02/20261202-0200_IUSMM_PC-FANTOME_aaaaaaaa.json', pharmacy('PC-FANTOME'));
    put(dir, '2026-12-02/20261202-0200_IUSMM_PC-LAB-7_bbbbbbbb.json', sampleReport({ workstation: 'PC-LAB-7' }));
    const s = await summarize(dir, await withPostes());
    expect(kindsOf(s)).toEqual({ '2026-12-02/20261202-0200_IUSMM_PC-FANTOME_aaaaaaaa.json': ['unknown-workstation'] });
    // Without a Postes table there is nothing to compare with: no flag.
    expect((await summarize(dir, await inventory())).suspects).toEqual([]);
  });

  it('a site or a service the workstation’s Postes row contradicts', async () => {
    const dir = tempDir();
    put(dir, '2026-12-02/20261202-0200_HMR_PC-PHARMA-1_aaaaaaaa.json', pharmacy('PC-PHARMA-1', { site: 'HMR' }));
    put(dir, '2026-12-02/20261202-0200_IUSMM_PC-LAB-2_bbbbbbbb.json', pharmacy('PC-LAB-2'));
    // Accents, case and spaces do not count as a contradiction; a row without services allows any service.
    put(dir, '2026-12-02/20261202-0200_IUSMM_PC-LAB-3_cccccccc.json', sampleReport({ workstation: 'pc-lab-3', site: ' iusmm ', services: ['LABORATOIRE'] })); // prettier-ignore
    put(dir, '2026-12-02/20261202-0200_IUSMM_PC-NUTRI-1_dddddddd.json', pharmacy('PC-NUTRI-1'));
    const s = await summarize(dir, await withPostes());
    expect(kindsOf(s)).toEqual({
      '2026-12-02/20261202-0200_HMR_PC-PHARMA-1_aaaaaaaa.json': ['postes-mismatch'],
      '2026-12-02/20261202-0200_IUSMM_PC-LAB-2_bbbbbbbb.json': ['postes-mismatch'],
    });
    const reasons = s.suspects.map((r) => r.flags[0]?.reason).join('\n');
    expect(reasons).toContain('site « HMR » (Postes : « IUSMM »)');
    expect(reasons).toContain('service « Pharmacie » (Postes : « Laboratoire »)');
  });

  it('two reports of one workstation and window: the latest counts, the others are listed', async () => {
    const dir = tempDir();
    const first = sampleReport({ workstation: 'PC-LAB-1', submittedAt: '2026-12-02T04:20:00-05:00' });
    const again = sampleReport({
      workstation: 'PC-LAB-1',
      submittedAt: '2026-12-02T05:10:00-05:00',
      items: [
        {
          application: 'GestLab',
          service: 'Laboratoire',
          checks: [{ id: 'starts', result: 'ok', comment: '', restart: null, contactAdvised: null }],
        },
      ],
    });
    // The later one sorts first by name: "latest" is by submission time, not by file name.
    put(dir, '2026-12-02/20261202-0200_IUSMM_PC-LAB-1_00000000.json', again);
    put(dir, '2026-12-02/20261202-0200_IUSMM_PC-LAB-1_ffffffff.json', first);
    put(dir, '2026-12-02/20261202-0200_IUSMM_PC-LAB-2_bbbbbbbb.json', sampleReport({ workstation: 'PC-LAB-2' }));
    const s = await summarize(dir, null);
    expect(kindsOf(s)).toEqual({ '2026-12-02/20261202-0200_IUSMM_PC-LAB-1_ffffffff.json': ['superseded'] });
    expect(s.suspects[0]?.flags[0]?.reason).toContain('20261202-0200_IUSMM_PC-LAB-1_00000000.json');
    expect(s.totals).toMatchObject({ reports: 2, suspectReports: 1, superseded: 1 });
    const lab = s.serviceWindows.find((w) => w.service === 'Laboratoire');
    expect(lab?.verifiedBy.map((v) => [v.workstation, v.submittedAt])).toEqual([
      ['PC-LAB-2', '2026-12-02T04:20:00-05:00'],
      ['PC-LAB-1', '2026-12-02T05:10:00-05:00'],
    ]);
    // The replaced report's problem (GestLab, not fixed) no longer counts: only PC-LAB-2's does.
    expect(lab?.problems.map((p) => p.workstation)).toEqual(['PC-LAB-2']);
  });

  it('a forged report alone does not make Pharmacie "Vérifié, sans problème"', async () => {
    const dir = tempDir();
    put(dir, '2026-12-02/20261202-0200_IUSMM_PC-FANTOME_aaaaaaaa.json', pharmacy('PC-FANTOME'));
    put(dir, '2026-12-02/20261202-0200_IUSMM_PC-LAB-1_bbbbbbbb.json', LAB);
    const s = await summarize(dir, await withPostes());
    const pharma = s.serviceWindows.find((w) => w.service === 'Pharmacie');
    expect(pharma?.status).toBe('suspect');
    expect(pharma?.verifiedBy[0]?.suspect).toEqual(['unknown-workstation']);
    expect(s.totals).toMatchObject({ verified: 1, suspectWindows: 1, suspectReports: 1 });
    expect(s.completion.find((c) => c.service === 'Pharmacie')).toMatchObject({ verified: 0, suspect: 1 });

    const html = renderFleetHtml(s);
    const row = html.split('<tr').find((r) => r.includes('<td>Pharmacie</td>') && r.includes('st-'));
    expect(row).toContain('Non confirmé : rapports suspects seulement');
    expect(row).not.toContain('Vérifié, sans problème');
    expect(row).toContain('⚠ suspect');
    expect(html).toMatch(/<div class="card bad"><b>1<\/b>rapports suspects<\/div>/);
    expect(html).toContain('Rapports suspects (1)');

    const csv = renderFleetCsv(s, await readResults(dir));
    const line = csv.split('\r\n').find((l) => l.includes('PC-FANTOME'));
    expect(line).toContain('Non confirmé : rapports suspects seulement');
    // The suspect flag, then the banner acknowledgement column (issue 12): none here.
    expect(line?.endsWith('Poste inconnu de la table Postes;Non')).toBe(true);

    // One trusted report is enough for the window to count as verified.
    put(dir, '2026-12-02/20261202-0200_IUSMM_PC-PHARMA-1_cccccccc.json', pharmacy('PC-PHARMA-1'));
    const trusted = await summarize(dir, await withPostes());
    expect(trusted.serviceWindows.find((w) => w.service === 'Pharmacie')?.status).toBe('ok');
    expect(trusted.totals).toMatchObject({ verified: 2, suspectWindows: 0, suspectReports: 1 });
  });

  it('no suspects: the tile says 0 and the section says so', async () => {
    const dir = tempDir();
    put(dir, '2026-12-02/20261202-0200_IUSMM_PC-LAB-1_aaaaaaaa.json', LAB);
    const s = await summarize(dir, await withPostes());
    expect(s.totals.suspectReports).toBe(0);
    const html = renderFleetHtml(s);
    expect(html).toMatch(/<div class="card "><b>0<\/b>rapports suspects<\/div>/);
    expect(html).toContain('Rapports suspects (0)</h2>\n<p>Aucun.</p>');
  });
});
