/**
 * Text clean-up before parsing. People type these cells in Excel (Québec French): accents, typographic
 * apostrophes and dashes, non-breaking spaces and superscript ordinals ("3ᵉ") all show up. We fold all of
 * that into plain lowercase ASCII-ish text so the grammar only has to know one spelling of each word.
 */

import { foldText } from '../text/fold';

/** Apostrophe look-alikes. Replaced before NFKD, which would turn ´ into a space + combining mark. */
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060\u02BC]/g;
/** Hyphen, figure dash, en dash, em dash, horizontal bar, minus sign, small/full-width hyphen-minus. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const QUOTES = /[«»\u201C\u201D\u201E"]/g;

/**
 * The project's folding (foldText: lower case, NFKD so "ᵉ" → "e" and NBSP → space, every combining mark off,
 * whitespace collapsed) after the punctuation people type in three spellings is reduced to one.
 */
export function normalizeText(raw: string): string {
  return foldText(raw.replace(APOSTROPHES, "'").replace(DASHES, '-').replace(QUOTES, ' '));
}
