/**
 * Text clean-up before parsing. People type these cells in Excel (Québec French): accents, typographic
 * apostrophes and dashes, non-breaking spaces and superscript ordinals ("3ᵉ") all show up. We fold all of
 * that into plain lowercase ASCII-ish text so the grammar only has to know one spelling of each word.
 */

/** Apostrophe look-alikes. Replaced before NFKD, which would turn ´ into a space + combining mark. */
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060\u02BC]/g;
/** Hyphen, figure dash, en dash, em dash, horizontal bar, minus sign, small/full-width hyphen-minus. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const QUOTES = /[«»\u201C\u201D\u201E"]/g;
const COMBINING_MARKS = /\p{M}/gu;

export function normalizeText(raw: string): string {
  return (
    raw
      .replace(APOSTROPHES, "'")
      // NFKD (not just NFD): also folds compatibility forms, e.g. "ᵉ" → "e", "ﬁ" → "fi", NBSP → space.
      .normalize('NFKD')
      .replace(COMBINING_MARKS, '')
      .toLowerCase()
      .replace(DASHES, '-')
      .replace(QUOTES, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
