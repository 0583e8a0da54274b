import { describe, expect, it } from 'vitest';
import { formatRule, formatTimeRange, type Rule, type Weekday } from '../../../shared/schedule';
import { rule } from './helpers';

const TWO_TO_FOUR = { start: { hour: 2, minute: 0 }, end: { hour: 4, minute: 0 } };

describe('formatRule (en): every name, ordinal, unit and label of the English text', () => {
  it.each([
    ['4e vendredi 2h-4h', '4th Friday of the month, 2:00 a.m. – 4:00 a.m.'],
    ['5e samedi 2h-4h', '5th Saturday of the month, 2:00 a.m. – 4:00 a.m.'],
    ['1er dimanche 2h-4h', '1st Sunday of the month, 2:00 a.m. – 4:00 a.m.'],
    ['2e mardi +1 jour 2h-4h', '2nd Tuesday of the month + 1 day, 2:00 a.m. – 4:00 a.m.'],
    ['1er lundi -3 jours 2h-4h', '1st Monday of the month - 3 days, 2:00 a.m. – 4:00 a.m.'],
    ['1er lundi -1 jour 2h-4h', '1st Monday of the month - 1 day, 2:00 a.m. – 4:00 a.m.'],
    ['tous les jours 2h-4h', 'every day, 2:00 a.m. – 4:00 a.m.'],
    ['chaque dimanche de 22h à minuit', 'every Sunday, 10:00 p.m. – midnight'],
    ['1er mercredi 2h-4h (America/Vancouver)', '1st Wednesday of the month, 2:00 a.m. – 4:00 a.m. (America/Vancouver)'],
  ])('%s → %s', (text, expected) => {
    expect(formatRule(rule(text), 'en')).toBe(expected);
  });

  it('names the seven weekdays in English', () => {
    expect(formatRule(rule('tous les lundis, mardis, mercredis, jeudis, vendredis et samedis 2h-4h'), 'en')).toBe(
      'every Monday, Tuesday, Wednesday, Thursday, Friday and Saturday, 2:00 a.m. – 4:00 a.m.',
    );
    expect(formatRule(rule('tous les dimanches 2h-4h'), 'en')).toBe('every Sunday, 2:00 a.m. – 4:00 a.m.');
  });

  it.each([
    ['janvier', 'January'],
    ['février', 'February'],
    ['mars', 'March'],
    ['avril', 'April'],
    ['mai', 'May'],
    ['juin', 'June'],
    ['juillet', 'July'],
    ['août', 'August'],
    ['septembre', 'September'],
    ['octobre', 'October'],
    ['novembre', 'November'],
    ['décembre', 'December'],
  ])('a one-date rule in %s reads "%s 13, 2027" in English', (fr, en) => {
    expect(formatRule(rule(`13 ${fr} 2027 2h-4h`), 'en')).toBe(`${en} 13, 2027, 2:00 a.m. – 4:00 a.m.`);
  });
});

describe('formatRule: a weekly rule built by hand (stored JSON, not from the parser)', () => {
  const weekly = (weekdays: Weekday[]): Rule => ({ kind: 'weekly', weekdays, time: TWO_TO_FOUR });

  it('lists its days in week order, each once, whatever order they were stored in', () => {
    expect(formatRule(weekly([7, 4, 1]))).toBe('tous les lundis, jeudis et dimanches, 2 h – 4 h');
    expect(formatRule(weekly([4, 1, 4]), 'en')).toBe('every Monday and Thursday, 2:00 a.m. – 4:00 a.m.');
    expect(formatRule(weekly([3, 5, 2, 6, 1]), 'en')).toBe(
      'every Monday, Tuesday, Wednesday, Friday and Saturday, 2:00 a.m. – 4:00 a.m.',
    );
  });

  it('reads seven distinct days as every day even when some are repeated', () => {
    expect(formatRule(weekly([1, 2, 3, 4, 5, 6, 7, 1]))).toBe('tous les jours, 2 h – 4 h');
    expect(formatRule(weekly([1, 2, 3, 4, 5, 6, 6]))).toBe(
      'tous les lundis, mardis, mercredis, jeudis, vendredis et samedis, 2 h – 4 h',
    );
  });
});

describe('formatTimeRange: when a range ends the next day', () => {
  it.each([
    [2, 0, 2, 0, '2 h – 2 h (le lendemain)', '2:00 a.m. – 2:00 a.m. (next day)'],
    [2, 30, 2, 15, '2 h 30 – 2 h 15 (le lendemain)', '2:30 a.m. – 2:15 a.m. (next day)'],
    [2, 0, 2, 30, '2 h – 2 h 30', '2:00 a.m. – 2:30 a.m.'],
    [2, 15, 2, 30, '2 h 15 – 2 h 30', '2:15 a.m. – 2:30 a.m.'],
    [22, 0, 0, 0, '22 h – 24 h', '10:00 p.m. – midnight'],
  ])('%i:%i → %i:%i reads "%s" / "%s"', (sh, sm, eh, em, fr, en) => {
    const range = { start: { hour: sh, minute: sm }, end: { hour: eh, minute: em } };
    expect(formatTimeRange(range)).toBe(fr);
    expect(formatTimeRange(range, 'en')).toBe(en);
  });
});
