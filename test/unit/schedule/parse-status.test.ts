import { describe, expect, it } from 'vitest';
import { parseSchedule, type ScheduleStatus } from '../../../shared/schedule';
import { normalizeText } from '../../../shared/schedule/normalize';
import { messageOf } from './helpers';

describe('parseSchedule — the seed inventory (Annexe 2)', () => {
  const seed: Array<[string, ScheduleStatus]> = [
    ['1er mercredi 2h-4h', 'scheduled'],
    ['3e mercredi 2h-4h', 'scheduled'],
    ['À venir (voir commentaire)', 'to-be-determined'],
    ["Pas touché pour l'instant (serveur de Logibec)", 'not-affected'],
    ['Pas touché', 'not-affected'],
    ["Pas touché pour l'Instant, serveur à l'externe.", 'not-affected'],
    ["Pas touché (version de Windows trop ancienne, il n'y a plus de mise à jour).", 'not-affected'],
    ['Pas touché (hébergé chez le fournisseur).', 'not-affected'],
  ];
  it.each(seed)('%s → %s', (text, status) => {
    const parsed = parseSchedule(text);
    expect(parsed.status).toBe(status);
    expect(parsed.raw).toBe(text);
  });
});

describe('parseSchedule — statuses', () => {
  it.each([
    'Pas touche',
    'PAS TOUCHÉ',
    'pas touchée pour le moment',
    'Non touché',
    'Non-touché (hébergé)',
    '  Pas touché  ',
    '"Pas touché"',
    'Pas\u00a0touché',
    'Pas affecté',
    'Non concerné',
  ])('%s → not-affected', (text) => {
    expect(parseSchedule(text)).toEqual({ status: 'not-affected', raw: text });
  });

  it.each(['À venir', 'A venir', 'à venir, voir avec la DSI', 'À VENIR', 'À déterminer', 'À confirmer'])(
    '%s → to-be-determined',
    (text) => {
      expect(parseSchedule(text)).toEqual({ status: 'to-be-determined', raw: text });
    },
  );

  it.each(['', '   ', '\t\n', '-', '.', '—'])('%j → "Plage de maintenance vide"', (text) => {
    expect(parseSchedule(text)).toEqual({ status: 'unrecognized', raw: text, message: 'Plage de maintenance vide' });
  });

  it('does not read "pas touché" inside a rule as a status', () => {
    expect(messageOf('1er mercredi 2h-4h, pas touché en juillet')).toBe('Texte non compris : « pas »');
  });
});

describe('parseSchedule — commentary and nonsense are reported, never guessed', () => {
  const cases: Array<[string, string]> = [
    ['1er mercredi 2h-4h sauf en juillet', 'Texte non compris : « sauf »'],
    ['1er mercredi 2h-4h (voir commentaire)', 'Texte non compris : « voir »'],
    ['1er mercredi 2h-4h ou 3e mercredi', 'Texte non compris : « ou »'],
    [
      'Sur un serveur de HMR, sera fait le 3e mercredi du mois de 2h à 4h, au lieu de la plage du 1er mercredi de 2h à 4h.',
      'Une seule plage horaire par ligne (trouvé : 2h-4h, 2h-4h)',
    ],
    [
      'Sera fait en novembre.',
      'Plage de maintenance non comprise (ex. : « 1er mercredi 2h-4h », « Pas touché » ou « À venir »)',
    ],
    ['blabla', 'Plage de maintenance non comprise (ex. : « 1er mercredi 2h-4h », « Pas touché » ou « À venir »)'],
    ['n/a', 'Plage de maintenance non comprise (ex. : « 1er mercredi 2h-4h », « Pas touché » ou « À venir »)'],
    ['8e mercredi', 'Ordinal invalide : 8e (1er à 5e ou dernier)'],
    ['2h-4h', 'Jour de la semaine introuvable (ex. : 1er mercredi 2h-4h)'],
  ];
  it.each(cases)('%s', (text, message) => {
    expect(messageOf(text)).toBe(message);
  });

  it.each([
    'x'.repeat(10_000),
    '\u0000',
    '💥 1er mercredi 💥',
    '1er mercredi 99999999999999999999h-4h',
    '((((((((((',
    '1er mercredi 2h-4h '.repeat(50),
    '2e mardi +99999999999999999999 jours 2h-4h',
    '9999-99-99 2h-4h',
  ])('never throws nor crashes inside, keeps raw: %#', (text) => {
    const parsed = parseSchedule(text);
    expect(parsed.raw).toBe(text);
    expect(parsed.status).toBe('unrecognized');
    // parseSchedule catches its own crashes: a refusal must not be one (test/unit/cli/check-inventory-findings.test.ts).
    expect(parsed).not.toHaveProperty('internalError');
  });

  it('survives a non-string from loosely typed callers', () => {
    expect(parseSchedule(null as unknown as string)).toEqual({
      status: 'unrecognized',
      raw: '',
      message: 'Plage de maintenance vide',
    });
  });
});

describe('normalizeText', () => {
  it.each([
    ['  1ER  Mercredi  ', '1er mercredi'],
    ['3ème mercredi 2h–4h', '3eme mercredi 2h-4h'],
    ['3ᵉ', '3e'],
    ['Février, Août, Décembre', 'fevrier, aout, decembre'],
    ['l’Est', "l'est"],
    ['2\u00a0h\u202f—\u20094\u00a0h', '2 h - 4 h'],
    ['«\u00a0Pas touché\u00a0»', 'pas touche'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });

  it('turns a quote glued between two words into a space, so the words stay apart', () => {
    expect(normalizeText('1er«mercredi»2h-4h')).toBe('1er mercredi 2h-4h');
    expect(normalizeText('Pas"touché"')).toBe('pas touche');
    expect(parseSchedule('1er«mercredi»2h-4h').status).toBe('scheduled');
  });
});
