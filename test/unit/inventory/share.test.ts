import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importInventoryFile } from '../../../electron/core/inventory/import';
import type { Inventory } from '../../../shared/inventory/model';
import { shareSchedules } from '../../../shared/inventory/share';

const root = join(import.meta.dirname, '..', '..', '..');

async function sample(): Promise<Inventory> {
  const result = await importInventoryFile(join(root, 'assets', 'inventaire-par-defaut.csv'));
  if (!result.ok) throw new Error(result.problems[0]?.message);
  return result.inventory;
}

describe('shareSchedules (after a JSON round trip, as the store reads the inventory back)', () => {
  it('gives rows with the same rule one parsed schedule again, and changes no value', async () => {
    const imported = await sample();
    const copy = JSON.parse(JSON.stringify(imported)) as Inventory;
    const before = new Set(copy.applications.map((a) => a.schedule)).size;
    expect(before).toBe(copy.applications.length);

    const shared = shareSchedules(copy);
    expect(shared).toBe(copy);
    expect(shared).toEqual(JSON.parse(JSON.stringify(imported)));
    const texts = new Set(shared.applications.map((a) => a.scheduleText));
    expect(new Set(shared.applications.map((a) => a.schedule)).size).toBe(texts.size);
    expect(texts.size).toBeLessThan(shared.applications.length);
    for (const a of shared.applications) {
      const first = shared.applications.find((b) => b.scheduleText === a.scheduleText);
      expect(a.schedule).toBe(first?.schedule);
    }
  });
});
