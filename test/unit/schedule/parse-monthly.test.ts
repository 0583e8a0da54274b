import { describe, expect, it } from 'vitest';
import { parseSchedule, type Ordinal, type Weekday } from '../../../shared/schedule';
import { messageOf, rule } from './helpers';

const TWO_TO_FOUR = { start: { hour: 2, minute: 0 }, end: { hour: 4, minute: 0 } };

function monthly(text: string) {
  const r = rule(text);
  if (r.kind !== 'monthly') throw new Error(`"${text}" gave ${r.kind}`);
  return r;
}

describe('parseSchedule — monthly by weekday', () => {
  it('reads the seed inventory values exactly', () => {
    expect(monthly('1er mercredi 2h-4h')).toEqual({
      kind: 'monthly',
      ordinals: [1],
      weekday: 3,
      offsetDays: 0,
      time: TWO_TO_FOUR,
    });
    expect(monthly('3e mercredi 2h-4h')).toEqual({
      kind: 'monthly',
      ordinals: [3],
      weekday: 3,
      offsetDays: 0,
      time: TWO_TO_FOUR,
    });
  });

  it('keeps the raw text untouched', () => {
    const text = '  Le 1er Mercredi du mois, de 2 h à 4 h.  ';
    const parsed = parseSchedule(text);
    expect(parsed.status).toBe('scheduled');
    expect(parsed.raw).toBe(text);
  });

  const ordinals: Array<[string, Ordinal]> = [
    ['1er', 1],
    ['1re', 1],
    ['1ère', 1],
    ['1ere', 1],
    ['premier', 1],
    ['première', 1],
    ['2e', 2],
    ['2ème', 2],
    ['2eme', 2],
    ['2ieme', 2],
    ['2nd', 2],
    ['deuxième', 2],
    ['second', 2],
    ['seconde', 2],
    ['3e', 3],
    ['3ème', 3],
    ['3ᵉ', 3],
    ['troisième', 3],
    ['4e', 4],
    ['quatrième', 4],
    ['5e', 5],
    ['cinquième', 5],
    ['dernier', -1],
    ['dernière', -1],
    ['DERNIER', -1],
  ];
  it.each(ordinals)('ordinal %s → %i', (word, value) => {
    expect(monthly(`${word} mercredi 2h-4h`).ordinals).toEqual([value]);
  });

  const weekdays: Array<[string, Weekday]> = [
    ['lundi', 1],
    ['lun.', 1],
    ['mardi', 2],
    ['mar.', 2],
    ['mercredi', 3],
    ['mer.', 3],
    ['jeudi', 4],
    ['jeu.', 4],
    ['vendredi', 5],
    ['ven.', 5],
    ['samedi', 6],
    ['sam.', 6],
    ['dimanche', 7],
    ['dim.', 7],
    ['Mercredi', 3],
    ['MERCREDI', 3],
    ['mercredis', 3],
    ['dimanches', 7],
  ];
  it.each(weekdays)('weekday %s → %i', (word, value) => {
    expect(monthly(`1er ${word} 2h-4h`).weekday).toBe(value);
  });

  const lists: Array<[string, Ordinal[], Weekday]> = [
    ['1er et 3e mercredi 2h-4h', [1, 3], 3],
    ['1er et 3e mercredis 2h-4h', [1, 3], 3],
    ['2e, 4e mardi 2h-4h', [2, 4], 2],
    ['1er, 3e et dernier lundi 2h-4h', [1, 3, -1], 1],
    ['dernier et 1er lundi 2h-4h', [1, -1], 1],
    ['3e et 1er mercredi 2h-4h', [1, 3], 3],
    ['1er et 1er mercredi 2h-4h', [1], 3],
    ['1er mercredi et 3e mercredi 2h-4h', [1, 3], 3],
    ['les 1ers et 3es mercredis du mois 2h-4h', [1, 3], 3],
  ];
  it.each(lists)('several ordinals: %s', (text, expected, weekday) => {
    const r = monthly(text);
    expect(r.ordinals).toEqual(expected);
    expect(r.weekday).toBe(weekday);
  });

  const fillers = [
    'le 1er mercredi 2h-4h',
    '1er mercredi du mois 2h-4h',
    'le 1er mercredi du mois de 2h à 4h',
    'Le 1er mercredi du mois, entre 2 h et 4 h.',
    '1er mercredi de chaque mois 2h-4h',
    'chaque 1er mercredi 2h-4h',
    'tous les 1ers mercredis du mois 2h-4h',
    '1ER MERCREDI 2H-4H',
    '1er mercredi, 2h-4h',
    '1er mercredi - 2h-4h',
    '1er mercredi 2h-4h.',
    '1er\u00a0mercredi\u00a02\u00a0h\u00a0–\u00a04\u00a0h',
    '2h-4h le 1er mercredi',
    'de 2h à 4h, 1er mercredi du mois',
    '1er mercredi (2h-4h)',
  ];
  it.each(fillers)('accepts harmless wording: %s', (text) => {
    expect(monthly(text)).toEqual({ kind: 'monthly', ordinals: [1], weekday: 3, offsetDays: 0, time: TWO_TO_FOUR });
  });

  const offsets: Array<[string, number]> = [
    ['2e mardi +1 jour 2h-4h', 1],
    ['2e mardi + 1 jour 2h-4h', 1],
    ['2e mardi +1j 2h-4h', 1],
    ['2e mardi+1j 2h-4h', 1],
    ['2e mardi + 8 jours 2h-4h', 8],
    ['2e mardi du mois + 8 jours de 2h à 4h', 8],
    ['2e mardi +1 semaine 2h-4h', 7],
    ['2e mardi -1 jour 2h-4h', -1],
    ['2e mardi – 2 jours 2h-4h', -2],
    ['2e mardi +0 jour 2h-4h', 0],
    ['2e mardi +31 jours 2h-4h', 31],
  ];
  it.each(offsets)('offset: %s → %i', (text, days) => {
    const r = monthly(text);
    expect(r.offsetDays).toBe(days);
    expect(r.ordinals).toEqual([2]);
    expect(r.weekday).toBe(2);
    expect(r.time).toEqual(TWO_TO_FOUR);
  });

  const errors: Array<[string, string]> = [
    ['8e mercredi 2h-4h', 'Ordinal invalide : 8e (1er à 5e ou dernier)'],
    ['6e mercredi 2h-4h', 'Ordinal invalide : 6e (1er à 5e ou dernier)'],
    ['0e mercredi 2h-4h', 'Ordinal invalide : 0e (1er à 5e ou dernier)'],
    ['sixième mercredi 2h-4h', 'Ordinal invalide : sixieme (1er à 5e ou dernier)'],
    ['1er et 8e mercredi 2h-4h', 'Ordinal invalide : 8e (1er à 5e ou dernier)'],
    ['1er 2h-4h', 'Jour de la semaine introuvable après le rang (ex. : 1er mercredi)'],
    ['1er lundi et 3e mercredi 2h-4h', 'Un seul jour de la semaine par plage mensuelle (ex. : 1er et 3e mercredi)'],
    ['2e mardi +40 jours 2h-4h', 'Décalage trop grand : +40 jours (31 jours au plus)'],
    ['+1 jour 2e mardi 2h-4h', 'Le décalage (+1 jour) doit suivre le jour (ex. : 2e mardi + 1 jour)'],
    ['2e mardi +1 jour +2 jours 2h-4h', 'Un seul décalage par plage (ex. : 2e mardi + 1 jour)'],
    ['mercredi 1er 2h-4h', 'Ordinal manquant avant mercredi (ex. : 1er mercredi)'],
    ['1er mercredi et 3e 2h-4h', 'Le jour de la semaine doit suivre le rang (ex. : 1er mercredi)'],
    ['1er mercredi 2 2h-4h', 'Texte non compris : « 2 »'],
    ['avant-dernier mercredi 2h-4h', 'Texte non compris : « avant »'],
  ];
  it.each(errors)('refuses %s', (text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});
