/**
 * The fleet report counts each service and window once, verified if any workstation verified it, and lists every
 * workstation that did, with initials and time (issue 12). Real report files (the real writer) in a temp folder.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { summarizeFleet } from '../../../electron/core/reports/fleet';
import { fleetCsvLines } from '../../../electron/core/reports/fleet-csv';
import { renderFleetHtml } from '../../../electron/core/reports/fleet-html';
import { readResults } from '../../../electron/core/reports/fleet-read';
import { ReportWriter } from '../../../electron/core/reports/writer';
import { sampleReport, tempDir } from '../reports/helpers';

const ZONE = 'America/Toronto';
const NOW = DateTime.fromISO('2026-12-03T09:00:00', { zone: ZONE });

describe('fleet report: one service window, every workstation that verified it', () => {
  it('two PCs of the lab verified the same window: counted once, both listed (JSON, HTML, CSV)', async () => {
    const folder = tempDir();
    const writer = new ReportWriter({ zone: ZONE });
    await writer.write(
      folder,
      sampleReport({ workstation: 'PC-LAB-1', initials: 'MT', submittedAt: '2026-12-02T04:30:00-05:00' }),
    );
    await writer.write(
      folder,
      sampleReport({ workstation: 'PC-LAB-2', initials: 'JB', submittedAt: '2026-12-02T08:05:00-05:00' }),
    );
    // Another service of the same window, verified by one of them: its own line, counted once too.
    await writer.write(
      folder,
      sampleReport({ workstation: 'PC-URG-1', initials: 'AL', services: ['Urgence'], items: [] }),
    );
    const read = await readResults(folder);
    const summary = summarizeFleet(read, { now: NOW, zone: ZONE });
    const lab = summary.serviceWindows.filter((w) => w.service === 'Laboratoire');
    expect(lab).toHaveLength(1);
    expect(lab[0]?.verifiedBy.map((b) => [b.workstation, b.initials, b.submittedAt])).toEqual([
      ['PC-LAB-1', 'MT', '2026-12-02T04:30:00-05:00'],
      ['PC-LAB-2', 'JB', '2026-12-02T08:05:00-05:00'],
    ]);
    expect(summary.totals).toMatchObject({ serviceWindows: 2, reports: 3, workstations: 3 });
    expect(summary.totals.verified + summary.totals.suspectWindows).toBe(2);
    expect(summary.completion.find((c) => c.service === 'Laboratoire')?.windows).toBe(1);

    const html = renderFleetHtml(summary, ZONE);
    expect(html).toMatch(/PC-LAB-1 — MT .*04:30/);
    expect(html).toMatch(/PC-LAB-2 — JB .*08:05/);
    const csv = [...fleetCsvLines(summary, read, ZONE)].join('');
    expect(csv).toContain('PC-LAB-1');
    expect(csv).toContain('PC-LAB-2');
  });
});
