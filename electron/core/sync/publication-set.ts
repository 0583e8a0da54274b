/**
 * An inventory file and the side files beside it, read and checked the way a workstation's sync does
 * (fetchFile with side files, the same importers, the same "no application" rule) — so `publish` refuses what the
 * workstations would refuse, and `check-inventory` can verify the signatures of the whole set.
 */
import fsp from 'node:fs/promises';
import type { ImportProblem, ImportResult, Inventory } from '../../../shared/inventory/model';
import { mergeSideTable, SIDE_TABLE_LABELS } from '../../../shared/inventory/side-tables';
import { importInventory, importSideTable } from '../inventory/import';
import { fetchFile, type Fetched, type SyncFs } from './fetch-file';
import { MAX_BYTES } from './limits';

export interface SetProblem extends ImportProblem {
  /** The file the problem is in (inventory or side file name). */
  file: string;
}

export interface PublicationSet {
  ok: boolean;
  /** What was read; null when the inventory itself could not be read. */
  fetched: Extract<Fetched, { kind: 'bytes' }> | null;
  /** Every file of the set: the inventory first, then the side files. */
  files: { path: string; fileName: string; bytes: Uint8Array }[];
  result: ImportResult | null;
  /** The inventory a workstation would apply, side tables merged. */
  inventory: Inventory | null;
  problems: SetProblem[];
}

const TABLE_NAMES = SIDE_TABLE_LABELS;

const nodeFs: SyncFs = fsp;

function fileProblem(file: string, message: string): SetProblem {
  return { file, row: null, column: null, severity: 'error', message };
}

/** The bytes of the inventory and of its side files, read as the sync reads them (nothing parsed). */
export function fetchPublicationFiles(file: string, fs: SyncFs = nodeFs): Promise<Fetched> {
  return fetchFile(file, undefined, {
    fs,
    wait: () => Promise.resolve(),
    stableMs: 0,
    maxLooks: 1,
    maxBytes: MAX_BYTES,
    sides: true,
  });
}

export async function readPublicationSet(file: string, fs: SyncFs = nodeFs): Promise<PublicationSet> {
  const fetched = await fetchPublicationFiles(file, fs);
  const empty = { fetched: null, files: [], result: null, inventory: null };
  if (fetched.kind === 'failed') return { ok: false, ...empty, problems: [fileProblem(file, fetched.failure.message)] };
  if (fetched.kind !== 'bytes') return { ok: false, ...empty, problems: [fileProblem(file, 'Fichier illisible.')] };

  const name = fetched.fileName;
  const result = await importInventory(fetched.bytes, name);
  const problems: SetProblem[] = result.problems.map((p) => ({ ...p, file: name }));
  const files = [{ path: fetched.meta.file ?? file, fileName: name, bytes: fetched.bytes }];
  let inventory = result.ok ? result.inventory : null;
  if (result.ok && result.inventory.applications.length === 0) {
    problems.push(fileProblem(name, `Inventaire non valide (${name}) : aucune application.`));
  }
  for (const side of fetched.sides ?? []) {
    if (side.bytes === null) {
      problems.push(fileProblem(side.fileName, side.problem));
      continue;
    }
    files.push({ path: side.file, fileName: side.fileName, bytes: side.bytes });
    // A workstation keeps its previous table when a side file is unusable: publishing one would make the
    // workstations disagree silently, so here it is an error.
    const read = await importSideTable(side.bytes, side.fileName);
    problems.push(...read.problems.map((p) => ({ ...p, file: side.fileName })));
    if (!read.ok) continue;
    if (read.table.kind !== side.kind) {
      problems.push(
        fileProblem(
          side.fileName,
          `Ce fichier contient une table ${TABLE_NAMES[read.table.kind]}, pas ${TABLE_NAMES[side.kind]}.`,
        ),
      );
      continue;
    }
    if (inventory) inventory = mergeSideTable(inventory, read.table);
  }
  const ok = result.ok && !problems.some((p) => p.severity === 'error');
  return { ok, fetched, files, result, inventory: ok ? inventory : null, problems };
}
