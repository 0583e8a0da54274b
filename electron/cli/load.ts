/**
 * Shared by the commands that read an inventory: a failed import is a clear message and exit code 1. The side files
 * beside it (services, contacts, postes, exceptions) are read and merged as a workstation's sync does
 * (electron/core/sync/workstation-set.ts): what IT checks is what the wards get (issue 13).
 */
import path from 'node:path';
import type { ImportResult, Inventory } from '../../shared/inventory/model';
import { importInventory, importSideTable } from '../core/inventory/import';
import { DEFAULT_INVENTORY_NAME, readDefaultInventory } from './assets';
import { checkPublication } from '../core/signing/publication';
import { fetchPublicationFiles } from '../core/sync/publication-set';
import { publicKeysOf, signedFilesOf } from '../core/sync/signature';
import { readWorkstationSet } from '../core/sync/workstation-set';
import { sanitizeTerminal } from './terminal';
import fsp from 'node:fs/promises';
import type { CliIo } from './io';

export class InventoryUnusable extends Error {
  override readonly name = 'InventoryUnusable';
}

export async function loadInventory(io: CliIo, file: string): Promise<Inventory> {
  const set = await readWorkstationSet(path.resolve(io.cwd, file), {
    inventory: importInventory,
    side: importSideTable,
  });
  // An unusable side file does not stop the command, as it does not stop the sync: say so, on stderr.
  for (const p of set.result.problems) {
    if (p.message.startsWith('Fichier « ') && p.row === null) io.err(`attention : ${sanitizeTerminal(p.message)}\n`);
  }
  return usable(set.result, file);
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
