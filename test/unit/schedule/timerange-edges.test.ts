/**
 * The time range's edges that the parse tests did not pin (issue 14, mutation survivors of timerange.ts): the
 * words "minuit" and "midi" at either end, the colon and "heures" spellings, the tokens shown in each message
 * without their spaces, and what extractTimeRange hands back to the day-part reader.
 */
import { describe, expect, it } from 'vitest';
import { extractTimeRange } from '../../../shared/schedule/timerange';
import { messageOf, rule } from './helpers';

const hm = (hour: number, minute = 0) => ({ hour, minute });

describe('minuit and midi', () => {
  it.each(['tous les jours de 0h à minuit', 'tous les jours de minuit à minuit'])(
    '%s is the whole day (an end of minuit is 24 h, stored as 0:00)',
    (text) => {
      expect(rule(text).time).toEqual({ start: hm(0), end: hm(0) });
    },
  );

  it('refuses midi-midi as an empty range (midi is 12 h at both ends, never the end of the day)', () => {
    expect(messageOf('1er mercredi midi-midi')).toBe(
      "Plage horaire vide : midi-midi (l'heure de fin doit différer de l'heure de début)",
    );
  });

  it('refuses a lone 24h as an invalid hour: read as a start, not as an end whose start is missing', () => {
    expect(messageOf('1er mercredi 24h')).toBe('Heure invalide : 24h');
  });
});

describe('colon and word spellings', () => {
  it.each([
    ['2 : 30 - 4 : 00', { start: hm(2, 30), end: hm(4) }],
    ['02:00h-04:00h', { start: hm(2), end: hm(4) }],
    ['2:00 h-4:00 h', { start: hm(2), end: hm(4) }],
    ['2 heures 30 à 4 heures', { start: hm(2, 30), end: hm(4) }],
  ])('1er mercredi %s', (range, time) => {
    expect(rule(`1er mercredi ${range}`).time).toEqual(time);
  });
});

describe('messages show each time without its spaces', () => {
  it.each([
    ['1er mercredi 25 h-4 h', 'Heure invalide : 25h'],
    ['1er mercredi 2 h', 'Heure de fin manquante après 2h (ex. : 2h-4h)'],
    ['1er mercredi de 2 h à 2 h', "Plage horaire vide : 2h-2h (l'heure de fin doit différer de l'heure de début)"],
    ['1er mercredi 2 h-4 h 6 h', 'Heure en trop : 6h (une seule plage par ligne)'],
    ['1er mercredi 2 h-4 h et 3e mercredi 6 h-8 h', 'Une seule plage horaire par ligne (trouvé : 2h-4h, 6h-8h)'],
  ])('%s', (text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

describe('extractTimeRange', () => {
  // It reads normalised text (parse.ts normalises first): "a", not "à".
  it('returns the range and the text around it, the range replaced by a space', () => {
    expect(extractTimeRange('1er mercredi de 2h a 4h30 (serveur)')).toEqual({
      kind: 'ok',
      range: { start: hm(2), end: hm(4, 30) },
      rest: '1er mercredi   (serveur)',
    });
  });

  it('returns none when the text has no time at all', () => {
    expect(extractTimeRange('1er mercredi')).toEqual({ kind: 'none' });
  });
});
