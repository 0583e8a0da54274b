/**
 * Issue 9: the fleet report reads file by file with bounded memory — a per-file cap, a total cap (refused files
 * listed, never fatal), each report reduced to a bounded digest — and long lists are summarised. Real files in
 * temp folders; the assertions are on what is refused and what is kept, never on timing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { readResults } from '../../../electron/core/reports/fleet-read';
import { digestReport, MAX_CHECK_ROWS, MAX_COMMENT_CHARS } from '../../../electron/core/reports/fleet-digest';
import { summarizeFleet } from '../../../electron/core/reports/fleet';
import { renderFleetHtml } from '../../../electron/core/reports/fleet-html';
import { summarizeList } from '../../../electron/core/reports/labels';
import type { VerificationReport } from '../../../shared/reports/types';
import { sampleReport, tempDir } from './helpers';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Toronto' });

function write(dir: string, name: string, report: VerificationReport): number {
  const file = path.join(dir, '2026-12-02', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = JSON.stringify(report);
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}

/** A valid report of ~1.9 MB: 1,000 applications, each with a problem and a 1,900-character comment. */
function bigReport(workstation: string): VerificationReport {
  return sampleReport({
    workstation,
    items: Array.from({ length: 1000 }, (_, i) => ({
      application: `Application ${i}`,
      service: 'Laboratoire',
      checks: [
        {
          id: 'starts' as const,
          result: 'problem' as const,
          comment: `${i} `.padEnd(1900, 'x'),
          restart: 'not-fixed' as const,
          contactAdvised: null,
        },
      ],
    })),
  });
}

