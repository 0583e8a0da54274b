/**
 * The fleet report shows, per window and service, whether and when the ward acknowledged the banner (issue 12):
 * real report files in a temp folder, read back and rendered as JSON, CSV and HTML.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { summarizeFleet } from '../../../electron/core/reports/fleet';
import { renderFleetCsv } from '../../../electron/core/reports/fleet-csv';
import { renderFleetHtml } from '../../../electron/core/reports/fleet-html';
import { readResults } from '../../../electron/core/reports/fleet-read';
import type { VerificationReport } from '../../../shared/reports/types';
import { inventory } from './fleet-fixture';
import { sampleReport, tempDir } from './helpers';

const ZONE = 'America/Toronto';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

function write(dir: string, name: string, report: object): void {
  fs.mkdirSync(path.join(dir, '2026-12-02'), { recursive: true });
  fs.writeFileSync(path.join(dir, '2026-12-02', name), JSON.stringify(report));
}

async function fleet() {
  const dir = tempDir('vigie-ack-');
  write(
    dir,
    '20261202-0200_IUSMM_PC-LAB-2_bbbbbbbb.json',
    sampleReport({
      workstation: 'PC-LAB-2',
      acknowledgement: { at: '2026-12-02T02:01:00-05:00', workstation: 'PC-LAB-2', initials: '' },
    }),
  );
  write(
    dir,
    '20261202-0200_IUSMM_PC-LAB-1_aaaaaaaa.json',
    sampleReport({
      workstation: 'PC-LAB-1',
      acknowledgement: { at: '2026-12-02T02:03:00-05:00', workstation: 'PC-LAB-1', initials: 'MT' },
    }),
  );
  // Written before issue 12: no acknowledgement field at all. Still read, and counted as "not acknowledged".
  const { acknowledgement: _none, ...older } = sampleReport({
    workstation: 'PC-PHARMA-1',
    services: ['Pharmacie'],
    items: [
      {
        application: 'GespharX IUSMM',
        service: 'Pharmacie',
        checks: [{ id: 'starts', result: 'ok', comment: '', restart: null, contactAdvised: null }],
      },
    ],
  } satisfies Partial<VerificationReport>);
  write(dir, '20261202-0200_IUSMM_PC-PHARMA-1_cccccccc.json', older);
  const read = await readResults(dir);
  const summary = summarizeFleet(read, {
    now: at('2026-12-03T09:00'),
    from: at('2026-12-01'),
    to: at('2026-12-03'),
    inventory: await inventory(),
  });
  return { read, summary };
}

describe('fleet report: "Prise de connaissance"', () => {
  it('per window and service: who acknowledged and when, earliest first; none for older reports', async () => {
    const { read, summary } = await fleet();
    expect(read.skipped).toEqual([]);
    const by = (service: string) => summary.serviceWindows.find((w) => w.service === service)?.acknowledged;
    expect(by('Laboratoire')).toEqual([
      { at: '2026-12-02T02:01:00-05:00', workstation: 'PC-LAB-2', initials: '' },
      { at: '2026-12-02T02:03:00-05:00', workstation: 'PC-LAB-1', initials: 'MT' },
    ]);
    expect(by('Pharmacie')).toEqual([]);
    expect(by('Nutrition')).toEqual([]);
  });

  it('CSV: a "Prise de connaissance" column on every line of the window', async () => {
    const { read, summary } = await fleet();
    const rows: string[][] = parse(renderFleetCsv(summary, read, ZONE), { bom: true, delimiter: ';' });
    expect(rows[0]?.at(-1)).toBe('Prise de connaissance');
    const cell = (service: string) => [...new Set(rows.filter((r) => r[3] === service).map((r) => r.at(-1)))];
    expect(cell('Laboratoire')).toEqual(['2026-12-02 02:01 (PC-LAB-2) ; 2026-12-02 02:03 (PC-LAB-1, MT)']);
    expect(cell('Pharmacie')).toEqual(['Non']);
    expect(cell('Nutrition')).toEqual(['Non']);
  });

  it('HTML: the column in the per-window table', async () => {
    const { summary } = await fleet();
    const html = renderFleetHtml(summary, ZONE);
    expect(html).toContain('<th scope="col">Prise de connaissance</th>');
    expect(html).toContain('<td>2026-12-02 02:01 (PC-LAB-2) ; 2026-12-02 02:03 (PC-LAB-1, MT)</td></tr>');
  });
});
