/**
 * Small text helpers shared by the inventory readers: normalisation for comparisons (headers, sheet names,
 * keywords), yes/no cells, "HH:MM" times and the "Mise à jour : …" date. Pure, no Node.
 */
import { DateTime } from 'luxon';

/** Whitespace other than a single inner space: a tab/newline/NBSP…, two spaces in a row, or a leading/trailing one. */
const MESSY_SPACES = /[^\S ]| {2}|^ | $/;
const NOT_PLAIN_ASCII = /[^\u0020-\u007e\t\n\r]/;

/** Lowercase, without accents, whitespace collapsed. Used to compare what people type, never to display it. */
export function foldText(text: string): string {
  // Plain ASCII has no accent to take off (the import folds every application name: bench, 20,000 rows).
  const bare = NOT_PLAIN_ASCII.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;
  const lower = bare.toLowerCase();
  return MESSY_SPACES.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower;
}

/** Trim and collapse every run of whitespace (including the newlines of a wrapped Excel cell) into one space. */
export function collapseSpaces(text: string): string {
  // Most cells are already clean: testing is cheaper than rebuilding the string (bench: 6 calls per row).
  return MESSY_SPACES.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * A header (or sheet name) reduced to what identifies it: no accents, no case, no punctuation, no
 * parenthesised hint ("Début de quart (HH:MM)"), and each word in the singular ("Plages" = "Plage").
 * The crude singular (drop a final "s" on words of 4+ letters) is applied to both sides of every comparison,
 * so it only has to be consistent, not correct French.
 */
export function normalizeHeader(text: string): string {
  return foldText(text.replace(/\([^)]*\)/g, ' '))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word))
    .join(' ');
}

const YES = new Set(['oui', 'o', 'x', 'vrai', 'yes', 'y', 'true', '1', '✓', '✔', 'v']);
const NO = new Set(['non', 'n', 'faux', 'no', 'false', '0', '-']);

/**
 * A yes/no cell: true / false, null when empty, undefined when the text is neither (the caller warns).
 */
export function parseYesNo(text: string): boolean | null | undefined {
  const folded = foldText(text).replace(/[.!]+$/, '');
  if (folded === '') return null;
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return undefined;
}

/**
 * "8:00", "08:00", "8h", "8 h 30", "08h30", "0800" → "08:00" / "08:30". "24:00" (an end of day) → "00:00".
 * null when it is not a time of day.
 */
export function parseHhmm(text: string): string | null {
  const folded = foldText(text).replace(/\s+/g, '');
  const m = /^(\d{1,2})(?:[:h](\d{2})?|(\d{2}))?$/.exec(folded);
  if (!m) return null;
  // A bare number ("8") is accepted as a whole hour; "0800" as HHMM.
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? m[3] ?? '0');
  if (hour === 24 && minute === 0) return '00:00';
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const MONTHS: Record<string, number> = {
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};

function isoDate(year: number, month: number, day: number): string | null {
  const date = DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
  return date.isValid ? date.toFormat('yyyy-MM-dd') : null;
}

/**
 * A calendar date as people write it here: "2018-09-28" (also with / or .), "28 septembre 2018",
 * "1er octobre 2018", "vendredi 28 septembre 2018". Day-first numeric dates (28/09/2018) are refused on
 * purpose: 03/04/2018 means different days to different people. Returns "YYYY-MM-DD" or null.
 */
export function parseCalendarDate(text: string): string | null {
  const folded = foldText(text).replace(/[.,;]+$/, '');
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(folded);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const fr = /^(?:[a-z]+ )?(\d{1,2})(?:er)? ([a-z]+) (\d{4})$/.exec(folded);
  if (fr) {
    const month = MONTHS[fr[2] ?? ''];
    return month ? isoDate(Number(fr[3]), month, Number(fr[1])) : null;
  }
  return null;
}

/**
 * The date of a "Mise à jour : 2018-09-28" title line (any case/accents, with or without colon, "le").
 * undefined = not a "Mise à jour" line (a title such as "Mise à jour Windows des serveurs" is not one);
 * null = it is one (colon, "le", or a number follows), but the date is not understood.
 */
export function parseUpdateLine(line: string): string | null | undefined {
  const m = /(?:^|[^a-z])mise?s? a jour\b\s*(:)?\s*(le\b|du\b|au\b)?\s*:?\s*(.*)$/.exec(foldText(line));
  if (!m) return undefined;
  const rest = (m[3] ?? '').trim();
  const date = parseCalendarDate(rest);
  if (date !== null) return date;
  return m[1] || m[2] || /^\d/.test(rest) ? null : undefined;
}
