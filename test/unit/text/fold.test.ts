// The project's one folding rule (shared/text/fold.ts): each Unicode case it promises, and that every layer that
// compares names (import, planning, schedule grammar, reports' file names, UI filters) gets the same answer.
import { describe, expect, it } from 'vitest';
import { compareNames } from '../../../shared/planning/names';
import { normalizeText } from '../../../shared/schedule/normalize';
import { collapseSpaces, foldLetters, foldText, sameName, stripMarks } from '../../../shared/text/fold';
import { sanitizeSegment } from '../../../electron/core/reports/sanitize';

describe('foldText', () => {
  it.each([
    ['Laboratoire', 'laboratoire'],
    ['  Bloc   Opératoire ', 'bloc operatoire'],
    ['ÉCHO\tCARDIO', 'echo cardio'],
    ['a\r\nb', 'a b'],
    ['GESTLAB (v2)', 'gestlab (v2)'],
    ['', ''],
    [' ', ''],
    // Precomposed and combining spellings of the same letter fold alike.
    ['P\u00e9diatrie', 'pediatrie'],
    ['Pe\u0301diatrie', 'pediatrie'],
    // Marks outside U+0300–U+036F: combining dotted grave (U+1DC0), enclosing circle (U+20DD), half mark (U+FE20).
    ['e\u1dc0te\u0301', 'ete'],
    ['A\u20dd', 'a'],
    ['o\ufe20', 'o'],
    // Cedilla, diaeresis, circumflex, ring: Québec names.
    ['Çà Noël Hôtel-Dieu Ångström', 'ca noel hotel-dieu angstrom'],
    // Compatibility forms (NFKD): superscript ordinal, ligature ﬁ, full-width letters, NBSP and narrow NBSP.
    ['3\u1d49 étage', '3e etage'],
    ['\ufb01chier', 'fichier'],
    ['\uff27\uff45\uff53\uff54', 'gest'],
    ['IUSMM\u00a0', 'iusmm'],
    ['2\u202fh', '2 h'],
    // Ligatures no decomposition splits.
    ['Œdème', 'oedeme'],
    ['Cæcum', 'caecum'],
    ['Straße', 'strasse'],
    // Lower-casing first: "İ" lower-cases to "i" + U+0307, whose dot goes with the other marks.
    ['İzmir', 'izmir'],
    // ASCII punctuation is not an accent (\p{Diacritic} would have removed ^ and `).
    ['a^b`c', 'a^b`c'],
  ])('%j → %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('foldLetters keeps whitespace as it is (a sort compares character by character)', () => {
    expect(foldLetters('  Bloc  Opé ')).toBe('  bloc  ope ');
    expect(foldLetters('Œ\u00a0x')).toBe('oe x');
  });

  it('stripMarks keeps case, and collapseSpaces only touches spaces', () => {
    expect(stripMarks('Hôpital É\u1dc0')).toBe('Hopital E');
    expect(stripMarks('Plain ASCII')).toBe('Plain ASCII');
    expect(collapseSpaces('  Bloc \n  Opératoire ')).toBe('Bloc Opératoire');
  });
});

describe('one folding for every layer', () => {
  const pairs: [string, string][] = [
    ['Bloc opératoire', 'BLOC  OPERATOIRE'],
    ['Pe\u0301diatrie', 'P\u00e9diatrie'],
    ['Œdème', 'oedeme'],
    ['3\u1d49 étage', '3e etage'],
    ['IUSMM\u00a0', 'iusmm'],
  ];
  it.each(pairs)('%j and %j are the same name for planning, import and the schedule grammar', (a, b) => {
    expect(sameName(a, b)).toBe(true);
    expect(normalizeText(a)).toBe(normalizeText(b));
    expect(foldText(a)).toBe(normalizeText(a));
  });

  it('lists sort the folded letters: "oedeme" and "Œdème" sit together, before "Ophtalmologie"', () => {
    expect(['Ophtalmologie', 'Œdème', 'oedeme', 'Obstétrique'].sort(compareNames)).toEqual([
      'Obstétrique',
      'oedeme',
      'Œdème',
      'Ophtalmologie',
    ]);
  });

  it('different names stay different', () => {
    expect(sameName('Laboratoire', 'Pharmacie')).toBe(false);
    expect(sameName('a^b', 'ab')).toBe(false);
  });

  it('file names take the same marks off, case kept', () => {
    expect(sanitizeSegment('Hôpital É\u1dc0 Œ')).toBe('Hopital-E');
    expect(sanitizeSegment('3\u1d49-étage')).toBe('3e-etage');
  });
});
