/**
 * Reads an inventory file from a local or UNC path without ever catching it half-written: stat first (and stop
 * there when nothing changed), wait until size and mtime hold still across two looks, read, and check again that
 * the file did not move under us (issue 3, "Inventory sync"). The side files next to it (services.csv…,
 * side-files.ts) are part of the same set: same looks, same checks, and a change to one of them alone counts.
 */
import nodePath from 'node:path';
import type { SourceMeta } from '../store';
import { CHANGING, fileFailure, type FetchFailure } from './errors';
import {
  FileError,
  hasSideName,
  listSideFiles,
  sameSideFiles,
  sideFilesMeta,
  type SideFetched,
  type SideFile,
} from './side-files';
import { INVENTORY_EXTENSIONS, isLockFile } from './source';

export interface FileStat {
  size: number;
  mtimeMs: number;
  isDirectory?(): boolean;
}

/** The slice of node:fs/promises the sync uses; tests pass fakes that fail the way shares and Excel do. */
export interface SyncFs {
  stat(path: string): Promise<FileStat>;
  readFile(path: string): Promise<Uint8Array>;
  readdir(path: string): Promise<string[]>;
}

export type Fetched =
  | { kind: 'unchanged'; meta: SourceMeta }
  | { kind: 'bytes'; bytes: Uint8Array; fileName: string; meta: SourceMeta; sides?: SideFetched[] }
  | { kind: 'failed'; failure: FetchFailure };

export interface FileFetchOptions {
  fs: SyncFs;
  wait: (ms: number) => Promise<void>;
  /** Pause between two looks at size/mtime. */
  stableMs: number;
  /** Looks before giving up on a file that keeps changing (retried soon). */
  maxLooks: number;
  maxBytes: number;
  /** Also fetch the side files (services / contacts / postes) in the inventory's folder. */
  sides?: boolean;
}

function baseName(p: string): string {
  return p.split(/[\\/]/).filter(Boolean).pop() ?? p;
}

