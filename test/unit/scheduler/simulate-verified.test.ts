/**
 * `simulate --reports` records up front the verifications other workstations put on the share
 * (electron/core/scheduler/simulate-verified.ts), one per planned window of this PC. In process, on the real store
 * of the scheduler harness: the CLI tests of the same option run in a child process, where no mutant is seen.
 */
import { describe, expect, it } from 'vitest';
import { PlanCache } from '../../../electron/core/scheduler/plan-cache';
import { recordElsewhere } from '../../../electron/core/scheduler/simulate-verified';
import type { Claim } from '../../../electron/core/verified/match';
import { Harness, ZONE } from './harness';
import { DateTime } from 'luxon';

const ms = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();

function claim(start: string, end: string, over: Partial<Claim> = {}): Claim {
  return {
    reportId: `r-${start}`,
    workstation: 'PC-LAB-2',
    userAccount: 'infirmiere',
    initials: 'MT',
    site: 'IUSMM',
    services: ['Laboratoire'],
    startMs: ms(start),
    endMs: ms(end),
    submittedAt: DateTime.fromMillis(ms(end) + 30 * 60_000, { zone: ZONE }).toISO() as string,
    items: [],
    ...over,
  };
}

describe('recordElsewhere', () => {
  it('records one verification per window (two windows, three reports: the first standing one of each)', () => {
    const h = new Harness('2026-12-01T00:00');
    const recorded = recordElsewhere(h.store, new PlanCache(), h.plan!, {
      workstation: 'PC-LAB-1',
      claims: [
        claim('2026-12-02T02:00', '2026-12-02T04:00'),
        claim('2026-12-16T02:00', '2026-12-16T04:00'),
        claim('2026-12-02T02:00', '2026-12-02T04:00', { reportId: 'later', workstation: 'PC-LAB-3' }),
      ],
    });
    expect(recorded).toBe(2);
    const heads = h.store.verified.heads('IUSMM');
    expect(heads.map((v) => [v.windowStart, v.workstation])).toEqual([
      ['2026-12-02T07:00:00.000Z', 'PC-LAB-2'],
      ['2026-12-16T07:00:00.000Z', 'PC-LAB-2'],
    ]);
    h.close();
  });

  it("skips a report for a window this PC does not have, and this PC's own report, recording nothing", () => {
    const h = new Harness('2026-12-01T00:00');
    const recorded = recordElsewhere(h.store, new PlanCache(), h.plan!, {
      workstation: 'PC-LAB-1',
      claims: [
        claim('2026-12-03T02:00', '2026-12-03T04:00'),
        claim('2026-12-02T02:00', '2026-12-02T04:00', { workstation: 'pc-lab-1', userAccount: 'autre' }),
      ],
    });
    expect(recorded).toBe(0);
    expect(h.store.verified.heads('IUSMM')).toEqual([]);
    h.close();
  });
});
