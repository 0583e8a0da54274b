/**
 * Names typed by people in spreadsheets: "Laboratoire", "laboratoire ", "Bloc opératoire" / "Bloc operatoire".
 * Sites and services are compared on a normalised key so a stray accent, capital or double space in the
 * inventory does not silently drop a ward's applications.
 */

/** Case-, accent- and whitespace-insensitive key: lower case, no diacritics, whitespace runs collapsed, trimmed. */
export function nameKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** What a name sorts by: lower case, no diacritics, ligatures spelled out ("Œdème" sorts as "oedeme"). */
function sortKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c);
}

const A = 0x41;
const Z = 0x5a;
const LOWER = 0x20;

/**
 * Orders names as a French reader expects (letters before their accented forms only as a tie-break; case and
 * accents ignored first), without ICU's collator: `Intl.Collator('fr')` loads ≈ 3 MB of collation data into every
 * process that sorts a list, the tray agent included. Walks both strings once; only when the first difference
 * involves a non-ASCII character are the two sort keys built.
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
      const ka = sortKey(a);
      const kb = sortKey(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    }
    if (x >= A && x <= Z) x += LOWER;
    if (y >= A && y <= Z) y += LOWER;
    if (x !== y) return x - y;
  }
  // Stryker disable next-line ConditionalExpression: equivalent, equal folded keys compare 0 below too.
  if (a.length === b.length) return 0;
  // One is a prefix of the other: the rest may be only combining accents ("e" + U+0301), equal once folded.
  const ka = sortKey(a);
  const kb = sortKey(b);
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
