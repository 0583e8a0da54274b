/**
 * Reads the reports of ONE window from the reports share (docs/verified-elsewhere.md): only the window's date folder
 * (names.ts: `<YYYY-MM-DD>/<YYYYMMDD-HHMM>_…json`, dated by the window's local start), only the names that carry the
 * window's start stamp, at most MAX_WINDOW_FILES of them, each under the fleet reader's per-file cap and through the
 * same zod validation (fleet-read.ts `judgeReport`). The share is hostile: anything unusable is a reason, never a
 * crash, and a file already judged is not read again (names are never reused by the writer).
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { DateTime } from 'luxon';
import type { VerificationReport } from '../../../shared/reports/types';
import { compareNames } from '../../../shared/planning/names';
import { judgeReport, MAX_REPORT_BYTES, readExactly } from '../reports/fleet-read';
import { isTempFileName, REPORT_EXTENSION } from '../reports/names';

/** The file operations the reader needs; tests count calls through it (reads stay cheap). */
export interface WindowFolderFs {
  /** The folder's entries; `file` is false for folders and links (never followed). */
  list(dir: string): Promise<{ name: string; file: boolean }[]>;
  /** The file's text, or null when it is over `maxBytes` (checked on the open handle, before any byte is read). */
  read(file: string, maxBytes: number): Promise<string | null>;
}

export const nodeWindowFolderFs: WindowFolderFs = {
  async list(dir) {
    const entries = await fsp.readdir(dir, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, file: e.isFile() }));
  },
  async read(file, maxBytes) {
    const handle = await fsp.open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) return null;
      return await readExactly(handle, size);
    } finally {
      await handle.close();
    }
  },
};

/** Reports of one window on one night: a ward has a few PCs; a folder with more names is not ours to trust. */
export const MAX_WINDOW_FILES = 200;
/** Bytes read per window and per tick (new files only): a few dozen real reports. */
export const MAX_WINDOW_BYTES = 16 * 1024 * 1024;

/** What one file came to: a valid report, or why it is ignored (French, for the log). */
export type Verdict = { report: VerificationReport } | { reason: string };

export interface WindowRead {
  /** Every candidate file judged so far (this read and the earlier ones), by name. */
  verdicts: Map<string, Verdict>;
  /** Files judged for the first time by this read (the log says why the bad ones were ignored). */
  fresh: string[];
  /** Files that could not be read this time (tried again at the next tick). */
  unreadable: { name: string; reason: string }[];
  /** Bytes read by this call. */
  bytes: number;
}

export function windowFolderOf(root: string, start: DateTime, zone: string): { dir: string; stamp: string } {
  const local = start.setZone(zone);
  return { dir: path.join(root, local.toFormat('yyyy-LL-dd')), stamp: `${local.toFormat('yyyyLLdd-HHmm')}_` };
}

/**
 * Judges the window's new candidate files. `known` holds the verdicts of earlier reads (kept by the caller while
 * the window is due). A missing date folder is simply "nobody has verified yet"; any other folder failure throws.
 */
export async function readWindowFolder(
  root: string,
  start: DateTime,
  zone: string,
  fs: WindowFolderFs,
  known: Map<string, Verdict> = new Map(),
): Promise<WindowRead> {
  const { dir, stamp } = windowFolderOf(root, start, zone);
  let entries: { name: string; file: boolean }[];
  try {
    entries = await fs.list(dir);
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ENOENT')
      return { verdicts: known, fresh: [], unreadable: [], bytes: 0 };
    throw error;
  }
  const candidates = entries
    .filter(
      (e) =>
        e.file &&
        !isTempFileName(e.name) &&
        e.name.startsWith(stamp) &&
        e.name.toLowerCase().endsWith(REPORT_EXTENSION),
    )
    .map((e) => e.name)
    .sort(compareNames)
    .slice(0, MAX_WINDOW_FILES);
  const fresh: string[] = [];
  const unreadable: { name: string; reason: string }[] = [];
  let bytes = 0;
  for (const name of candidates) {
    if (known.has(name)) continue;
    if (bytes >= MAX_WINDOW_BYTES) break; // the rest waits for the next tick
    let verdict: Verdict;
    try {
      const text = await fs.read(path.join(dir, name), MAX_REPORT_BYTES);
      if (text === null) verdict = { reason: 'Fichier trop volumineux pour un rapport.' };
      else {
        bytes += text.length;
        const judged = judgeReport(text);
        verdict = 'report' in judged ? { report: judged.report } : { reason: judged.reason };
      }
    } catch (error) {
      // Not remembered: a file locked or half-copied now may be readable at the next tick.
      const code = (error as { code?: unknown } | null)?.code;
      unreadable.push({ name, reason: `Fichier illisible (${typeof code === 'string' ? code : 'erreur'}).` });
      continue;
    }
    known.set(name, verdict);
    fresh.push(name);
  }
  return { verdicts: known, fresh, unreadable, bytes };
}