describe('bounded reading', () => {
  it('a file over the per-file cap is listed as refused, never read, and the others still count', async () => {
    const dir = tempDir();
    write(dir, '20261202-0200_IUSMM_PC-1_aaaaaaaa.json', sampleReport({ workstation: 'PC-1' }));
    const big = path.join(dir, '2026-12-02', '20261202-0200_IUSMM_PC-2_bbbbbbbb.json');
    fs.writeFileSync(big, `{"format":"vigie-report","pad":"${'x'.repeat(3 * 1024 * 1024)}"}`);
    const read = await readResults(dir);
    expect(read.reports.map((r) => r.workstation)).toEqual(['PC-1']);
    expect(read.skipped).toEqual([
      {
        file: '2026-12-02/20261202-0200_IUSMM_PC-2_bbbbbbbb.json',
        kind: 'too-large',
        reason: 'Fichier trop volumineux pour un rapport (3 Mo, limite 2 Mo).',
      },
    ]);
    // The cap is a parameter (report --max-file-mb).
    const strict = await readResults(dir, { maxFileBytes: 100, maxTotalBytes: 1e9 });
    expect(strict.reports).toEqual([]);
    expect(strict.skipped.map((s) => s.kind)).toEqual(['too-large', 'too-large']);
  });

  it('a symlink to a report elsewhere is listed, never followed', async () => {
    const dir = tempDir();
    const outside = tempDir();
    write(outside, '20261202-0200_IUSMM_PC-9_99999999.json', sampleReport({ workstation: 'PC-9' }));
    write(dir, '20261202-0200_IUSMM_PC-1_aaaaaaaa.json', sampleReport({ workstation: 'PC-1' }));
    fs.symlinkSync(
      path.join(outside, '2026-12-02', '20261202-0200_IUSMM_PC-9_99999999.json'),
      path.join(dir, '2026-12-02', 'lien.json'),
    );
    fs.symlinkSync(path.join(outside, '2026-12-02'), path.join(dir, '2026-12-03'), 'junction');
    const read = await readResults(dir);
    expect(read.reports.map((r) => r.workstation)).toEqual(['PC-1']);
    expect(read.skipped.map((s) => [s.file, s.kind])).toEqual([
      ['2026-12-02/lien.json', 'foreign'],
      ['2026-12-03', 'foreign'],
    ]);
  });

  it('once the total cap is spent, the remaining files are listed as refused, and the report still comes out', async () => {
    const dir = tempDir();
    let size = 0;
    for (let i = 0; i < 10; i++) size = write(dir, `20261202-0200_IUSMM_PC-${i}_0000000${i}.json`, sampleReport({ workstation: `PC-${i}` })); // prettier-ignore
    const read = await readResults(dir, { maxFileBytes: 1e6, maxTotalBytes: Math.floor(3.5 * size) });
    expect(read.reports).toHaveLength(3);
    const refused = read.skipped.filter((s) => s.kind === 'total-cap');
    expect(refused).toHaveLength(7);
    expect(refused[0]?.reason).toBe('Non lu : la limite totale de lecture de ce rapport est atteinte.');
    const summary = summarizeFleet(read, { now: at('2026-12-03T09:00') });
    expect(summary.totals).toMatchObject({ files: 10, reports: 3, skipped: 7 });
    expect(renderFleetHtml(summary)).toContain('la limite totale de lecture');
  });

  it('many big reports: each is reduced to a bounded digest, and the total cap refuses the rest', async () => {
    const dir = tempDir();
    const sizes: number[] = [];
    for (let i = 0; i < 12; i++) sizes.push(write(dir, `20261202-0200_IUSMM_PC-${i}_1111111${i % 10}.json`, bigReport(`PC-${i}`))); // prettier-ignore
    expect(Math.min(...sizes)).toBeGreaterThan(1.9e6);
    const read = await readResults(dir, { maxFileBytes: 2 * 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024 });
    // 10 MB of budget: five ~1.9 MB files are read, the seven others listed (not fatal).
    expect(read.reports).toHaveLength(5);
    expect(read.skipped.filter((s) => s.kind === 'total-cap')).toHaveLength(7);
    for (const d of read.reports) {
      // What is kept of a 1.9 MB report: at most MAX_CHECK_ROWS check lines, comments clipped, every check counted.
      expect(d.checkCells).toHaveLength(MAX_CHECK_ROWS);
      expect(d.omittedChecks).toBe(1000 - MAX_CHECK_ROWS);
      expect(d.tallies.reduce((n, t) => n + t.problems, 0)).toBe(1000);
      expect(Math.max(...d.problems.map((p) => p.comment.length))).toBe(MAX_COMMENT_CHARS);
      const kept = d.checkCells.reduce((n, c) => n + c.length, 0);
      expect(kept).toBeLessThan(MAX_CHECK_ROWS * (MAX_COMMENT_CHARS + 200));
    }
    const summary = summarizeFleet(read, { now: at('2026-12-03T09:00') });
    expect(summary.applications).toHaveLength(1000);
    expect(summary.totals.problems).toBe(5 * MAX_CHECK_ROWS);
  });
});

describe('long lists are summarised', () => {
  const names = Array.from({ length: 2000 }, (_, i) => `PC-${i + 1}`);

  it('"PC-1, PC-2 … et 1 998 autres"', () => {
    expect(summarizeList(names, 2)).toBe('PC-1, PC-2 … et 1 998 autres');
    expect(summarizeList(names.slice(0, 3), 3)).toBe('PC-1, PC-2, PC-3');
    expect(summarizeList(names.slice(0, 3))).toBe('PC-1, PC-2, PC-3');
  });

  it('the HTML shows the first names of 2,000 workstations and counts the rest', () => {
    const reports = names.map((ws, i) =>
      digestReport(
        `2026-12-02/20261202-0200_IUSMM_${ws}_${String(i).padStart(8, '0')}.json`,
        sampleReport({ workstation: ws }),
      ),
    );
    const summary = summarizeFleet({ reports, skipped: [], files: reports.length }, { now: at('2026-12-03T09:00') });
    expect(summary.serviceWindows[0]?.verifiedBy).toHaveLength(2000); // the JSON keeps everything
    expect(summary.applications[0]?.workstationsWithProblems).toHaveLength(2000);
    const html = renderFleetHtml(summary);
    expect(html).toContain('… et 1 990 autres postes');
    expect(html).toContain('IUSMM / PC-1, IUSMM / PC-10, IUSMM / PC-100,');
    expect(html).toContain('… et 1 990 autres</td>');
    expect(html).not.toContain('PC-1999');
    expect(html.length).toBeLessThan(200_000);
  });
});
