import { describe, expect, it } from 'vitest';
import { clockText, longDateText, momentText, sinceText, windowText } from '../../../renderer/src/format';

describe('renderer date formatting', () => {
  it('titles a window in French and English, in the hospital zone', () => {
    expect(windowText('2026-12-02T02:00:00-05:00', '2026-12-02T04:00:00-05:00', 'fr')).toBe(
      'mercredi 2 décembre, 2 h – 4 h',
    );
    // Same instants sent as UTC still read as Montréal time.
    expect(windowText('2026-12-02T07:00:00Z', '2026-12-02T09:00:00Z', 'en')).toBe(
      'Wednesday, December 2, 2:00 – 4:00 a.m.',
    );
  });

  it('gives precise clock times ("4 h 00") for retry and sync times', () => {
    expect(clockText('2026-12-02T04:00:00-05:00', 'fr')).toBe('4 h 00');
    expect(clockText('2026-12-02T10:05:00-05:00', 'fr')).toBe('10 h 05');
    expect(clockText('2026-12-02T16:05:00-05:00', 'en')).toBe('4:05 p.m.');
  });

  it('writes long dates with the French "1er"', () => {
    expect(longDateText('2018-09-28', 'fr')).toBe('28 septembre 2018');
    expect(longDateText('2018-09-28', 'en')).toBe('September 28, 2018');
    expect(longDateText('2026-12-01T08:00:00-05:00', 'fr')).toBe('1er décembre 2026');
  });

  it('says "à 10 h 05" today and names the day otherwise', () => {
    const now = '2026-12-02T15:00:00-05:00';
    expect(momentText('2026-12-02T10:05:00-05:00', now, 'fr')).toBe('à 10 h 05');
    expect(momentText('2026-11-30T10:05:00-05:00', now, 'fr')).toBe('le 30 novembre 2026 à 10 h 05');
    expect(momentText('2026-11-30T10:05:00-05:00', now, 'en')).toBe('on November 30, 2026 at 10:05 a.m.');
    expect(sinceText('2026-12-02T08:00:00-05:00', now, 'fr')).toBe('8 h 00');
    expect(sinceText('2026-12-01T08:00:00-05:00', now, 'fr')).toBe('le 1er décembre 2026 à 8 h 00');
  });

  it('falls back to the raw text rather than "Invalid DateTime"', () => {
    expect(clockText('pas une date', 'fr')).toBe('pas une date');
    expect(windowText('x', 'y', 'fr')).toBe('x – y');
  });
});
