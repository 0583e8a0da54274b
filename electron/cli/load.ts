/** Shared by the commands that read an inventory: a failed import is a clear message and exit code 1. */
import path from 'node:path';
import type { ImportResult, Inventory } from '../../shared/inventory/model';
import { importInventory, importInventoryFile } from '../core/inventory/import';
import { DEFAULT_INVENTORY_NAME, readDefaultInventory } from './assets';
import { checkPublication } from '../core/signing/publication';
import { fetchPublicationFiles } from '../core/sync/publication-set';
import { publicKeysOf, signedFilesOf } from '../core/sync/signature';
import fsp from 'node:fs/promises';
import type { CliIo } from './io';

export class InventoryUnusable extends Error {
  override readonly name = 'InventoryUnusable';
}

export async function loadInventory(io: CliIo, file: string): Promise<Inventory> {
  return usable(await importInventoryFile(path.resolve(io.cwd, file)), file);
}

/** The inventory shipped with Vigie (the guide's Annexe 2), for commands whose --inventory is optional. */
export async function loadDefaultInventory(): Promise<Inventory> {
  return usable(await importInventory(await readDefaultInventory(), DEFAULT_INVENTORY_NAME), DEFAULT_INVENTORY_NAME);
}

function usable(result: ImportResult, file: string): Inventory {
  if (!result.ok) {
    const reasons = result.problems.map((p) => p.message).join(' ; ');
    throw new InventoryUnusable(`inventaire inutilisable (${file}) : ${reasons}`);
  }
  return result.inventory;
}

/** Refuses (exit 1) an inventory a workstation with these trusted keys would ignore. */
export async function assertSignedInventory(io: CliIo, file: string, keys: readonly string[]): Promise<void> {
  const resolved = path.resolve(io.cwd, file);
  const fetched = await fetchPublicationFiles(resolved);
  if (fetched.kind !== 'bytes') {
    const why = fetched.kind === 'failed' ? fetched.failure.message : 'fichier illisible';
    throw new InventoryUnusable(`inventaire inutilisable (${file}) : ${why}`);
  }
  const source = { kind: 'file' as const, label: resolved, path: resolved };
  const files = await signedFilesOf(fetched, source, { fs: fsp, fetch: globalThis.fetch, timeoutMs: 30_000 });
  const check = checkPublication(files, publicKeysOf(keys), io.clock.now(), null);
  if (!check.ok) throw new InventoryUnusable(`inventaire non signé ou modifié : ignoré (${check.reason})`);
}
