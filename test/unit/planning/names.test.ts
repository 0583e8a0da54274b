import { describe, expect, it } from 'vitest';
import { compareNames, sortedUnique } from '../../../shared/planning/names';

/** A deterministic generator of spreadsheet-like names: letters, accents, capitals, spaces, hyphens. */
function names(count: number): string[] {
  const letters = 'aAbBcCçÇeEéÉèÈêëiIîïoOôuUùûüyYzZ -';
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(next() * 8);
    let s = '';
    for (let i = 0; i < length; i++) s += letters[Math.floor(next() * letters.length)];
    return s;
  });
}

describe('compareNames', () => {
  it('ignores case and accents first, then breaks ties on the exact text', () => {
    expect(
      sortedUnique(['Pharmacie', 'archives', 'Écho-cardiologie', 'Urgence', 'echographie', 'Bloc opératoire']),
    ).toEqual(['archives', 'Bloc opératoire', 'Écho-cardiologie', 'echographie', 'Pharmacie', 'Urgence']);
    expect(compareNames('Bloc opératoire', 'Bloc operatoire')).not.toBe(0);
    expect(Math.sign(compareNames('e', 'é'))).toBe(-Math.sign(compareNames('é', 'e')));
    expect(compareNames('Laboratoire', 'Laboratoire')).toBe(0);
  });

  it('spells out ligatures and sorts a shorter name first', () => {
    expect(sortedUnique(['Oncologie', 'Œdème', 'Obstétrique'])).toEqual(['Obstétrique', 'Œdème', 'Oncologie']);
    expect(sortedUnique(['Site 10', 'Site 1', 'Site'])).toEqual(['Site', 'Site 1', 'Site 10']);
  });

  it('treats an accent written as a combining mark like the precomposed letter', () => {
    const decomposed = 'Pe\u0301diatrie';
    expect(compareNames(decomposed, 'Pédiatrie')).not.toBe(0);
    expect(sortedUnique([decomposed, 'Pédiatrie', 'Pediatrie', 'Pharmacie']).slice(-1)).toEqual(['Pharmacie']);
  });

  it("orders letters, accents and case as ICU's French collator does at base strength", () => {
    const list = names(2_000);
    const french = new Intl.Collator('fr', { sensitivity: 'base' });
    let checked = 0;
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i] as string;
      const b = list[i + 1] as string;
      const expected = Math.sign(french.compare(a, b));
      if (expected === 0) continue; // ties are broken differently on purpose (exact text)
      expect(Math.sign(compareNames(a, b)), `${a} / ${b}`).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(1_500);
  });

  it('is a consistent order: sorting twice from different starts gives the same list', () => {
    const list = names(3_000);
    const once = [...list].sort(compareNames);
    const twice = [...list].reverse().sort(compareNames);
    expect(twice).toEqual(once);
    for (let i = 0; i + 1 < once.length; i++) {
      expect(compareNames(once[i] as string, once[i + 1] as string)).toBeLessThanOrEqual(0);
    }
  });
});
