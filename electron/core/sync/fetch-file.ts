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

export async function fetchFile(path: string, known: SourceMeta | undefined, o: FileFetchOptions): Promise<Fetched> {
  if (isLockFile(baseName(path))) {
    return {
      kind: 'failed',
      failure: {
        outcome: 'invalid',
        message: `Le chemin configuré désigne un fichier de verrou Excel (${baseName(path)}), pas l'inventaire.`,
      },
    };
  }
  let file = path;
  let inFolder = false;
  let stat: FileStat;
  try {
    stat = await o.fs.stat(path);
    if (stat.isDirectory?.()) {
      const newest = await newestIn(path, o.fs);
      if (!newest) {
        return {
          kind: 'failed',
          failure: {
            outcome: 'invalid',
            message: `Aucun fichier d'inventaire (${INVENTORY_EXTENSIONS.join(', ')}) dans le dossier ${path}.`,
          },
        };
      }
      ({ file, stat } = newest);
      inFolder = true;
    }
  } catch (error) {
    return { kind: 'failed', failure: fileFailure(error, path) };
  }
  const dir = inFolder ? path : nodePath.dirname(file);
  const seenBefore = Object.keys(known?.sides ?? {}).length > 0;
  const lookSides = async (): Promise<SideFile[]> =>
    o.sides ? listSideFiles(dir, baseName(file), o.fs, seenBefore) : [];
  const metaOf = (s: FileStat, sides: readonly SideFile[]): SourceMeta => {
    const sidesMeta = sideFilesMeta(sides);
    return {
      size: s.size,
      mtimeMs: s.mtimeMs,
      ...(inFolder ? { file } : {}),
      ...(sidesMeta ? { sides: sidesMeta } : {}),
    };
  };

  try {
    let sides = await lookSides();
    if (
      known &&
      known.size === stat.size &&
      known.mtimeMs === stat.mtimeMs &&
      (known.file ?? file) === file &&
      sameSideFiles(known.sides, sideFilesMeta(sides))
    ) {
      // Keep what the import recorded about each side table (`table`), which a stat cannot tell.
      return {
        kind: 'unchanged',
        meta: { ...metaOf(stat, sides), ...(sides.length > 0 ? { sides: known.sides } : {}) },
      };
    }

    // Someone (Excel, a copy to the share) may still be writing: wait until two looks agree, for every file.
    for (let look = 1; o.stableMs > 0; look++) {
      await o.wait(o.stableMs);
      const again = await o.fs.stat(file);
      const sidesAgain = await lookSides();
      if (sameStat(stat, again) && sameSideFiles(sideFilesMeta(sides), sideFilesMeta(sidesAgain))) break;
      stat = again;
      sides = sidesAgain;
      if (look >= o.maxLooks) return { kind: 'failed', failure: CHANGING };
    }
    if (stat.size > o.maxBytes) {
      return {
        kind: 'failed',
        failure: {
          outcome: 'invalid',
          message: `Fichier d'inventaire trop volumineux (${Math.round(stat.size / 1e6)} Mo) : ${file}.`,
        },
      };
    }
    const bytes = await o.fs.readFile(file);
    const sideBytes: SideFetched[] = [];
    for (const side of sides) {
      const named = { kind: side.kind, file: side.file, fileName: baseName(side.file) };
      if (side.stat.size > o.maxBytes) {
        // Unusable like a broken table, not a reason to refuse the applications list.
        const problem = `Fichier trop volumineux (${Math.round(side.stat.size / 1e6)} Mo).`;
        sideBytes.push({ ...named, bytes: null, problem });
        continue;
      }
      let read: Uint8Array;
      try {
        read = await o.fs.readFile(side.file);
      } catch (error) {
        throw new FileError(side.file, error);
      }
      if (read.byteLength !== side.stat.size) return { kind: 'failed', failure: CHANGING };
      sideBytes.push({ ...named, bytes: read });
    }
    const after = await o.fs.stat(file);
    const sidesAfter = await lookSides();
    if (
      bytes.byteLength !== stat.size ||
      !sameStat(stat, after) ||
      !sameSideFiles(sideFilesMeta(sides), sideFilesMeta(sidesAfter))
    ) {
      return { kind: 'failed', failure: CHANGING };
    }
    return { kind: 'bytes', bytes, fileName: baseName(file), meta: metaOf(stat, sides), sides: sideBytes };
  } catch (error) {
    return { kind: 'failed', failure: fileFailure(error, error instanceof FileError ? error.where : file) };
  }
}