function sameStat(a: FileStat, b: FileStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * A folder source: its newest inventory file, ignoring Excel lock files, hidden/temporary files and side files
 * (a services.csv saved after the inventory is not the inventory).
 */
async function newestIn(dir: string, fs: SyncFs): Promise<{ file: string; stat: FileStat } | null> {
  let best: { file: string; stat: FileStat } | null = null;
  for (const name of await fs.readdir(dir)) {
    if (isLockFile(name) || name.startsWith('.') || hasSideName(name)) continue;
    if (!INVENTORY_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) continue;
    const file = nodePath.join(dir, name);
    try {
      const stat = await fs.stat(file);
      if (stat.isDirectory?.()) continue;
      if (!best || stat.mtimeMs > best.stat.mtimeMs) best = { file, stat };
    } catch {
      // A file that vanished or is locked between readdir and stat: consider the others.
    }
  }
  return best;
}

/** The file a source names: itself, or the newest inventory of the folder it names (then `inFolder`). */
interface Target {
  file: string;
  stat: FileStat;
  inFolder: boolean;
  /** The folder the side files are looked for in. */
  dir: string;
}

type Step<T> = T | { kind: 'failed'; failure: FetchFailure };

function failed(message: string): { kind: 'failed'; failure: FetchFailure } {
  return { kind: 'failed', failure: { outcome: 'invalid', message } };
}

function isFailed<T extends object>(step: Step<T>): step is { kind: 'failed'; failure: FetchFailure } {
  return 'kind' in step && step.kind === 'failed';
}

/** Step 1: what the configured path designates — never an Excel lock file, a folder's newest inventory. */
async function locate(path: string, fs: SyncFs): Promise<Step<Target>> {
  if (isLockFile(baseName(path))) {
    return failed(`Le chemin configuré désigne un fichier de verrou Excel (${baseName(path)}), pas l'inventaire.`);
  }
  try {
    const stat = await fs.stat(path);
    if (!stat.isDirectory?.()) return { file: path, stat, inFolder: false, dir: nodePath.dirname(path) };
    const newest = await newestIn(path, fs);
    if (!newest) {
      return failed(`Aucun fichier d'inventaire (${INVENTORY_EXTENSIONS.join(', ')}) dans le dossier ${path}.`);
    }
    return { ...newest, inFolder: true, dir: path };
  } catch (error) {
    return { kind: 'failed', failure: fileFailure(error, path) };
  }
}

/** What is remembered about the set: the inventory's size and time, its name in a folder, each side file's. */
function metaOf(target: Target, stat: FileStat, sides: readonly SideFile[]): SourceMeta {
  const sidesMeta = sideFilesMeta(sides);
  return {
    size: stat.size,
    mtimeMs: stat.mtimeMs,
    ...(target.inFolder ? { file: target.file } : {}),
    ...(sidesMeta ? { sides: sidesMeta } : {}),
  };
}

/** Step 2: the same file, size and time as the last import, and the same side files: nothing to read. */
function unchanged(known: SourceMeta | undefined, target: Target, sides: readonly SideFile[]): boolean {
  return (
    known !== undefined &&
    known.size === target.stat.size &&
    known.mtimeMs === target.stat.mtimeMs &&
    (known.file ?? target.file) === target.file &&
    sameSideFiles(known.sides, sideFilesMeta(sides))
  );
}

/**
 * Step 3: someone (Excel, a copy to the share) may still be writing: look again until two looks agree, for every
 * file of the set. Gives the settled stat and side files, or CHANGING after `maxLooks`.
 */
async function waitUntilStill(
  target: Target,
  first: readonly SideFile[],
  lookSides: () => Promise<SideFile[]>,
  o: FileFetchOptions,
): Promise<Step<{ stat: FileStat; sides: readonly SideFile[] }>> {
  let stat = target.stat;
  let sides = first;
  for (let look = 1; o.stableMs > 0; look++) {
    await o.wait(o.stableMs);
    const again = await o.fs.stat(target.file);
    const sidesAgain = await lookSides();
    if (sameStat(stat, again) && sameSideFiles(sideFilesMeta(sides), sideFilesMeta(sidesAgain))) break;
    stat = again;
    sides = sidesAgain;
    if (look >= o.maxLooks) return { kind: 'failed', failure: CHANGING };
  }
  return { stat, sides };
}

/**
 * Step 4: the side files' bytes. One too large is unusable like a broken table, not a reason to refuse the
 * applications list; one whose length is not what its stat said changed under us (CHANGING).
 */
async function readSides(sides: readonly SideFile[], o: FileFetchOptions): Promise<Step<{ read: SideFetched[] }>> {
  const read: SideFetched[] = [];
  for (const side of sides) {
    const named = { kind: side.kind, file: side.file, fileName: baseName(side.file) };
    if (side.stat.size > o.maxBytes) {
      read.push({
        ...named,
        bytes: null,
        problem: `Fichier trop volumineux (${Math.round(side.stat.size / 1e6)} Mo).`,
      });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await o.fs.readFile(side.file);
    } catch (error) {
      throw new FileError(side.file, error);
    }
    if (bytes.byteLength !== side.stat.size) return { kind: 'failed', failure: CHANGING };
    read.push({ ...named, bytes });
  }
  return { read };
}

/**
 * Reads the inventory `path` names (a file or a folder) and its side files as one consistent set: locate, stop
 * if unchanged since `known`, wait until the set holds still, check the size, read, and check that nothing moved
 * while reading. Every failure is a `failed` outcome with the user's message, never a throw.
 */
export async function fetchFile(path: string, known: SourceMeta | undefined, o: FileFetchOptions): Promise<Fetched> {
  const target = await locate(path, o.fs);
  if (isFailed(target)) return target;
  const { file } = target;
  const seenBefore = Object.keys(known?.sides ?? {}).length > 0;
  const lookSides = async (): Promise<SideFile[]> =>
    o.sides ? listSideFiles(target.dir, baseName(file), o.fs, seenBefore) : [];

  try {
    const firstSides = await lookSides();
    if (unchanged(known, target, firstSides)) {
      // Keep what the import recorded about each side table (`table`), which a stat cannot tell.
      const meta = metaOf(target, target.stat, firstSides);
      return { kind: 'unchanged', meta: { ...meta, ...(firstSides.length > 0 ? { sides: known?.sides } : {}) } };
    }
    const still = await waitUntilStill(target, firstSides, lookSides, o);
    if (isFailed(still)) return still;
    const { stat, sides } = still;
    if (stat.size > o.maxBytes) {
      return failed(`Fichier d'inventaire trop volumineux (${Math.round(stat.size / 1e6)} Mo) : ${file}.`);
    }
    const bytes = await o.fs.readFile(file);
    const sideBytes = await readSides(sides, o);
    if (isFailed(sideBytes)) return sideBytes;
    // Step 5: the set did not move while it was read.
    const after = await o.fs.stat(file);
    const sidesAfter = await lookSides();
    if (
      bytes.byteLength !== stat.size ||
      !sameStat(stat, after) ||
      !sameSideFiles(sideFilesMeta(sides), sideFilesMeta(sidesAfter))
    ) {
      return { kind: 'failed', failure: CHANGING };
    }
    return { kind: 'bytes', bytes, fileName: baseName(file), meta: metaOf(target, stat, sides), sides: sideBytes.read };
  } catch (error) {
    return { kind: 'failed', failure: fileFailure(error, error instanceof FileError ? error.where : file) };
  }
}
