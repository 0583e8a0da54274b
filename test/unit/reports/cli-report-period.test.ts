/** `report --from today|yesterday|<date>`, `--days N` (issue 11), with the clock of the command. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FleetSummary } from '../../../electron/core/reports/fleet';
import { resultsFolder } from './fleet-fixture';
import { cli, tempDir } from './helpers';

async function period(args: string[], now = '2026-12-03T09:00:00') {
  const { dir } = resultsFolder();
  const out = tempDir('vigie-report-out-');
  const r = await cli(['report', '--results', dir, '--html', path.join(out, 'p.html'), '--json', ...args], now);
  return { ...r, summary: r.code === 0 ? r.json<FleetSummary>() : null };
}

describe('cli report period', () => {
  it.each([
    [['--from', 'yesterday'], { from: '2026-12-02T00:00:00-05:00', to: null }, 3],
    [['--from', 'today'], { from: '2026-12-03T00:00:00-05:00', to: null }, 0],
    [['--from', 'hier'], { from: '2026-12-02T00:00:00-05:00', to: null }, 3],
    [
      ['--from', '2026-12-01', '--days', '2'],
      { from: '2026-12-01T00:00:00-05:00', to: '2026-12-03T00:00:00-05:00' },
      3,
    ],
    [['--from', 'yesterday', '--days', '1'], { from: '2026-12-02T00:00:00-05:00', to: '2026-12-03T00:00:00-05:00' }, 3],
    // --days alone: the N days ending today, today included.
    [['--days', '2'], { from: '2026-12-02T00:00:00-05:00', to: '2026-12-04T00:00:00-05:00' }, 3],
    [['--days', '40'], { from: '2026-10-25T00:00:00-04:00', to: '2026-12-04T00:00:00-05:00' }, 4],
    [
      ['--from', '2026-11-01', '--to', 'yesterday'],
      { from: '2026-11-01T00:00:00-04:00', to: '2026-12-03T00:00:00-05:00' },
      4,
    ],
  ])('%j → %j', async (args, expected, reports) => {
    const r = await period(args);
    expect(r.err).toBe('');
    expect(r.summary?.period).toEqual(expected);
    expect(r.summary?.totals.reports).toBe(reports);
  });

  it.each([
    [['--days', '0']],
    [['--days', 'deux']],
    [['--days', '2', '--to', '2026-12-02']],
    [['--from', 'demain']],
    [['--from', 'today', '--to', 'yesterday']],
  ])('%j is a usage error (exit 2)', async (args) => {
    const r = await period(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--(days|from|to)/);
  });

  it('the readable summary counts suspect reports and files refused by the size caps', async () => {
    const { dir } = resultsFolder();
    const out = tempDir('vigie-report-out-');
    fs.writeFileSync(path.join(dir, '2026-12-02', 'enorme.json'), `{"x":"${'y'.repeat(2 * 1024 * 1024)}"}`);
    fs.copyFileSync(
      path.join(dir, '2026-12-02', '20261202-0200_IUSMM_PC-LAB-2_bbbbbbbb.json'),
      path.join(dir, '2026-12-02', '20261202-0200_IUSMM_PC-LAB-9_99999999.json'),
    );
    const r = await cli(['report', '--results', dir, '--html', path.join(out, 'p.html'), '--max-file-mb', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 fichier(s) refusé(s) par les limites de taille');
    // The copy has the same reportId: a duplicate, not a suspect; nothing else is suspect.
    expect(r.out).not.toContain('suspect');
    const bad = await cli(['report', '--results', dir, '--html', path.join(out, 'p.html'), '--max-file-mb', '0']);
    expect(bad.code).toBe(2);
  });
});
