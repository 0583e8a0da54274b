import { describe, expect, it } from 'vitest';
import { formatTime } from '../../../shared/i18n/format';
import { formatRule, formatTimeRange } from '../../../shared/schedule';
import { rule } from './helpers';

describe('formatRule (fr)', () => {
  const cases: Array<[string, string]> = [
    ['1er mercredi 2h-4h', '1er mercredi du mois, 2 h – 4 h'],
    ['3e mercredi 2h-4h', '3e mercredi du mois, 2 h – 4 h'],
    ['1er et 3e mercredi 2h-4h', '1er et 3e mercredi du mois, 2 h – 4 h'],
    ['1er, 3e et dernier lundi 2h-4h', '1er, 3e et dernier lundi du mois, 2 h – 4 h'],
    ['dernier vendredi 22h-2h', 'dernier vendredi du mois, 22 h – 2 h (le lendemain)'],
    ['2e mardi +1 jour 2h-4h', '2e mardi du mois + 1 jour, 2 h – 4 h'],
    ['2e mardi + 8 jours 2h-4h', '2e mardi du mois + 8 jours, 2 h – 4 h'],
    ['1er lundi -3 jours 2h-4h', '1er lundi du mois - 3 jours, 2 h – 4 h'],
    ['1er mercredi 1h30-3h15', '1er mercredi du mois, 1 h 30 – 3 h 15'],
    ['tous les mercredis 2h-4h', 'tous les mercredis, 2 h – 4 h'],
    ['tous les lundis et jeudis 22h-2h', 'tous les lundis et jeudis, 22 h – 2 h (le lendemain)'],
    ['tous les jours 0h-24h', 'tous les jours, 0 h – 24 h'],
    ['chaque dimanche de 22h à minuit', 'tous les dimanches, 22 h – 24 h'],
    ['13 janvier 2027 de 2h à 4h', '13 janvier 2027, 2 h – 4 h'],
    ['le 1er février 2027 2h-4h', '1er février 2027, 2 h – 4 h'],
    ['2027-08-15 22h-1h', '15 août 2027, 22 h – 1 h (le lendemain)'],
    ['1er mercredi 2h-4h HNE', "1er mercredi du mois, 2 h – 4 h (heure de l'Est)"],
    ['1er mercredi 2h-4h (America/Vancouver)', '1er mercredi du mois, 2 h – 4 h (America/Vancouver)'],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(formatRule(rule(text), 'fr')).toBe(expected);
    expect(formatRule(rule(text))).toBe(expected);
  });

  it('round-trips: the French description parses back to the same rule', () => {
    for (const [text] of cases) {
      const original = rule(text);
      // "(le lendemain)" and the zone label are explanations, not grammar: drop them before re-reading.
      const described = formatRule({ ...original, zone: undefined }, 'fr').replace(' (le lendemain)', '');
      expect(rule(described), described).toEqual({ ...original, zone: undefined });
    }
  });
});

describe('formatRule (en)', () => {
  it.each([
    ['1er et 3e mercredi 2h-4h', '1st and 3rd Wednesday of the month, 2:00 a.m. – 4:00 a.m.'],
    ['dernier lundi 22h-2h', 'last Monday of the month, 10:00 p.m. – 2:00 a.m. (next day)'],
    ['2e mardi + 8 jours 2h-4h', '2nd Tuesday of the month + 8 days, 2:00 a.m. – 4:00 a.m.'],
    ['tous les lundis et jeudis 2h-4h', 'every Monday and Thursday, 2:00 a.m. – 4:00 a.m.'],
    ['13 janvier 2027 2h-4h HNE', 'January 13, 2027, 2:00 a.m. – 4:00 a.m. (Eastern time)'],
  ])('%s → %s', (text, expected) => {
    expect(formatRule(rule(text), 'en')).toBe(expected);
  });
});

describe('formatTime / formatTimeRange', () => {
  it('writes times the Québec way', () => {
    expect(formatTime({ hour: 2, minute: 0 })).toBe('2 h');
    expect(formatTime({ hour: 14, minute: 5 })).toBe('14 h 05');
    expect(formatTime({ hour: 2, minute: 0 }, 'en')).toBe('2:00 a.m.');
    expect(formatTimeRange({ start: { hour: 23, minute: 30 }, end: { hour: 0, minute: 30 } })).toBe(
      '23 h 30 – 0 h 30 (le lendemain)',
    );
  });
});
