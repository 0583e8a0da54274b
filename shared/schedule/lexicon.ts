/**
 * French words the grammar knows, in their normalised form (lowercase, no accents; see normalize.ts).
 */
import type { Ordinal, Weekday } from './types';

const WEEKDAY_WORDS: Readonly<Record<string, Weekday>> = {
  lundi: 1,
  lun: 1,
  mardi: 2,
  mar: 2,
  mercredi: 3,
  mer: 3,
  merc: 3,
  mercr: 3,
  jeudi: 4,
  jeu: 4,
  vendredi: 5,
  ven: 5,
  vend: 5,
  samedi: 6,
  sam: 6,
  dimanche: 7,
  dim: 7,
};

/** Full names only may take a plural "s": "mars" must stay the month, not "mar" (mardi) + s. */
const WEEKDAY_FULL = new Set(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);

export function weekdayWord(word: string): { weekday: Weekday; plural: boolean } | null {
  const direct = WEEKDAY_WORDS[word];
  if (direct !== undefined) return { weekday: direct, plural: false };
  if (word.endsWith('s') && WEEKDAY_FULL.has(word.slice(0, -1))) {
    return { weekday: WEEKDAY_WORDS[word.slice(0, -1)] as Weekday, plural: true };
  }
  return null;
}

const MONTH_WORDS: Readonly<Record<string, number>> = {
  janvier: 1,
  janv: 1,
  jan: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  sept: 9,
  sep: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  dec: 12,
};

export function monthWord(word: string): number | null {
  return MONTH_WORDS[word] ?? null;
}

/**
 * For regexes that must not swallow a following month name (e.g. "4h 13 janvier" is not 4h13). Its one user
 * (timerange.ts) follows it with \b, so "jan" never stands for "janvier" whatever the order of the words.
 */
export const MONTH_PATTERN = Object.keys(MONTH_WORDS).join('|');

const ORDINAL_WORDS: Readonly<Record<string, Ordinal>> = {
  premier: 1,
  premiere: 1,
  deuxieme: 2,
  second: 2,
  seconde: 2,
  troisieme: 3,
  quatrieme: 4,
  cinquieme: 5,
  dernier: -1,
  derniere: -1,
};

/** Ordinals that are valid French but cannot exist for a weekday in a month: reported, not ignored. */
const IMPOSSIBLE_ORDINAL_WORDS = new Set(['sixieme', 'septieme', 'huitieme', 'neuvieme', 'dixieme']);

/** "1er", "1re", "1ère", "2e", "2ème", "2ieme", "2nd", "3rd"… (accents already stripped). */
const DIGIT_ORDINAL = /^(\d+)(?:er|re|ere|ier|iere|e|eme|ieme|em|nd|nde|d|de|st|rd|th)s?$/;

export type OrdinalWord = { ok: true; value: Ordinal } | { ok: false } | null;

/** null: not an ordinal at all; { ok: false }: looks like an ordinal but is outside 1er…5e / dernier. */
export function ordinalWord(word: string): OrdinalWord {
  const named = ORDINAL_WORDS[word];
  if (named !== undefined) return { ok: true, value: named };
  if (IMPOSSIBLE_ORDINAL_WORDS.has(word)) return { ok: false };
  const m = DIGIT_ORDINAL.exec(word);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 5 ? { ok: true, value: n as Ordinal } : { ok: false };
}
