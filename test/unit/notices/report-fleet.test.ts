/**
 * A notice's verification in the report and the fleet report (issue 13): `"reason": "notice"` and the notice id are
 * optional v1 fields, so every report written before stays valid; the fleet report marks the notice's row.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FleetSummary } from '../../../electron/core/reports/fleet';
import { noticesFolder } from '../../../electron/core/notices/source';
import { VerificationReportSchema } from '../../../shared/reports/types';
import { cli, sampleReport, tempDir } from '../reports/helpers';

const NOTICE_ID = '0b7e4a52-6c1e-4f43-9d7a-2f8c7e0d9a11';

describe('reports of a notice', () => {
  it('v1 reports stay valid with or without the reason; an unknown reason or a bad id is refused', () => {
    expect(VerificationReportSchema.safeParse(sampleReport()).success).toBe(true);
    expect(VerificationReportSchema.safeParse(sampleReport({ reason: 'window' })).success).toBe(true);
    expect(VerificationReportSchema.safeParse(sampleReport({ reason: 'notice', noticeId: NOTICE_ID })).success).toBe(
      true,
    );
    expect(VerificationReportSchema.safeParse({ ...sampleReport(), reason: 'panne' }).success).toBe(false);
    expect(VerificationReportSchema.safeParse({ ...sampleReport(), noticeId: '../../x' }).success).toBe(false);
  });

  it('the fleet report lists the notice verification beside the windows, marked as an outage notice', async () => {
    const results = tempDir('vigie-notice-fleet-');
    const write = (name: string, report: unknown) => {
      fs.mkdirSync(path.join(results, '2026-12-03'), { recursive: true });
      fs.writeFileSync(path.join(results, '2026-12-03', name), JSON.stringify(report));
    };
    write('HMR-LAB-0042_plage.json', sampleReport());
    write(
      'HMR-LAB-0042_avis.json',
      sampleReport({
        window: { start: '2026-12-03T14:05:00-05:00', end: '2026-12-03T16:00:00-05:00' },
        submittedAt: '2026-12-03T16:10:00-05:00',
        createdAt: '2026-12-03T16:10:00-05:00',
        reason: 'notice',
        noticeId: NOTICE_ID,
      }),
    );
    const out = tempDir('vigie-notice-fleet-out-');
    const r = await cli(
      ['report', '--results', results, '--from', '2026-12-01', '--html', path.join(out, 'parc.html'), '--json'],
      '2026-12-04T09:00:00',
    );
    expect(r.err).toBe('');
    const summary = r.json<FleetSummary>();
    const rows = summary.serviceWindows.map((w) => [w.windowStart, w.noticeId ?? null]);
    expect(rows).toEqual([
      ['2026-12-02T02:00:00-05:00', null],
      ['2026-12-03T14:05:00-05:00', NOTICE_ID],
    ]);
    const html = fs.readFileSync(path.join(out, 'parc.html'), 'utf8');
    expect(html.match(/Avis de panne · /g)).toHaveLength(1);
  });
});

describe('notices folder of a workstation', () => {
  it("IT's noticesSource wins; else `avis` beside the inventory file or inside its folder; none for https/embedded", () => {
    expect(
      noticesFolder({ noticesSource: '\\\\srv\\ti\\avis-hmr', inventorySource: '\\\\srv\\inv\\inventaire.xlsx' }),
    ).toBe('\\\\srv\\ti\\avis-hmr');
    expect(noticesFolder({ noticesSource: null, inventorySource: '\\\\srv\\inv\\inventaire.xlsx' })).toBe(
      '\\\\srv\\inv\\avis',
    );
    expect(noticesFolder({ noticesSource: null, inventorySource: 'C:\\Vigie\\publie' })).toBe(
      'C:\\Vigie\\publie\\avis',
    );
    expect(noticesFolder({ noticesSource: null, inventorySource: '/srv/inv/inventaire.csv' })).toBe('/srv/inv/avis');
    expect(
      noticesFolder({ noticesSource: null, inventorySource: 'https://intranet.example/inventaire.json' }),
    ).toBeNull();
    expect(noticesFolder({ noticesSource: null, inventorySource: null })).toBeNull();
  });
});
