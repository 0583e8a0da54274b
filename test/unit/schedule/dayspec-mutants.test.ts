/**
 * The day part's rarer words and misplaced pieces, each with its exact answer: "du … au …" around a word that is
 * no weekday, a rule made only of "every" words, an offset between the rank and the weekday, the monthly words
 * taken out, dates after other words, the "jr" unit, and what a single date refuses beside it.
 */
import { describe, expect, it } from 'vitest';
import { parseDaySpec } from '../../../shared/schedule/dayspec';

const FIRST_WEDNESDAY = { ok: true, spec: { kind: 'monthly', ordinals: [1], weekday: 3, offsetDays: 0 } };
const refused = (message: string) => ({ ok: false, message });
const ONE_DATE_ONLY = 'Une date précise ne prend ni « tous les », ni rang, ni décalage';

describe('parseDaySpec — « du … au … » reads a span of weekdays only', () => {
  it('reads « du lundi au vendredi » as the five weekdays', () => {
    expect(parseDaySpec('du lundi au vendredi')).toEqual({
      ok: true,
      spec: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5] },
    });
  });

  it('leaves « du lundi au fond » as typed and refuses its first unknown word (the end is no weekday)', () => {
    expect(parseDaySpec('du lundi au fond')).toEqual(refused('Texte non compris : « au »'));
  });

  it('leaves « du fond au lundi » as typed and refuses its first unknown word (the start is no weekday)', () => {
    expect(parseDaySpec('du fond au lundi')).toEqual(refused('Texte non compris : « fond »'));
  });
});

describe('parseDaySpec — a rule without any day', () => {
  it.each(['chaque', 'tous les', 'hebdo'])(
    '« %s » alone asks for a weekday instead of giving no day at all',
    (text) => {
      expect(parseDaySpec(text)).toEqual(refused('Jour de la semaine introuvable (ex. : 1er mercredi 2h-4h)'));
    },
  );

  it('a lone number asks for a weekday (it is not read as a weekly rule)', () => {
    expect(parseDaySpec('5')).toEqual(refused('Jour de la semaine introuvable (ex. : 1er mercredi 2h-4h)'));
  });

  it('reads « toutes » as an every-word like « tous »: « toutes les mercredi » is every Wednesday', () => {
    expect(parseDaySpec('toutes les mercredi')).toEqual({ ok: true, spec: { kind: 'weekly', weekdays: [3] } });
    expect(parseDaySpec('les mercredi')).toEqual(
      refused('Quel mercredi ? Précisez « 1er mercredi » (chaque mois) ou « tous les mercredis »'),
    );
  });
});

describe('parseDaySpec — monthly offsets and words', () => {
  it('refuses an offset between the rank and its weekday (« 2e + 1 jour mardi »)', () => {
    expect(parseDaySpec('2e + 1 jour mardi')).toEqual(
      refused('Le décalage (+ 1 jour) doit suivre le jour (ex. : 2e mardi + 1 jour)'),
    );
  });

  it('refuses an offset after a second rank that has no weekday yet (« 2e mardi 4e + 1 jour »)', () => {
    expect(parseDaySpec('2e mardi 4e + 1 jour')).toEqual(
      refused('Le décalage (+ 1 jour) doit suivre le jour (ex. : 2e mardi + 1 jour)'),
    );
  });

  it.each(['jr', 'jrs', 'j', 'jour', 'jours'])('reads « + 3 %s » as three days after the weekday', (unit) => {
    expect(parseDaySpec(`2e mardi + 3 ${unit}`)).toEqual({
      ok: true,
      spec: { kind: 'monthly', ordinals: [2], weekday: 2, offsetDays: 3 },
    });
  });

  it.each(['mensuel', 'mensuelle', 'mensuellement', 'par mois', 'de chaque mois', 'tous les mois'])(
    'takes out « %s », which only says monthly',
    (phrase) => {
      expect(parseDaySpec(`1er mercredi ${phrase}`)).toEqual(FIRST_WEDNESDAY);
    },
  );
});

describe('parseDaySpec — one date', () => {
  it('reads a day/month/year date after other words, not only at the start', () => {
    expect(parseDaySpec('mercredi 13/01/2027')).toEqual({
      ok: true,
      spec: { kind: 'once', date: { year: 2027, month: 1, day: 13 } },
    });
  });

  it('does not read a date out of a longer number (« 113/01/2027 »)', () => {
    expect(parseDaySpec('113/01/2027')).toEqual(refused('Jour de la semaine introuvable (ex. : 1er mercredi 2h-4h)'));
  });

  it.each([
    ['2027-01-13 jours', 'a « jours » after an ISO date'],
    ['jours 13 janvier 2027', 'a « jours » before a named-month date'],
    ['2027-01-13 6e', 'an impossible rank after an ISO date'],
    ['sixieme 2027-01-13', 'an impossible rank in words before an ISO date'],
    ['6e janvier 2027', 'an impossible rank as the day of a named-month date'],
  ])('refuses %s (%s)', (text) => {
    expect(parseDaySpec(text)).toEqual(refused(ONE_DATE_ONLY));
  });
});
