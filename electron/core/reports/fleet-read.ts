/**
 * Reads every report file under the results folder. The share holds whatever people and scripts put there:
 * temp files of writers in progress, Excel exports, truncated copies, other versions — each unusable file is
 * listed with its reason, never a crash (issue 5).
 *
 * Memory stays bounded whatever the bytes (issue 9): a file is read, checked and reduced to a small digest
 * (fleet-digest.ts) before the next one is parsed, so the parsed report never outlives its own file; a file over
 * the per-file cap is never read, and once the total cap is spent the remaining files are listed as refused.
 */
import type { Dirent } from 'node:fs';
import fsp, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { compareNames } from '../../../shared/planning/names';
import { REPORT_FORMAT, REPORT_VERSION, VerificationReportSchema } from '../../../shared/reports/types';
import type { VerificationReport } from '../../../shared/reports/types';
import { digestReport, runMemo, type ReportDigest } from './fleet-digest';
import { isTempFileName, REPORT_EXTENSION } from './names';

export type SkipKind =
  'temp' | 'foreign' | 'malformed' | 'version' | 'duplicate' | 'unreadable' | 'too-large' | 'total-cap';

export interface SkippedFile {
  /** Relative to the results folder, with '/' separators. */
  file: string;
  kind: SkipKind;
  /** French, for IT. */
  reason: string;
}

export interface ResultsRead {
  /** One digest per distinct report (a copy with the same reportId is listed in `skipped`). */
  reports: ReportDigest[];
  skipped: SkippedFile[];
  /** Files looked at (reports + skipped files). */
  files: number;
}

export interface ReadLimits {
  /** A report is a few kilobytes; a file over this is not one and is never loaded. */
  maxFileBytes: number;
  /** Bytes read over the whole run; files past it are listed as refused (the report still comes out). */
  maxTotalBytes: number;
}

export const MAX_REPORT_BYTES = 2 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;
export const DEFAULT_READ_LIMITS: ReadLimits = { maxFileBytes: MAX_REPORT_BYTES, maxTotalBytes: MAX_TOTAL_BYTES };

/** Our layout is one level deep; a deep tree is someone else's folder (and guards against junction loops). */
const MAX_DEPTH = 8;
/** Reads in flight: parsing is synchronous, so at most this many raw files (≤ the per-file cap) wait in memory. */
const CONCURRENCY = 8;

export class ResultsFolderError extends Error {
  override readonly name = 'ResultsFolderError';
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++] as T);
  });
  await Promise.all(workers);
}

