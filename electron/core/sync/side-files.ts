/**
 * Side tables published as separate files in the inventory's folder (docs/inventory-format.md §5): a CSV-only
 * inventory has no sheets, so services / contacts / postes files are IT's only way to give service hours,
 * "Urgence pilote" agreements, contacts, hostname mappings and the calendar's exceptions (issue 13). Only file sources have a folder to look in.
 */
import nodePath from 'node:path';
import type { SideTableKind } from '../../../shared/inventory/side-tables';
import { foldText } from '../../../shared/text/fold';
import type { SourceMeta } from '../store';
import { codeOf } from './errors';
import type { FileStat, SyncFs } from './fetch-file';
import { isLockFile } from './source';

export type SideFilesMeta = NonNullable<SourceMeta['sides']>;
export type SideFileMeta = SideFilesMeta[string];

/** A side file found next to the inventory, at the time of one look. */
export interface SideFile {
  kind: SideTableKind;
  file: string;
  stat: FileStat;
}

/** A side file as read for an import; `bytes` null = not read (see `problem`), the import treats it as unusable. */
export type SideFetched =
  | { kind: SideTableKind; file: string; fileName: string; bytes: Uint8Array }
  | { kind: SideTableKind; file: string; fileName: string; bytes: null; problem: string };

/** A file-system error on a given file, so the user's message names the side file rather than the inventory. */
export class FileError extends Error {
  constructor(
    readonly where: string,
    cause: unknown,
  ) {
    // fileFailure() reads the code (EBUSY…) from `cause`.
    super(`${where}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** File name without extension, case and accents ignored → the table it holds. */
const SIDE_NAMES = new Map<string, SideTableKind>([
  ['services', 'services'],
  ['contacts', 'contacts'],
  ['postes', 'hosts'],
  ['exceptions', 'exceptions'],
]);
export const SIDE_EXTENSIONS: readonly string[] = ['.csv', '.xlsx'];
/** A fixed order, so hashes and merges never depend on the order of a folder listing. */
const KIND_ORDER: readonly SideTableKind[] = ['services', 'contacts', 'hosts', 'exceptions'];

function splitName(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? { stem: name, ext: '' } : { stem: name.slice(0, dot), ext: name.slice(dot).toLowerCase() };
}

/**
 * Named like a side table or a copy of one, whatever the extension ("Services.json", "services (copie).csv",
 * "Postes-2026.xlsx"): a folder source never takes such a file as THE inventory, even when it is the newest one.
 */
export function hasSideName(name: string): boolean {
  const firstWord = foldText(splitName(name).stem).split(/[^a-z0-9]+/)[0] ?? '';
  return SIDE_NAMES.has(firstWord);
}

/** "Services.csv", "postes.XLSX", "Contacts.csv" → the table; other names, .json, lock/hidden files → null. */
export function sideKindOfFileName(name: string): SideTableKind | null {
  if (isLockFile(name) || name.startsWith('.')) return null;
  const { stem, ext } = splitName(name);
  if (!SIDE_EXTENSIONS.includes(ext)) return null;
  return SIDE_NAMES.get(foldText(stem)) ?? null;
}

/**
 * The side files in `dir`, at most one per kind (the newest when IT left both services.csv and Services.xlsx),
 * in a fixed kind order; `inventoryName` is the inventory file itself, never its own side file. A file that
 * vanished between readdir and stat is absent; any other error (locked, share gone) is thrown as a FileError.
 * `seenBefore`: side files were found at the last import. A share may let a user read a file without listing its
 * folder — then there are simply no side files; but when there were some, a failed listing is an outage, not
 * their removal, and must not drop IT's tables.
 */
export async function listSideFiles(
  dir: string,
  inventoryName: string,
  fs: SyncFs,
  seenBefore: boolean,
): Promise<SideFile[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (seenBefore) throw new FileError(dir, error);
    return [];
  }
  const found = new Map<SideTableKind, SideFile>();
  for (const name of [...names].sort()) {
    const kind = sideKindOfFileName(name);
    if (kind === null || name.toLowerCase() === inventoryName.toLowerCase()) continue;
    const file = nodePath.join(dir, name);
    let stat: FileStat;
    try {
      stat = await fs.stat(file);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') continue;
      throw new FileError(file, error);
    }
    if (stat.isDirectory?.()) continue;
    const best = found.get(kind);
    if (!best || stat.mtimeMs > best.stat.mtimeMs) found.set(kind, { kind, file, stat });
  }
  return KIND_ORDER.flatMap((kind) => found.get(kind) ?? []);
}

/** What the store remembers of the side files (by kind); undefined when there are none. */
export function sideFilesMeta(sides: readonly SideFile[]): SideFilesMeta | undefined {
  if (sides.length === 0) return undefined;
  return Object.fromEntries(
    sides.map((s) => [s.kind, { file: s.file, size: s.stat.size, mtimeMs: s.stat.mtimeMs }] as const),
  );
}

/** Same set of side files with the same size and mtime each (absent and empty are the same: none). */
export function sameSideFiles(a: SideFilesMeta | undefined, b: SideFilesMeta | undefined): boolean {
  const left = Object.entries(a ?? {});
  if (left.length !== Object.keys(b ?? {}).length) return false;
  return left.every(([kind, x]) => {
    const y = b?.[kind];
    return y !== undefined && x.file === y.file && x.size === y.size && x.mtimeMs === y.mtimeMs;
  });
}
