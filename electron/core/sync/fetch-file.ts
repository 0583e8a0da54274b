/**
 * Reads an inventory file from a local or UNC path without ever catching it half-written: stat first (and stop
 * there when nothing changed), wait until size and mtime hold still across two looks, read, and check again that
 * the file did not move under us (issue 3, "Inventory sync").
 */
import nodePath from 'node:path';
import type { SourceMeta } from '../store';
import { CHANGING, fileFailure, type FetchFailure } from './errors';
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
  | { kind: 'bytes'; bytes: Uint8Array; fileName: string; meta: SourceMeta }
  | { kind: 'failed'; failure: FetchFailure };

export interface FileFetchOptions {
  fs: SyncFs;
  wait: (ms: number) => Promise<void>;
  /** Pause between two looks at size/mtime. */
  stableMs: number;
  /** Looks before giving up on a file that keeps changing (retried soon). */
  maxLooks: number;
  maxBytes: number;
}

function baseName(p: string): string {
  return p.split(/[\\/]/).filter(Boolean).pop() ?? p;
}

function sameStat(a: FileStat, b: FileStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** A folder source: its newest inventory file, ignoring Excel lock files and hidden/temporary files. */
async function newestIn(dir: string, fs: SyncFs): Promise<{ file: string; stat: FileStat } | null> {
  let best: { file: string; stat: FileStat } | null = null;
  for (const name of await fs.readdir(dir)) {
    if (isLockFile(name) || name.startsWith('.')) continue;
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
  const metaOf = (s: FileStat): SourceMeta => ({ size: s.size, mtimeMs: s.mtimeMs, ...(inFolder ? { file } : {}) });

  if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs && (known.file ?? file) === file) {
    return { kind: 'unchanged', meta: metaOf(stat) };
  }

  try {
    // Someone (Excel, a copy to the share) may still be writing: wait until two looks agree.
    for (let look = 1; ; look++) {
      await o.wait(o.stableMs);
      const again = await o.fs.stat(file);
      if (sameStat(stat, again)) break;
      stat = again;
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
    const after = await o.fs.stat(file);
    if (bytes.byteLength !== stat.size || !sameStat(stat, after)) return { kind: 'failed', failure: CHANGING };
    return { kind: 'bytes', bytes, fileName: baseName(file), meta: metaOf(stat) };
  } catch (error) {
    return { kind: 'failed', failure: fileFailure(error, file) };
  }
}
