/**
 * The one text folding of the project (docs/architecture.md, "One definition of each primitive"): what people type
 * in spreadsheets and settings ("Bloc opératoire" / "bloc  operatoire", "3ᵉ", "Œdème") is compared on its folded
 * form, never displayed in it. Every comparison (import headers and keywords, site/service/application names, the
 * schedule grammar, contact rules, the UI's filters) goes through here, so two layers cannot disagree on whether
 * two names are the same.
 */

/** Anything outside printable ASCII and the usual whitespace: only such text needs Unicode normalisation. */
const NOT_PLAIN_ASCII = /[^\u0020-\u007e\t\n\r]/;
/** Whitespace other than a single inner space: a tab/newline/NBSP…, two spaces in a row, or a leading/trailing one. */
const MESSY_SPACES = /[^\S ]| {2}|^ | $/;
/** Every combining mark (Mn, Mc, Me), not only the U+0300–U+036F block: U+1DC0…, U+20D0…, U+FE20… included. */
const COMBINING_MARKS = /\p{M}/gu;
/** Letters that no decomposition splits but that people write either way ("œdème" / "oedeme"). */
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };
const LIGATURE = /[œæß]/g;

/**
 * Marks taken off, compatibility forms spelled plainly: NFKD ("é" → "e" + U+0301, "ᵉ" → "e", "ﬁ" → "fi",
 * full-width "Ａ" → "A", NBSP and U+202F → space), then every combining mark removed. Case is kept (file names).
 */
export function stripMarks(text: string): string {
  return NOT_PLAIN_ASCII.test(text) ? text.normalize('NFKD').replace(COMBINING_MARKS, '') : text;
}

/**
 * Letters only: lower case, then marks stripped as in stripMarks (after lower-casing, so the U+0307 that "İ"
 * lower-cases to goes too), ligatures œ/æ/ß spelled out; whitespace untouched, which a character-by-character sort needs
 * (shared/planning/names.ts). ASCII punctuation (^, `, ') is kept: it is not an accent.
 */
export function foldLetters(text: string): string {
  // Plain ASCII has no accent to take off (the import folds every application name: bench, 20,000 rows).
  return NOT_PLAIN_ASCII.test(text)
    ? text
        .toLowerCase()
        .normalize('NFKD')
        .replace(COMBINING_MARKS, '')
        .replace(LIGATURE, (c) => LIGATURES[c] ?? c)
    : text.toLowerCase();
}

/** The comparison key: foldLetters, then whitespace runs collapsed to one space and ends trimmed. */
export function foldText(text: string): string {
  const bare = foldLetters(text);
  return MESSY_SPACES.test(bare) ? bare.replace(/\s+/g, ' ').trim() : bare;
}

/** Same name once folded ("Laboratoire " = "laboratoire", "Bloc opératoire" = "BLOC OPERATOIRE"). */
export function sameName(a: string, b: string): boolean {
  return a === b || foldText(a) === foldText(b);
}

/** Trim and collapse every run of whitespace (including the newlines of a wrapped Excel cell) into one space. */
export function collapseSpaces(text: string): string {
  // Most cells are already clean: testing is cheaper than rebuilding the string (bench: 6 calls per row).
  return MESSY_SPACES.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
