/**
 * Issue 9: a CSV cell that begins with space, tab, CR, LF, =, +, -, @ or a full-width ＝ ＋ － ＠ is neutralised
 * with a leading quote, in csvCell and in a real fleet CSV written from report files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { csvCell, renderFleetCsv } from '../../../electron/core/reports/fleet-csv';
import { readResults } from '../../../electron/core/reports/fleet-read';
import { summarizeFleet } from '../../../electron/core/reports/fleet';
import { sampleReport, tempDir } from './helpers';

const LEADS = [' ', '\t', '\r', '\n', '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];
const unquote = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);

describe('CSV formula neutralisation', () => {
  it.each(LEADS.map((c) => [JSON.stringify(c), c]))('a cell beginning with %s gets a leading quote', (_, lead) => {
    const value = `${lead}HYPERLINK("http://x.example")`;
    expect(unquote(csvCell(value))).toBe(`'${value}`);
  });

  it.each(['Laboratoire', 'a-b', '3050', 'x=1', 'é=', ''])('%j is left as it is', (value) => {
    expect(csvCell(value)).toBe(value);
  });

  it('every leading character, in a fleet CSV written from real report files', async () => {
    const dir = tempDir();
    const folder = path.join(dir, '2026-12-02');
    fs.mkdirSync(folder);
    LEADS.forEach((lead, i) => {
      const report = sampleReport({
        workstation: `PC-${i}`,
        initials: `${lead}cmd|' /C calc'!A0`,
        items: [
          {
            application: `${lead}SUM(1+1)`,
            service: 'Laboratoire',
            checks: [
              {
                id: 'starts',
                result: 'problem',
                comment: `${lead}@SUM(A1)`,
                restart: 'fixed',
                contactAdvised: { name: `${lead}CDA`, phone: null, url: null },
              },
            ],
          },
        ],
      });
      fs.writeFileSync(path.join(folder, `20261202-0200_IUSMM_PC-${i}_0000000${i % 10}.json`), JSON.stringify(report));
    });
    const read = await readResults(dir);
    expect(read.reports).toHaveLength(LEADS.length);
    const summary = summarizeFleet(read, { now: DateTime.fromISO('2026-12-03T09:00', { zone: 'America/Toronto' }) });
    const rows = parse(renderFleetCsv(summary, read), { bom: true, delimiter: ';', relax_quotes: true });
    const data = rows.slice(1);
    expect(data).toHaveLength(LEADS.length);
    for (const row of data) {
      // Initials (7), application (9), comment (13), contact (14): each starts with the neutralising quote.
      for (const column of [7, 9, 13, 14]) expect(row[column]?.startsWith("'")).toBe(true);
    }
    const bad = /^[ \t\r\n=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(bad);
  });
});
