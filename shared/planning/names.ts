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

/** One collator for all comparisons: localeCompare with options builds a new one per call (10 % of the bench). */
const FRENCH = new Intl.Collator('fr', { sensitivity: 'base' });

/** Stable French-aware ordering for the lists shown to people (applications, services). */
export function compareNames(a: string, b: string): number {
  return FRENCH.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Sorted, without duplicates (duplicates = same exact text). */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareNames);
}
