/**
 * Writes one report file onto the reports share without ever exposing a half-written file or touching someone
 * else's (issue 5): temp name in the same folder → fsync → hard link to the final name (fails instead of
 * clobbering) → remove the temp. Where the share cannot hard-link, fall back to check-then-rename.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { VerificationReport } from '../../../shared/reports/types';
import { isTempFileName, reportDayFolder, reportFileName, tempFileName, tempPrefixFor } from './names';
import { DEFAULT_ZONE } from '../../../shared/schedule/zone';

/** The file operations the writer needs; tests and the benchmark wrap them to simulate a flaky share. */
export interface ReportFs {
  stat(p: string): Promise<{ isDirectory(): boolean }>;
  /** Does not follow a symbolic link or a Windows junction (Node reports both as links). */
  lstat(p: string): Promise<{ isDirectory(): boolean; isSymbolicLink(): boolean }>;
  /** Non-recursive: a missing share must fail, not be re-created locally. */
  mkdir(p: string): Promise<unknown>;
  /** Creates a NEW file (fails with EEXIST), writes `data`, flushes it to disk and closes it. */
  writeNew(p: string, data: string): Promise<void>;
  link(existing: string, target: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(p: string): Promise<void>;
  readFile(p: string): Promise<string>;
  readdir(p: string): Promise<string[]>;
  /** Flushes a directory entry (POSIX); best effort, Windows cannot open a folder this way. */
  syncDir(p: string): Promise<void>;
}

export const nodeReportFs: ReportFs = {
  stat: (p) => fsp.stat(p),
  lstat: (p) => fsp.lstat(p),
  mkdir: (p) => fsp.mkdir(p),
  async writeNew(p, data) {
    const handle = await fsp.open(p, 'wx');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  link: (a, b) => fsp.link(a, b),
  rename: (a, b) => fsp.rename(a, b),
  unlink: (p) => fsp.unlink(p),
  readFile: (p) => fsp.readFile(p, 'utf8'),
  readdir: (p) => fsp.readdir(p),
  async syncDir(p) {
    const handle = await fsp.open(p, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

export type WriteStage = 'folder' | 'write' | 'rename';

/** A failed delivery, with a French message for the log and the status window. */
export class ReportWriteError extends Error {
  override readonly name = 'ReportWriteError';
  constructor(
    message: string,
    readonly stage: WriteStage,
    readonly code: string | null,
    /** The share itself is out of reach: no point trying the other reports this round. */
    readonly folderLevel: boolean,
  ) {
    super(message);
  }
}

export interface WriteOutcome {
  /** The final file. */
  path: string;
  /**
   * Why the report was written into the root of the reports folder instead of its date folder (that name is held
   * by a link, a junction or a file: issue 9), or null.
   */
  flat: string | null;
  /** The file was already there with this reportId (a retry after a crash): nothing was written. */
  alreadyDelivered: boolean;
}

const codeOf = (error: unknown): string | null => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
};

/** Hard links are refused by some file systems and SMB servers: then rename is the only atomic step left. */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EINVAL', 'EMLINK', 'UNKNOWN']);
/** Names tried before giving up: a clash beyond the first is essentially impossible (id8 + host + window). */
const MAX_NAME_ATTEMPTS = 20;

function folderError(folder: string, error: unknown): ReportWriteError {
  const code = codeOf(error);
  const why =
    code === 'ENOENT'
      ? 'introuvable ou inaccessible'
      : code === 'EACCES' || code === 'EPERM'
        ? 'accès refusé'
        : code === 'ENOTDIR'
          ? "n'est pas un dossier"
          : 'inaccessible pour le moment';
  return new ReportWriteError(`Dossier des rapports ${why} (« ${folder} »).`, 'folder', code, true);
}

export interface ReportWriterOptions {
  fs?: ReportFs;
  zone?: string;
  /** Random suffix of temporary names (tests pin it). */
  random?: () => string;
}

export class ReportWriter {
  private readonly fs: ReportFs;
  private readonly zone: string;
  private readonly random: () => string;

  constructor(options: ReportWriterOptions = {}) {
    this.fs = options.fs ?? nodeReportFs;
    this.zone = options.zone ?? DEFAULT_ZONE;
    this.random = options.random ?? (() => randomBytes(6).toString('hex'));
  }

  /**
   * `cleanTemps`: also remove temp files an earlier, interrupted attempt of this report left in the folder (the
   * delivery asks for it after a failure only: listing a folder of thousands of reports is not free on a share).
   */
  async write(
    folder: string,
    report: VerificationReport,
    options: { cleanTemps?: boolean } = {},
  ): Promise<WriteOutcome> {
    if (!folder.trim()) throw new ReportWriteError("Aucun dossier des rapports n'est configuré.", 'folder', null, true);
    try {
      if (!(await this.fs.stat(folder)).isDirectory())
        throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch (error) {
      throw folderError(folder, error);
    }
    const { day, flat } = await this.dayFolder(folder, reportDayFolder(report, this.zone));
    const body = JSON.stringify(report, null, 2) + '\n';

    let attempt = 1;
    let races = 0;
    while (attempt <= MAX_NAME_ATTEMPTS) {
      const name = reportFileName(report, this.zone, attempt);
      const target = path.join(day, name);
      const holder = await this.holderOf(target);
      if (holder === report.reportId) {
        await this.removeStaleTemps(day, name);
        return { path: target, alreadyDelivered: true, flat };
      }
      if (holder !== null) {
        attempt++; // someone else's file: never overwritten, take the next name
        continue;
      }
      if (await this.publish(day, name, body)) {
        if (options.cleanTemps) await this.removeStaleTemps(day, name);
        return { path: target, alreadyDelivered: false, flat };
      }
      // The name was taken between our look and our link: look again at what holds it now.
      if (++races > 3) break;
    }
    throw new ReportWriteError(
      `Aucun nom de fichier libre pour ce rapport dans « ${day} ».`,
      'rename',
      'EEXIST',
      false,
    );
  }

  /**
   * The date folder, created when missing. A name planted there as a symbolic link or junction (which would send
   * the reports elsewhere) or as a plain file (which would block every report) is never used: the report goes flat
   * into the root of the reports folder, whose file names carry the date too (issue 9).
   */
  private async dayFolder(root: string, name: string): Promise<{ day: string; flat: string | null }> {
    const day = path.join(root, name);
    try {
      await this.fs.mkdir(day);
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw folderError(day, error);
    }
    let entry: { isDirectory(): boolean; isSymbolicLink(): boolean };
    try {
      entry = await this.fs.lstat(day);
    } catch (error) {
      throw folderError(day, error);
    }
    if (entry.isSymbolicLink()) {
      return {
        day: root,
        flat: `« ${name} » est un lien ou une jonction, pas un dossier : rapport écrit à la racine.`,
      };
    }
    if (!entry.isDirectory()) {
      return { day: root, flat: `« ${name} » est un fichier, pas un dossier : rapport écrit à la racine.` };
    }
    return { day, flat: null };
  }

  /**
   * null when `file` does not exist; the reportId it holds when it is a readable report; '' when it exists but
   * is not readable as one (someone else's, or not ours to judge).
   */
  private async holderOf(file: string): Promise<string | null> {
    let text: string;
    try {
      text = await this.fs.readFile(file);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'ENOENT') return null;
      if (code === 'ENOTDIR') throw folderError(path.dirname(file), error);
      return '';
    }
    try {
      const id = (JSON.parse(text) as { reportId?: unknown } | null)?.reportId;
      return typeof id === 'string' ? id : '';
    } catch {
      return '';
    }
  }

  /** true: published under `name`; false: the name was taken meanwhile. Throws ReportWriteError otherwise. */
  private async publish(day: string, name: string, body: string): Promise<boolean> {
    const temp = path.join(day, tempFileName(name, this.random()));
    const target = path.join(day, name);
    try {
      await this.fs.writeNew(temp, body);
    } catch (error) {
      await this.fs.unlink(temp).catch(() => undefined);
      const code = codeOf(error);
      // A share that vanished mid-way shows up here as ENOENT on the folder.
      // Whatever stops us creating a file in the folder (gone, access denied, disk full) stops every report.
      throw code === 'ENOENT'
        ? folderError(day, error)
        : new ReportWriteError(
            `Le rapport n'a pas pu être écrit dans « ${day} » (${code ?? 'erreur'}).`,
            'write',
            code,
            true,
          );
    }
    try {
      try {
        await this.fs.link(temp, target);
      } catch (error) {
        const code = codeOf(error);
        if (code === 'EEXIST') return false;
        if (!LINK_UNSUPPORTED.has(code ?? '')) throw error;
        // No hard links here: rename replaces silently on Windows, so check first (names are unique per
        // report, so the only writer that could race us for it is ourselves).
        if ((await this.holderOf(target)) !== null) return false;
        await this.fs.rename(temp, target);
        await this.fs.syncDir(day).catch(() => undefined);
        return true;
      }
      await this.fs.syncDir(day).catch(() => undefined);
      return true;
    } catch (error) {
      const code = codeOf(error);
      throw code === 'ENOENT'
        ? folderError(day, error)
        : new ReportWriteError(
            `Le rapport n'a pas pu être renommé dans « ${day} » (${code ?? 'erreur'}).`,
            'rename',
            code,
            false,
          );
    } finally {
      // After a link the temp is a second name of the same file; after a rename it is gone; on failure it is junk.
      await this.fs.unlink(temp).catch(() => undefined);
    }
  }

  /** Temp files of this very report left by an interrupted earlier attempt (its final name is in theirs). */
  private async removeStaleTemps(day: string, finalName: string): Promise<void> {
    const prefix = tempPrefixFor(finalName);
    const names = await this.fs.readdir(day).catch(() => [] as string[]);
    for (const n of names) {
      if (isTempFileName(n) && n.startsWith(prefix)) await this.fs.unlink(path.join(day, n)).catch(() => undefined);
    }
  }
}
