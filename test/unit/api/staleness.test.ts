/** The inventory's age in the status window (issue 12: "a 2018 inventory shows a green badge"). */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { staleness } from '../../../electron/core/api/core';

const ZONE = 'America/Toronto';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

describe('staleness', () => {
  it('is null up to exactly the limit, and flags the day after', () => {
    expect(staleness('2025-12-03', 12, at('2026-12-03T23:59'))).toBeNull();
    expect(staleness('2025-12-02', 12, at('2026-12-03T00:00'))).toEqual({
      publishedAt: '2025-12-02',
      maxAgeMonths: 12,
    });
  });

  it('follows IT’s limit, in months', () => {
    expect(staleness('2018-09-28', 12, at('2026-12-03T09:00'))).toEqual({
      publishedAt: '2018-09-28',
      maxAgeMonths: 12,
    });
    expect(staleness('2018-09-28', 120, at('2026-12-03T09:00'))).toBeNull();
    expect(staleness('2026-06-03', 6, at('2026-12-04T09:00'))).toEqual({ publishedAt: '2026-06-03', maxAgeMonths: 6 });
  });

  it('an undated or unreadable publication date is not called stale', () => {
    expect(staleness(null, 12, at('2026-12-03T09:00'))).toBeNull();
    expect(staleness('28/09/2018', 12, at('2026-12-03T09:00'))).toBeNull();
  });
});
