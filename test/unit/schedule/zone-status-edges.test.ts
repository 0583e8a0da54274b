/**
 * Zones and statuses at their edges (issue 14, mutation survivors of zone.ts and parse.ts): the Toronto zone
 * named twice, one zone written twice, zone names of three segments, what is and is not an unknown zone, the
 * space a removed zone leaves, and a status word that opens the cell versus one that ends a rule.
 */
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../shared/schedule';
import { extractEasternZone, extractIanaZone } from '../../../shared/schedule/zone';
import { messageOf, rule } from './helpers';

describe('explicit zones', () => {
  it("accepts America/Toronto together with heure de l'Est: they name the same zone", () => {
    expect(rule('1er mercredi 2h-4h (America/Toronto) HNE').zone).toBe('America/Toronto');
  });

  it('accepts one zone written twice, in two spellings', () => {
    expect(rule('1er mercredi 2h-4h Europe/Paris europe/paris').zone).toBe('Europe/Paris');
  });

  it('reads a zone name of three segments whole', () => {
    expect(rule('1er mercredi 2h-4h America/North_Dakota/New_Salem').zone).toBe('America/North_Dakota/New_Salem');
  });

  it('reads (EST) with spaces inside the brackets', () => {
    expect(rule('1er mercredi 2h-4h ( EST )').zone).toBe('America/Toronto');
  });

  // Only a first segment that IS an area is reported as a wrong zone; the rest is left to the grammar.
  it.each([
    ['1er mercredi 2h-4h Eurasia/Kazakhstan', 'Texte non compris : « eurasia »'],
    ['1er mercredi 2h-4h Asiatique/Tokyo', 'Texte non compris : « asiatique »'],
  ])('does not call %s a wrong zone (its first segment is not an area, though it contains one)', (text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

describe('a zone taken out of the text leaves a space: the text on its sides never joins into one word', () => {
  it('for (EST) written inside a word', () => {
    expect(messageOf('1er mer(EST)credi 2h-4h')).toBe('Texte non compris : « credi »');
  });

  it('for an IANA name between two combining accents (decomposed text), which folding takes off', () => {
    expect(messageOf('1er mercre\u0301Europe/Paris\u0301di 2h-4h')).toBe('Texte non compris : « mercre »');
  });

  it('extractIanaZone and extractEasternZone put a space where the zone was', () => {
    expect(extractIanaZone('a Europe/Paris b')).toStrictEqual({ ok: true, zone: 'Europe/Paris', rest: 'a   b' });
    expect(extractIanaZone('a b')).toStrictEqual({ ok: true, zone: undefined, rest: 'a b' });
    expect(extractEasternZone("a heure de l'est b")).toStrictEqual({ found: true, rest: 'a   b' });
    expect(extractEasternZone('a b')).toStrictEqual({ found: false, rest: 'a b' });
  });
});

describe('statuses open the cell, after any punctuation', () => {
  it.each(['(Pas touché)', '- Pas touché', '* Non concerné'])('%s → not-affected', (text) => {
    expect(parseSchedule(text)).toEqual({ status: 'not-affected', raw: text });
  });

  it.each(['(À venir)', '- à confirmer'])('%s → to-be-determined', (text) => {
    expect(parseSchedule(text)).toEqual({ status: 'to-be-determined', raw: text });
  });

  it.each([
    ['1er mercredi 2h-4h à venir', 'Texte non compris : « venir »'],
    ['1er mercredi 2h-4h, date à confirmer', 'Texte non compris : « date »'],
  ])('does not read "%s" as to be determined: the rule comes first', (text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});
