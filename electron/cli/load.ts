/** Shared by the commands that read an inventory: a failed import is a clear message and exit code 1. */
import path from 'node:path';
import type { Inventory } from '../../shared/inventory/model';
import { importInventoryFile } from '../core/inventory/import';
import type { CliIo } from './io';

export class InventoryUnusable extends Error {
  override readonly name = 'InventoryUnusable';
}

export async function loadInventory(io: CliIo, file: string): Promise<Inventory> {
  const result = await importInventoryFile(path.resolve(io.cwd, file));
  if (!result.ok) {
    const reasons = result.problems.map((p) => p.message).join(' ; ');
    throw new InventoryUnusable(`inventaire inutilisable (${file}) : ${reasons}`);
  }
  return result.inventory;
}
