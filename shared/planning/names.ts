/**
 * Names typed by people in spreadsheets: "Laboratoire", "laboratoire ", "Bloc opératoire" / "Bloc operatoire".
 * Sites and services are compared on their folded form (foldText, shared/text/fold.ts) so a stray accent, capital or double space in the
 * inventory does not silently drop a ward's applications.
 */

import { foldLetters } from '../text/fold';

const A = 0x41;
const Z = 0x5a;
const LOWER = 0x20;

/**
 * Orders names as a French reader expects (letters before their accented forms only as a tie-break; case and
 * accents ignored first), without ICU's collator: `Intl.Collator('fr')` loads ≈ 3 MB of collation data into every
 * process that sorts a list, the tray agent included. Walks both strings once; only when the first difference
 * involves a non-ASCII character are the two folded keys (foldLetters) built.
 */
function compareFolded(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    // Stryker disable next-line ConditionalExpression: equivalent, equal characters fold equal; skipping them is the fast path.
    if (x === y) continue;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, sortKey of ASCII text is its lower case (this is the fast path).
    if (x >= 0x80 || y >= 0x80) {
      const ka = foldLetters(a);
      const kb = foldLetters(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    }
    if (x >= A && x <= Z) x += LOWER;
    if (y >= A && y <= Z) y += LOWER;
    if (x !== y) return x - y;
  }
  // Stryker disable next-line ConditionalExpression: equivalent, equal folded keys compare 0 below too.
  if (a.length === b.length) return 0;
  // One is a prefix of the other: the rest may be only combining accents ("e" + U+0301), equal once folded.
  const ka = foldLetters(a);
  const kb = foldLetters(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Stable French-aware ordering for the lists shown to people (applications, services, sites). */
export function compareNames(a: string, b: string): number {
  return compareFolded(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Sorted, without duplicates (duplicates = same exact text). */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareNames);
}
