import { describe, expect, it } from 'vitest';
import type { CalendarDate, TimeRange, Weekday } from '../../../shared/schedule';
import { messageOf, rule } from './helpers';

const hm = (hour: number, minute = 0) => ({ hour, minute });

describe('parseSchedule — weekly', () => {
  const cases: Array<[string, Weekday[], TimeRange]> = [
    ['tous les mercredis 2h-4h', [3], { start: hm(2), end: hm(4) }],
    ['chaque dimanche de 4h à 6h', [7], { start: hm(4), end: hm(6) }],
    ['tous les lundis et jeudis 22h-2h', [1, 4], { start: hm(22), end: hm(2) }],
    ['Tous les jeudis et lundis, 22 h – 2 h', [1, 4], { start: hm(22), end: hm(2) }],
    ['les mardis 2h-4h', [2], { start: hm(2), end: hm(4) }],
    ['mercredis 2h-4h', [3], { start: hm(2), end: hm(4) }],
    ['chaque sam. 1h-3h', [6], { start: hm(1), end: hm(3) }],
    ['le mercredi de chaque semaine 2h-4h', [3], { start: hm(2), end: hm(4) }],
    ['toutes les semaines, le jeudi, 2h-4h', [4], { start: hm(2), end: hm(4) }],
    ['du lundi au vendredi 22h-23h', [1, 2, 3, 4, 5], { start: hm(22), end: hm(23) }],
    ['du vendredi au lundi 1h-2h', [1, 5, 6, 7], { start: hm(1), end: hm(2) }],
    ['tous les jours 0h-24h', [1, 2, 3, 4, 5, 6, 7], { start: hm(0), end: hm(0) }],
    ['chaque jour de 3h à 3h30', [1, 2, 3, 4, 5, 6, 7], { start: hm(3), end: hm(3, 30) }],
  ];
  it.each(cases)('%s', (text, weekdays, time) => {
    expect(rule(text)).toEqual({ kind: 'weekly', weekdays, time });
  });

  const errors: Array<[string, string]> = [
    ['mercredi 2h-4h', 'Quel mercredi ? Précisez « 1er mercredi » (chaque mois) ou « tous les mercredis »'],
    ['le lundi 2h-4h', 'Quel lundi ? Précisez « 1er lundi » (chaque mois) ou « tous les lundis »'],
    ['tous les mercredis +1 jour 2h-4h', 'Un décalage (+ N jours) suit un jour du mois (ex. : 2e mardi + 1 jour)'],
    ['jours 2h-4h', 'Précisez « tous les jours »'],
    ['tous les mercredis 3 2h-4h', 'Texte non compris : « 3 »'],
  ];
  it.each(errors)('refuses %s', (text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

describe('parseSchedule — one-off dates', () => {
  const cases: Array<[string, CalendarDate, TimeRange]> = [
    ['13 janvier 2027 de 2h à 4h', { year: 2027, month: 1, day: 13 }, { start: hm(2), end: hm(4) }],
    ['le 1er février 2027 2h-4h', { year: 2027, month: 2, day: 1 }, { start: hm(2), end: hm(4) }],
    ['premier février 2027 2h-4h', { year: 2027, month: 2, day: 1 }, { start: hm(2), end: hm(4) }],
    ['1 fevrier 2027 2h-4h', { year: 2027, month: 2, day: 1 }, { start: hm(2), end: hm(4) }],
    ['2027-02-10 22h-1h', { year: 2027, month: 2, day: 10 }, { start: hm(22), end: hm(1) }],
    ['2027-2-3 2h-4h', { year: 2027, month: 2, day: 3 }, { start: hm(2), end: hm(4) }],
    ['2027/02/10 2h-4h', { year: 2027, month: 2, day: 10 }, { start: hm(2), end: hm(4) }],
    ['15 août 2027 2h-4h', { year: 2027, month: 8, day: 15 }, { start: hm(2), end: hm(4) }],
    ['15 aout 2027 2h-4h', { year: 2027, month: 8, day: 15 }, { start: hm(2), end: hm(4) }],
    ['24 décembre 2026 2h-4h', { year: 2026, month: 12, day: 24 }, { start: hm(2), end: hm(4) }],
    ['24 DÉC. 2026 2h-4h', { year: 2026, month: 12, day: 24 }, { start: hm(2), end: hm(4) }],
    ['13 janv. 2027 2h-4h', { year: 2027, month: 1, day: 13 }, { start: hm(2), end: hm(4) }],
    ['3 févr. 2027 2h-4h', { year: 2027, month: 2, day: 3 }, { start: hm(2), end: hm(4) }],
    ['7 mars 2027 2h-4h', { year: 2027, month: 3, day: 7 }, { start: hm(2), end: hm(4) }],
    ['mercredi 13 janvier 2027 2h-4h', { year: 2027, month: 1, day: 13 }, { start: hm(2), end: hm(4) }],
    ['de 2h à 4h le 13 janvier 2027', { year: 2027, month: 1, day: 13 }, { start: hm(2), end: hm(4) }],
    ['de 2h à 4h 13 janvier 2027', { year: 2027, month: 1, day: 13 }, { start: hm(2), end: hm(4) }],
    ['13/01/2027 2h-4h', { year: 2027, month: 1, day: 13 }, { start: hm(2), end: hm(4) }],
    ['01/13/2027 2h-4h', { year: 2027, month: 1, day: 13 }, { start: hm(2), end: hm(4) }],
    ['05/05/2027 2h-4h', { year: 2027, month: 5, day: 5 }, { start: hm(2), end: hm(4) }],
    ['29 février 2028 2h-4h', { year: 2028, month: 2, day: 29 }, { start: hm(2), end: hm(4) }],
  ];
  it.each(cases)('%s', (text, date, time) => {
    expect(rule(text)).toEqual({ kind: 'once', date, time });
  });

  const errors: Array<[string, string]> = [
    ['31 février 2027 2h-4h', 'Date invalide : 31 février 2027'],
    ['29 février 2027 2h-4h', 'Date invalide : 29 février 2027'],
    ['31 avril 2027 2h-4h', 'Date invalide : 31 avril 2027'],
    ['2027-02-30 2h-4h', 'Date invalide : 2027-02-30'],
    ['2027-13-01 2h-4h', 'Date invalide : 2027-13-01'],
    ['10/02/2027 2h-4h', 'Date ambiguë : 10/02/2027 (écrivez par ex. 2027-02-10 ou 10 février 2027)'],
    ['13 janvier 2h-4h', 'Année manquante (ex. : 13 janvier 2027)'],
    ['janvier 2027 2h-4h', 'Jour du mois manquant (ex. : 13 janvier 2027)'],
    ['13 janvier 27 2h-4h', 'Année non comprise après « janvier » (ex. : 2027)'],
    ['13 janvier 1999 2h-4h', 'Année invalide : 1999'],
    ['jeudi 13 janvier 2027 2h-4h', 'Le 13 janvier 2027 tombe un mercredi, pas un jeudi'],
    ['2e février 2027 2h-4h', 'Jour du mois non compris avant « février »'],
    ['13 janvier 2027 +1 jour 2h-4h', 'Une date précise ne prend ni « tous les », ni rang, ni décalage'],
    ['13 janvier et 14 février 2027 2h-4h', 'Une seule date par plage'],
  ];
  it.each(errors)('refuses %s', (text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

describe('parseSchedule — time ranges', () => {
  const cases: Array<[string, TimeRange]> = [
    ['2h-4h', { start: hm(2), end: hm(4) }],
    ['2 h – 4 h', { start: hm(2), end: hm(4) }],
    ['2 h — 4 h', { start: hm(2), end: hm(4) }],
    ['2h - 4h', { start: hm(2), end: hm(4) }],
    ['de 2h à 4h', { start: hm(2), end: hm(4) }],
    ['de 2h a 4h', { start: hm(2), end: hm(4) }],
    ['2h à 4h', { start: hm(2), end: hm(4) }],
    ['2h00-4h00', { start: hm(2), end: hm(4) }],
    ['02h00-04h00', { start: hm(2), end: hm(4) }],
    ['02:00-04:00', { start: hm(2), end: hm(4) }],
    ['2:00-4:00', { start: hm(2), end: hm(4) }],
    ['1h30-3h15', { start: hm(1, 30), end: hm(3, 15) }],
    ['de 2 h 30 à 4 h', { start: hm(2, 30), end: hm(4) }],
    ['2-4h', { start: hm(2), end: hm(4) }],
    ['de 2 à 4h', { start: hm(2), end: hm(4) }],
    ['entre 2h et 4h', { start: hm(2), end: hm(4) }],
    ["de 2h jusqu'à 4h", { start: hm(2), end: hm(4) }],
    ['2 heures à 4 heures', { start: hm(2), end: hm(4) }],
    ['22h-2h', { start: hm(22), end: hm(2) }],
    ['23h30-0h30', { start: hm(23, 30), end: hm(0, 30) }],
    ['22h-24h', { start: hm(22), end: hm(0) }],
    ['0h-24h', { start: hm(0), end: hm(0) }],
    ['de minuit à 4h', { start: hm(0), end: hm(4) }],
    ['de 22h à minuit', { start: hm(22), end: hm(0) }],
    ['midi-13h', { start: hm(12), end: hm(13) }],
    ['0h-23h59', { start: hm(0), end: hm(23, 59) }],
  ];
  it.each(cases)('1er mercredi %s', (range, time) => {
    expect(rule(`1er mercredi ${range}`).time).toEqual(time);
  });

  const errors: Array<[string, string]> = [
    ['1er mercredi 25h-4h', 'Heure invalide : 25h'],
    ['1er mercredi 2h-25h', 'Heure invalide : 25h'],
    ['1er mercredi 2h-4h75', 'Heure invalide : 4h75'],
    ['1er mercredi 2h60-4h', 'Heure invalide : 2h60'],
    ['1er mercredi 24h-2h', 'Heure invalide : 24h'],
    ['1er mercredi 2h-24h30', 'Heure invalide : 24h30'],
    ['1er mercredi 2:75-4:00', 'Heure invalide : 2:75'],
    ['1er mercredi 125h-4h', 'Heure invalide : 125h'],
    ['1er mercredi 2h-2h', "Plage horaire vide : 2h-2h (l'heure de fin doit différer de l'heure de début)"],
    ['1er mercredi 0h-0h', "Plage horaire vide : 0h-0h (l'heure de fin doit différer de l'heure de début)"],
    ['1er mercredi 2h', 'Heure de fin manquante après 2h (ex. : 2h-4h)'],
    ['1er mercredi 25h', 'Heure invalide : 25h'],
    ['1er mercredi', 'Heures manquantes : ajoutez une plage comme 2h-4h'],
    ['1er mercredi 2h-4h et 3e mercredi 6h-8h', 'Une seule plage horaire par ligne (trouvé : 2h-4h, 6h-8h)'],
    ['1er mercredi 2h-4h 6h', 'Heure en trop : 6h (une seule plage par ligne)'],
    ['1er mercredi 2h-4h pm', 'Texte non compris : « pm »'],
  ];
  it.each(errors)('refuses %s', (text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

describe('parseSchedule — explicit zone', () => {
  const cases: Array<[string, string]> = [
    ['1er mercredi 2h-4h (America/Vancouver)', 'America/Vancouver'],
    ['1er mercredi 2h-4h america/vancouver', 'America/Vancouver'],
    ['1er mercredi 2h-4h Europe/Paris', 'Europe/Paris'],
    ['1er mercredi 2h-4h HNE', 'America/Toronto'],
    ['1er mercredi 2h-4h (HAE)', 'America/Toronto'],
    ["1er mercredi 2h-4h heure de l'Est", 'America/Toronto'],
    ["1er mercredi 2h-4h (heure normale de l'Est)", 'America/Toronto'],
    ['1er mercredi 2h-4h (EST)', 'America/Toronto'],
    ['tous les lundis 2h-4h (America/Toronto)', 'America/Toronto'],
    ['13 janvier 2027 2h-4h Asia/Tokyo', 'Asia/Tokyo'],
  ];
  it.each(cases)('%s → %s', (text, zone) => {
    expect(rule(text).zone).toBe(zone);
  });

  it('leaves the zone out when the text names none', () => {
    expect('zone' in rule('1er mercredi 2h-4h')).toBe(false);
  });

  it.each([
    ['1er mercredi 2h-4h (Amerique/Montreal)', 'Fuseau horaire inconnu : Amerique/Montreal'],
    ['1er mercredi 2h-4h Europe/Paris HNE', "Deux fuseaux horaires différents : Europe/Paris et heure de l'Est"],
    ['1er mercredi 2h-4h Europe/Paris Asia/Tokyo', 'Deux fuseaux horaires différents : Europe/Paris et Asia/Tokyo'],
  ])('refuses %s', (text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});