const mb = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} Mo`;

export function judgeReport(text: string): { report: VerificationReport } | { kind: SkipKind; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { kind: 'malformed', reason: 'JSON illisible (fichier tronqué ou modifié à la main ?)' };
  }
  const head = (typeof data === 'object' && data !== null ? data : {}) as { format?: unknown; version?: unknown };
  if (head.format !== REPORT_FORMAT)
    return { kind: 'foreign', reason: 'Pas un rapport Vigie (champ « format » absent).' };
  if (head.version !== REPORT_VERSION) {
    return { kind: 'version', reason: `Version de rapport non prise en charge (${String(head.version)}).` };
  }
  const parsed = VerificationReportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'racine';
    return { kind: 'malformed', reason: `Rapport Vigie incomplet ou invalide (${where} : ${issue?.message ?? '?'}).` };
  }
  return { report: parsed.data };
}

/**
 * The first `size` bytes of an open file as UTF-8, never more: exactly the size checked, so a file that grows
 * meanwhile is read truncated (and refused as malformed by the caller's parse). Also used by the verified-elsewhere
 * reader (electron/core/verified/window-folder.ts).
 */
export async function readExactly(handle: FileHandle, size: number): Promise<string> {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.toString('utf8', 0, filled);
}

type Bounded = { text: string } | { kind: SkipKind; reason: string };

/** Reads at most `max` bytes: the size is checked on the open handle, before any byte is read. */
async function readBounded(file: string, max: number, reserve: (bytes: number) => boolean): Promise<Bounded> {
  const handle = await fsp.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > max) {
      return { kind: 'too-large', reason: `Fichier trop volumineux pour un rapport (${mb(size)}, limite ${mb(max)}).` };
    }
    if (!reserve(size)) {
      return { kind: 'total-cap', reason: 'Non lu : la limite totale de lecture de ce rapport est atteinte.' };
    }
    return { text: await readExactly(handle, size) };
  } finally {
    await handle.close();
  }
}

async function listFiles(folder: string, skipped: SkippedFile[]): Promise<{ files: string[]; examined: number }> {
  const files: string[] = [];
  let examined = 0;
  const rel = (p: string) => path.relative(folder, p).split(path.sep).join('/');
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'erreur';
      skipped.push({ file: rel(dir) || '.', kind: 'unreadable', reason: `Dossier illisible (${code}).` });
      return;
    }
    const subdirs: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      // Dirent types come from lstat: a symlink or junction is neither a file nor a folder here, never followed.
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH) subdirs.push(full);
        else skipped.push({ file: rel(full), kind: 'foreign', reason: 'Dossier trop profond, non parcouru.' });
        continue;
      }
      examined++;
      if (isTempFileName(entry.name)) {
        skipped.push({
          file: rel(full),
          kind: 'temp',
          reason: 'Fichier temporaire (écriture en cours ou interrompue).',
        });
      } else if (!entry.isFile()) {
        skipped.push({ file: rel(full), kind: 'foreign', reason: 'Ni un fichier ni un dossier (lien ?), ignoré.' });
      } else if (!entry.name.toLowerCase().endsWith(REPORT_EXTENSION)) {
        skipped.push({ file: rel(full), kind: 'foreign', reason: 'Pas un rapport Vigie (extension autre que .json).' });
      } else files.push(rel(full));
    }
    await mapLimit(subdirs, CONCURRENCY, (d) => walk(d, depth + 1));
  };
  await walk(folder, 0);
  // Sorted so that the total cap refuses the same (last) files on every run, and copies resolve the same way.
  files.sort(compareNames);
  return { files, examined };
}

/** Throws ResultsFolderError (French) only when the folder itself cannot be read. */
export async function readResults(folder: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<ResultsRead> {
  try {
    if (!(await fsp.stat(folder)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new ResultsFolderError(`Dossier des résultats introuvable ou illisible : « ${folder} ».`);
  }
  const skipped: SkippedFile[] = [];
  const { files, examined } = await listFiles(folder, skipped);

  let budget = limits.maxTotalBytes;
  const reserve = (bytes: number) => {
    if (bytes > budget) {
      budget = -1; // once refused, later (smaller) files are refused too: the cut is one place in the sorted list
      return false;
    }
    budget -= bytes;
    return true;
  };
  const memo = runMemo();
  const found: (ReportDigest | null)[] = new Array<ReportDigest | null>(files.length).fill(null);
  await mapLimit(
    files.map((f, i) => [f, i] as const),
    CONCURRENCY,
    async ([file, i]) => {
      let read: Bounded;
      try {
        read = await readBounded(path.join(folder, ...file.split('/')), limits.maxFileBytes, reserve);
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'erreur';
        skipped.push({ file, kind: 'unreadable', reason: `Fichier illisible (${code}).` });
        return;
      }
      if (!('text' in read)) {
        skipped.push({ file, kind: read.kind, reason: read.reason });
        return;
      }
      const verdict = judgeReport(read.text);
      if ('report' in verdict) found[i] = digestReport(file, verdict.report, memo);
      else skipped.push({ file, kind: verdict.kind, reason: verdict.reason });
    },
  );

  // A copy of a report (moved by hand, re-delivered under another name) must not count twice.
  const reports: ReportDigest[] = [];
  const seen = new Map<string, string>();
  for (const r of found) {
    if (r === null) continue;
    const first = seen.get(r.reportId);
    if (first !== undefined) {
      skipped.push({ file: r.file, kind: 'duplicate', reason: `Copie du rapport ${first} (même identifiant).` });
      continue;
    }
    seen.set(r.reportId, r.file);
    reports.push(r);
  }
  skipped.sort((a, b) => compareNames(a.file, b.file));
  return { reports, skipped, files: examined };
}
