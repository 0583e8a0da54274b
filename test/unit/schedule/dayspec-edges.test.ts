/**
 * The day part's edges, word by word (parseDaySpec gets the normalised text once the time range and zone are
 * out): the filler words it skips, the phrases it rewrites, and the exact refusal for each misplaced word.
 */
import { describe, expect, it } from 'vitest';
import { parseDaySpec } from '../../../shared/schedule/dayspec';
import { parseSchedule } from '../../../shared/schedule/parse';

const FIRST_WEDNESDAY = { ok: true, spec: { kind: 'monthly', ordinals: [1], weekday: 3, offsetDays: 0 } };
const WEDNESDAYS = { ok: true, spec: { kind: 'weekly', weekdays: [3] } };
const refused = (message: string) => ({ ok: false, message });

describe('parseDaySpec — words it skips or rewrites', () => {
  it.each(['le', 'la', 'les', 'l', 'd', 'de', 'du', 'des', 'a', 'et', 'mois', 'soit'])(
    'skips the filler word « %s », before or after the rule',
    (word) => {
      expect(parseDaySpec(`${word} 1er mercredi`)).toEqual(FIRST_WEDNESDAY);
      expect(parseDaySpec(`1er mercredi ${word}`)).toEqual(FIRST_WEDNESDAY);
    },
  );

  it('refuses a word that is not a filler', () => {
    expect(parseDaySpec('1er mercredi sauf')).toEqual(refused('Texte non compris : « sauf »'));
  });

  it.each(['hebdomadaire', 'hebdo'])('reads « mercredi %s » as every Wednesday', (word) => {
    expect(parseDaySpec(`mercredi ${word}`)).toEqual(WEDNESDAYS);
  });

  it('« chaque semaine » means every week with or without « de » before it; « chaque mois » never does', () => {
    expect(parseDaySpec('mercredi chaque semaine')).toEqual(WEDNESDAYS);
    expect(parseDaySpec('mercredi de chaque semaine')).toEqual(WEDNESDAYS);
    expect(parseDaySpec('mercredi chaque mois')).toEqual(
      refused('Quel mercredi ? Précisez « 1er mercredi » (chaque mois) ou « tous les mercredis »'),
    );
  });

  it('a phrase taken out leaves the words around it apart', () => {
    expect(parseDaySpec('1er mercredi #du mois#')).toEqual(refused('Texte non compris : « # »'));
    expect(parseDaySpec('mercredi #chaque semaine#')).toEqual(refused('Texte non compris : « # »'));
  });

  it('reads an ISO date after other words, not only at the start', () => {
    expect(parseDaySpec('mercredi 2027-02-10')).toEqual({
      ok: true,
      spec: { kind: 'once', date: { year: 2027, month: 2, day: 10 } },
    });
  });

  it('quotes an offset with its spaces collapsed', () => {
    expect(parseDaySpec('2e mardi +  40 jours')).toEqual(
      refused('Décalage trop grand : + 40 jours (31 jours au plus)'),
    );
    expect(parseDaySpec('2e mardi -  5 sem')).toEqual(refused('Décalage trop grand : - 5 sem (31 jours au plus)'));
  });

  it('keeps eleven dates apart (placeholders past 9) and refuses them as more than one date', () => {
    const dates = Array.from({ length: 11 }, (_, i) => `2027-01-${String(i + 1).padStart(2, '0')}`).join(' ');
    expect(parseDaySpec(dates)).toEqual(refused('Une seule date par plage'));
  });

  it.each(['x@0', '@0x', '13x', 'x13'])('refuses the word « %s » rather than read part of it', (word) => {
    expect(parseDaySpec(`1er mercredi ${word}`)).toEqual(refused(`Texte non compris : « ${word} »`));
    expect(parseDaySpec(`${word} janvier 2027`)).toEqual(refused(`Texte non compris : « ${word} »`));
  });
});

describe('parseDaySpec — monthly and weekly refusals', () => {
  it('a rule with no day at all asks for one (« 2h-4h » alone, or nothing left once the time is out)', () => {
    const message = 'Jour de la semaine introuvable (ex. : 1er mercredi 2h-4h)';
    expect(parseSchedule('2h-4h')).toEqual({ status: 'unrecognized', raw: '2h-4h', message });
    expect(parseDaySpec('')).toEqual(refused(message));
  });

  it.each([
    ['1er mercredi jours', 'Texte non compris : « jours »'],
    ['1er mercredi + 2 jours 3e', 'Le décalage (+ 2 jours) doit suivre le jour (ex. : 2e mardi + 1 jour)'],
    ['1er mercredi 3e', 'Le jour de la semaine doit suivre le rang (ex. : 1er mercredi)'],
    ['tous les jours mercredi', '« tous les jours » ou des jours de la semaine, pas les deux'],
  ])('refuses %s', (text, message) => {
    expect(parseDaySpec(text)).toEqual(refused(message));
  });
});

describe('parseDaySpec — one date', () => {
  it.each([
    ['mercredi 1er fevrier 2027', 'Le 1er février 2027 tombe un lundi, pas un mercredi'],
    ['tous les 13 janvier 2027', 'Une date précise ne prend ni « tous les », ni rang, ni décalage'],
    ['lundi mardi 13 janvier 2027', 'Un seul jour de la semaine avec une date'],
    ['2027-01-13 janvier', 'Une seule date par plage'],
    ['2027-01-13 5', 'Une seule date par plage'],
    ['1er 2027-01-13', 'Une seule date par plage'],
    ['5 13 janvier 2027', 'Jour du mois non compris avant « janvier »'],
    ['013 janvier 2027', 'Jour du mois non compris avant « janvier »'],
    ['001 janvier 2027', 'Jour du mois non compris avant « janvier »'],
    ['1er 5 janvier 2027', 'Jour du mois non compris avant « janvier »'],
    ['1er janvier', 'Année manquante (ex. : 1er janvier 2027)'],
    ['13 janvier', 'Année manquante (ex. : 13 janvier 2027)'],
    ['13 janvier 2027 5', 'Année non comprise après « janvier » (ex. : 2027)'],
    ['13 janvier 2eme', 'Année non comprise après « janvier » (ex. : 2027)'],
  ])('refuses %s', (text, message) => {
    expect(parseDaySpec(text)).toEqual(refused(message));
  });

  it('accepts the years 2000 to 2099 and no other', () => {
    expect(parseDaySpec('2000-01-01')).toEqual({
      ok: true,
      spec: { kind: 'once', date: { year: 2000, month: 1, day: 1 } },
    });
    expect(parseDaySpec('2099-12-31')).toEqual({
      ok: true,
      spec: { kind: 'once', date: { year: 2099, month: 12, day: 31 } },
    });
    expect(parseDaySpec('1999-12-31')).toEqual(refused('Année invalide : 1999'));
    expect(parseDaySpec('2100-01-01')).toEqual(refused('Année invalide : 2100'));
  });
});
