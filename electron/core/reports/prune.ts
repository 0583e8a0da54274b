/**
 * `report --prune --older-than 180d` (issue 11): removes the date folders of old reports from the share. It
 * deletes on a share many people write to, so it is narrow on purpose (docs/deployment.md):
 *  - dry run unless told otherwise: the caller lists what would go, and only `--yes` deletes;
 *  - only direct children of the results folder named like Vigie's date folders (`YYYY-MM-DD`, a real date);
 *  - never through a symlink or junction (lstat; a link is reported and left in place, its target untouched);
 *  - only a folder that holds nothing but plain report files (`.json`) and writers' temp files: a subfolder, a
 *    link or any other file means someone else uses it, and it is left in place with the reason.
 */
import type { Dirent } from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { DateTime } from 'luxon';
import { isTempFileName, REPORT_EXTENSION } from './names';

const DATE_FOLDER = /^\d{4}-\d{2}-\d{2}$/;

export interface PruneOptions {
  olderThanDays: number;
  /** Folders dated before (now's local day − olderThanDays) go. */
  now: DateTime;
  zone: string;
  /** false: list only (the default of the command). */
  delete: boolean;
}

export interface PruneFolder {
  /** The folder's name (its date). */
  folder: string;
  files: number;
  bytes: number;
}

export interface PruneResult {
  dryRun: boolean;
  /** "YYYY-MM-DD": folders dated strictly before this day are old. */
  cutoff: string;
  /** Old folders that qualify (deleted unless dryRun, or listed in `failed`). */
  folders: PruneFolder[];
  deleted: string[];
  /** Old-looking folders left in place, and why (French). */
  kept: { folder: string; reason: string }[];
  /** Deletions that did not complete (French). */
  failed: { folder: string; reason: string }[];
}

function isRealDate(name: string): boolean {
  const [y, m, d] = name.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const code = (error: unknown) => (error as { code?: string }).code ?? 'erreur';

/** Why `dir` is not a Vigie date folder we may empty, or its report files. */
async function inspect(dir: string): Promise<{ reason: string } | { files: string[]; bytes: number }> {
  let entries: Dirent[];
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch (error) {
    return { reason: `dossier illisible (${code(error)})` };
  }
  const files: string[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const ours = entry.isFile() && (entry.name.toLowerCase().endsWith(REPORT_EXTENSION) || isTempFileName(entry.name));
    if (!ours) {
      const what = entry.isDirectory() ? 'le sous-dossier' : entry.isFile() ? 'le fichier' : 'le lien';
      return { reason: `contient ${what} « ${entry.name} », qui n’est pas un rapport Vigie : laissé en place` };
    }
    files.push(entry.name);
    try {
      bytes += (await fsp.lstat(path.join(dir, entry.name))).size;
    } catch {
      // Gone meanwhile (another prune, a person): nothing to count.
    }
  }
  return { files, bytes };
}

export async function pruneReports(root: string, options: PruneOptions): Promise<PruneResult> {
  const cutoff = options.now.setZone(options.zone).startOf('day').minus({ days: options.olderThanDays });
  const cutoffDay = cutoff.toFormat('yyyy-LL-dd');
  const result: PruneResult = {
    dryRun: !options.delete,
    cutoff: cutoffDay,
    folders: [],
    deleted: [],
    kept: [],
    failed: [],
  };
  const entries = await fsp.readdir(root, { withFileTypes: true });
  const old = entries
    .filter((e) => DATE_FOLDER.test(e.name) && isRealDate(e.name) && e.name < cutoffDay)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of old) {
    const dir = path.join(root, entry.name);
    if (!entry.isDirectory()) {
      const what = entry.isSymbolicLink() ? 'lien symbolique ou jonction : jamais suivi' : 'pas un dossier';
      result.kept.push({ folder: entry.name, reason: `${what}, laissé en place` });
      continue;
    }
    const found = await inspect(dir);
    if ('reason' in found) {
      result.kept.push({ folder: entry.name, reason: found.reason });
      continue;
    }
    result.folders.push({ folder: entry.name, files: found.files.length, bytes: found.bytes });
    if (!options.delete) continue;
    try {
      // Checked again right before deleting: the folder may have been swapped for a link since it was listed.
      if (!(await fsp.lstat(dir)).isDirectory()) throw Object.assign(new Error('swapped'), { code: 'ENOTDIR' });
      for (const name of found.files) await fsp.unlink(path.join(dir, name));
      await fsp.rmdir(dir);
      result.deleted.push(entry.name);
    } catch (error) {
      result.failed.push({ folder: entry.name, reason: `suppression interrompue (${code(error)})` });
    }
  }
  return result;
}
