/** Issue 9: hostile CSV and JSON files, and huge problem lists, answered within the limits (child process, 512 MB). */
import { describe, expect, it } from 'vitest';
import { blankLinesCsv, deepJson, hugeCellCsv, manyWarningsCsv } from '../../../bench/hostile-files';
import { capProblems, INVENTORY_LIMITS } from '../../../shared/inventory/limits';
import { importInChild } from './hostile-run';

describe('hostile CSV and JSON files', { timeout: 60_000 }, () => {
  it('refuses a CSV cell longer than 32,767 characters, in the inventory and in a side file', () => {
    const bytes = hugeCellCsv(4 * 1024 * 1024);
    for (const kind of ['inventory', 'side'] as const) {
      const out = importInChild(bytes, 'contacts.csv', kind);
      expect(out.ok).toBe(false);
      expect(out.message).toMatch(/texte de plus de 32\u202f767 caractères/);
    }
  });

  it('refuses a CSV of more rows than the limit (blank lines count)', () => {
    const out = importInChild(blankLinesCsv(INVENTORY_LIMITS.rows + 10), 'vide.csv');
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/plus de 50\u202f000 lignes/);
  });

  it('refuses deeply nested JSON before parsing it', () => {
    const out = importInChild(deepJson(1_000_000), 'profond.json');
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/plus de 32 niveaux/);
  });

  it('lists at most 500 problems and counts the others', () => {
    const out = importInChild(manyWarningsCsv(20_000), 'avertissements.csv');
    expect(out.ok).not.toBeNull();
    expect(out.problems).toBeLessThanOrEqual(INVENTORY_LIMITS.problems + 2);
    expect(out.problems).toBeGreaterThan(INVENTORY_LIMITS.problems);
  });

  it('capProblems keeps the file-level error and says how many were left out', () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => ({
      row: i + 2,
      column: null,
      severity: 'warning' as const,
      message: `w${i}`,
    }));
    const capped = capProblems([...rows, { row: null, column: null, severity: 'error', message: 'refusé' }], 10);
    expect(capped).toHaveLength(12);
    expect(capped[10]?.message).toBe('… et 990 autres problèmes (les 10 premiers sont listés).');
    expect(capped[11]?.message).toBe('refusé');
  });
});
