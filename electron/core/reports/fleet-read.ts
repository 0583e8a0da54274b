/**
 * Reads every report file under the results folder. The share holds whatever people and scripts put there:
 * temp files of writers in progress, Excel exports, truncated copies, other versions — each unusable file is
 * listed with its reason, never a crash (issue 5).
 */
import type { Dirent } from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { compareNames } from '../../../shared/planning/names';
import { REPORT_FORMAT, REPORT_VERSION, VerificationReportSchema } from '../../../shared/reports/types';
import type { VerificationReport } from '../../../shared/reports/types';
import { isTempFileName, REPORT_EXTENSION } from './names';

export type SkipKind = 'temp' | 'foreign' | 'malformed' | 'version' | 'duplicate' | 'unreadable' | 'too-large';

export interface SkippedFile {
  /** Relative to the results folder, with '/' separators. */
  file: string;
  kind: SkipKind;
  /** French, for IT. */
  reason: string;
}

export interface ReadReport {
  file: string;
  report: VerificationReport;
}

export interface ResultsRead {
  reports: ReadReport[];
  skipped: SkippedFile[];
  /** Files looked at (reports + skipped files). */
  files: number;
}

/** A report is a few kilobytes; anything this big is not one and is not loaded into memory. */
export const MAX_REPORT_BYTES = 2 * 1024 * 1024;
/** Our layout is one level deep; a deep tree is someone else's folder (and guards against junction loops). */
const MAX_DEPTH = 8;
const CONCURRENCY = 16;

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

function judge(text: string): { report: VerificationReport } | { kind: SkipKind; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
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

/** Throws ResultsFolderError (French) only when the folder itself cannot be read. */
export async function readResults(folder: string): Promise<ResultsRead> {
  try {
    if (!(await fsp.stat(folder)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new ResultsFolderError(`Dossier des résultats introuvable ou illisible : « ${folder} ».`);
  }
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
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
      if (!entry.isDirectory()) examined++;
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH) subdirs.push(full);
        else skipped.push({ file: rel(full), kind: 'foreign', reason: 'Dossier trop profond, non parcouru.' });
      } else if (isTempFileName(entry.name)) {
        skipped.push({
          file: rel(full),
          kind: 'temp',
          reason: 'Fichier temporaire (écriture en cours ou interrompue).',
        });
      } else if (!entry.isFile()) {
        skipped.push({ file: rel(full), kind: 'foreign', reason: 'Ni un fichier ni un dossier (lien ?), ignoré.' });
      } else if (!entry.name.toLowerCase().endsWith(REPORT_EXTENSION)) {
        skipped.push({ file: rel(full), kind: 'foreign', reason: 'Pas un rapport Vigie (extension autre que .json).' });
      } else files.push(full);
    }
    await mapLimit(subdirs, CONCURRENCY, (d) => walk(d, depth + 1));
  };
  await walk(folder, 0);

  const found = new Array<ReadReport | null>(files.length).fill(null);
  await mapLimit(
    files.map((f, i) => [f, i] as const),
    CONCURRENCY,
    async ([file, i]) => {
      try {
        const info = await fsp.stat(file);
        if (info.size > MAX_REPORT_BYTES) {
          skipped.push({ file: rel(file), kind: 'too-large', reason: 'Fichier trop volumineux pour un rapport.' });
          return;
        }
        const verdict = judge(await fsp.readFile(file, 'utf8'));
        if ('report' in verdict) found[i] = { file: rel(file), report: verdict.report };
        else skipped.push({ file: rel(file), kind: verdict.kind, reason: verdict.reason });
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'erreur';
        skipped.push({ file: rel(file), kind: 'unreadable', reason: `Fichier illisible (${code}).` });
      }
    },
  );

  // A copy of a report (moved by hand, re-delivered under another name) must not count twice.
  const reports: ReadReport[] = [];
  const seen = new Map<string, string>();
  const ordered = found.filter((r): r is ReadReport => r !== null).sort((a, b) => compareNames(a.file, b.file));
  for (const r of ordered) {
    const first = seen.get(r.report.reportId);
    if (first !== undefined) {
      skipped.push({ file: r.file, kind: 'duplicate', reason: `Copie du rapport ${first} (même identifiant).` });
      continue;
    }
    seen.set(r.report.reportId, r.file);
    reports.push(r);
  }
  skipped.sort((a, b) => compareNames(a.file, b.file));
  return { reports, skipped, files: examined };
}
