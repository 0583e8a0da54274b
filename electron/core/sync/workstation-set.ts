/**
 * An inventory and the side files beside it (services, contacts, postes, exceptions) merged exactly as a
 * workstation's sync merges them (issue 13: "what IT checks is what the wards get"): the sync's discovery and
 * stability looks (fetchFile), the importers given, and the sync's own merge (applySideFiles), for a workstation
 * that has no earlier import. What the sync would only log becomes a problem the command line prints.
 */
import path from 'node:path';
import type { ImportProblem, ImportResult, Inventory } from '../../../shared/inventory/model';
import type { SideTableImport } from '../inventory/import';
import type { Logger } from '../store';
import { applySideFiles } from './apply-sides';
import type { Fetched } from './fetch-file';
import { fetchPublicationFiles } from './publication-set';

export interface Importers {
  inventory: (bytes: Uint8Array, fileName: string) => Promise<ImportResult>;
  side: (bytes: Uint8Array, fileName: string) => Promise<SideTableImport>;
}

export interface WorkstationSet {
  /** The main file's import, with the side tables merged into its inventory and their problems appended. */
  result: ImportResult;
  /** The files read (for their signatures); null when the inventory could not be read. */
  fetched: Extract<Fetched, { kind: 'bytes' }> | null;
  /** The side files found, and where each table came from ("file" or, when unusable, "workbook"). */
  sides: { kind: string; file: string; table: string }[];
}

const refused = (message: string): ImportResult => ({
  ok: false,
  format: null,
  problems: [{ row: null, column: null, severity: 'error', message }],
});

/** The sync's log lines about side files, as problems naming the file. */
function problemLogger(problems: ImportProblem[]): Logger {
  const add = (message: string, data: Record<string, unknown> | undefined) => {
    const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
    const name = path.basename(text(data?.file, ''));
    const row = typeof data?.row === 'number' ? data.row : null;
    const column = typeof data?.column === 'string' ? data.column : null;
    const reason = text(data?.message, message);
    const what =
      message === 'sync: side table unusable'
        ? `Fichier « ${name} » inutilisable : ${reason} Les postes gardent la table lue au dernier import réussi ` +
          '(à défaut, celle du classeur).'
        : `Fichier « ${name} » : ${reason}`;
    problems.push({ row, column, severity: 'warning', message: what });
  };
  return { info: () => undefined, warn: add, error: add };
}

export async function readWorkstationSet(file: string, importers: Importers): Promise<WorkstationSet> {
  const fetched = await fetchPublicationFiles(file);
  if (fetched.kind === 'failed') return { result: refused(fetched.failure.message), fetched: null, sides: [] };
  if (fetched.kind !== 'bytes') return { result: refused('Fichier illisible.'), fetched: null, sides: [] };
  const result = await importers.inventory(fetched.bytes, fetched.fileName);
  if (!result.ok) return { result, fetched, sides: [] };
  const problems: ImportProblem[] = [];
  const merged = await applySideFiles(
    result.inventory,
    fetched.meta,
    fetched.sides ?? [],
    () => null,
    importers.side,
    problemLogger(problems),
  );
  const inventory: Inventory = merged.inventory;
  const sides = Object.entries(merged.meta.sides ?? {}).map(([kind, s]) => ({
    kind,
    file: s.file,
    table: s.table ?? 'file',
  }));
  return { result: { ...result, inventory, problems: [...result.problems, ...problems] }, fetched, sides };
}
