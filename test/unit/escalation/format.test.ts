import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatDate, formatTime, formatWindow } from '../../../shared/i18n/format';

const t = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Toronto' });

describe('formatTime', () => {
  it('writes French Québec style hours', () => {
    expect(formatTime(t('2026-12-02T04:00'))).toBe('4 h');
    expect(formatTime(t('2026-12-02T04:30'), 'fr')).toBe('4 h 30');
    expect(formatTime(t('2026-12-02T22:05'), 'fr')).toBe('22 h 05');
    expect(formatTime(t('2026-12-02T00:00'), 'fr')).toBe('0 h');
  });

  it('writes English hours with a.m./p.m.', () => {
    expect(formatTime(t('2026-12-02T04:00'), 'en')).toBe('4:00 a.m.');
    expect(formatTime(t('2026-12-02T12:15'), 'en')).toBe('12:15 p.m.');
    expect(formatTime(t('2026-12-02T00:30'), 'en')).toBe('12:30 a.m.');
    expect(formatTime(t('2026-12-02T22:00'), 'en')).toBe('10:00 p.m.');
  });
});

describe('formatDate / formatWindow', () => {
  it('names the day and month', () => {
    expect(formatDate(t('2026-12-02T02:00'))).toBe('mercredi 2 décembre');
    expect(formatDate(t('2027-01-01T02:00'))).toBe('vendredi 1er janvier');
    expect(formatDate(t('2026-12-02T02:00'), 'en')).toBe('Wednesday, December 2');
  });

  it('formats a window within one day', () => {
    expect(formatWindow(t('2026-12-02T02:00'), t('2026-12-02T04:00'))).toBe('mercredi 2 décembre, 2 h – 4 h');
    expect(formatWindow(t('2026-12-02T02:00'), t('2026-12-02T04:00'), 'en')).toBe(
      'Wednesday, December 2, 2:00 – 4:00 a.m.',
    );
    expect(formatWindow(t('2026-12-02T11:00'), t('2026-12-02T13:30'), 'en')).toBe(
      'Wednesday, December 2, 11:00 a.m. – 1:30 p.m.',
    );
  });

  it('formats a window ending at midnight or the next day', () => {
    expect(formatWindow(t('2026-12-02T22:00'), t('2026-12-03T00:00'))).toBe('mercredi 2 décembre, 22 h – 24 h');
    expect(formatWindow(t('2026-12-02T22:00'), t('2026-12-03T00:00'), 'en')).toBe(
      'Wednesday, December 2, 10:00 p.m. – midnight',
    );
    expect(formatWindow(t('2026-12-02T22:00'), t('2026-12-03T01:00'))).toBe(
      'mercredi 2 décembre, 22 h – jeudi 3 décembre, 1 h',
    );
    expect(formatWindow(t('2026-12-02T22:00'), t('2026-12-03T01:00'), 'en')).toBe(
      'Wednesday, December 2, 10:00 p.m. – Thursday, December 3, 1:00 a.m.',
    );
  });
});
