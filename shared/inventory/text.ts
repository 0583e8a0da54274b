/**
 * Small text helpers shared by the inventory readers: normalisation for comparisons (headers, sheet names,
 * keywords), yes/no cells and the "Mise à jour : …" date. Pure, no Node.
 */
import { DateTime } from 'luxon';
import { foldText } from '../text/fold';

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
