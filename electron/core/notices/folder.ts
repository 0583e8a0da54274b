/**
 * Reads IT's notices folder cheaply and warily (issue 13, "Unplanned outage notices"; docs/deployment.md, "Avis de
 * panne"). Each scan stats the folder; while its date has not moved that is all (FULL_LOOK_EVERY). Otherwise it
 * lists it, stats the notice files and reads only those that are new or changed (name + mtime + size): a folder of
 * fifty unchanged notices costs one stat, and now and then one listing and fifty stats — never a read.
 * The share is hostile: the file count, each file's size and the time spent reading are bounded before anything is
 * parsed, and a refused file is remembered with its reason (logged once) until it changes — never re-parsed in a loop.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { MAX_NOTICE_BYTES, noticeIdOfFile, readNotice, type Notice } from '../../../shared/notices/notice';

export interface NoticeFileStat {
  size: number;
  mtimeMs: number;
  isDirectory(): boolean;
}

/** The slice of node:fs the watcher uses; tests count its reads through it. */
export interface NoticeFs {
  stat(file: string): Promise<NoticeFileStat>;
  readdir(dir: string): Promise<string[]>;
  /** At most `maxBytes` bytes from the start of the file (a file that grew after its stat stays bounded). */
  readHead(file: string, maxBytes: number): Promise<Uint8Array>;
}

export const nodeNoticeFs: NoticeFs = {
  stat: (file) => fsp.stat(file),
  readdir: (dir) => fsp.readdir(dir),
  async readHead(file, maxBytes) {
    const handle = await fsp.open(file, 'r');
    try {
      const buffer = Buffer.alloc(maxBytes);
      const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
};

/** Notice files looked at per scan: a folder flooded with files costs no more than this. */
export const MAX_NOTICE_FILES = 200;
/** Files read (new or changed) per scan; the rest wait for the next scan. */
export const MAX_READS_PER_SCAN = 40;
/**
 * While the folder's own date has not moved, a scan stops at that one stat (publish and end rename a file into
 * the folder, which dates it); one scan in this many looks at every file anyway, for a file edited in place.
 */
export const FULL_LOOK_EVERY = 10;
/** A scan stops reading past this (a share that answers slowly must not hold up the agent). */
export const SCAN_READ_BUDGET_MS = 5_000;

export interface IgnoredNoticeFile {
  file: string;
  reason: string;
}

export interface NoticeScan {
  /** Valid notices, by publication (oldest first). */
  notices: Notice[];
  ignored: IgnoredNoticeFile[];
  /** Files read this scan (new or changed ones only). */
  reads: number;
  /** null when the folder was read; else why not (French). */
  folderProblem: string | null;
}

interface Known {
  size: number;
  mtimeMs: number;
  outcome: { ok: true; notice: Notice } | { ok: false; reason: string };
}

export interface NoticeFolderDeps {
  fs?: NoticeFs;
  log?: {
    info(message: string, data?: Record<string, unknown>): void;
    warn(message: string, data?: Record<string, unknown>): void;
  };
  /** Milliseconds since some origin, for the read budget (performance.now by default). */
  elapsed?: () => number;
}

/** A read the share never answers fails after `ms` (the file is retried when it changes or at the next start). */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), ms);
    timer.unref?.();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function sameFile(a: { size: number; mtimeMs: number }, b: { size: number; mtimeMs: number }): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

export class NoticeFolder {
  private readonly known = new Map<string, Known>();
  private dir: string | null = null;
  private lastProblem: string | null = null;
  /** The last complete look at the folder, while the folder's date stays the same (FULL_LOOK_EVERY). */
  private last: {
    folderMtimeMs: number;
    looks: number;
    notices: Notice[];
    ignored: IgnoredNoticeFile[];
  } | null = null;
  private readonly fs: NoticeFs;

  constructor(private readonly deps: NoticeFolderDeps = {}) {
    this.fs = deps.fs ?? nodeNoticeFs;
  }

  /** Reads what changed in `dir` since the previous scan. Never throws: a folder problem is in the result. */
  async scan(dir: string): Promise<NoticeScan> {
    if (dir !== this.dir) {
      // Another folder (the policy changed): nothing known about the old one applies.
      this.known.clear();
      this.last = null;
      this.dir = dir;
      this.lastProblem = null;
    }
    let names: string[];
    let folderMtimeMs: number;
    try {
      const stat = await this.fs.stat(dir);
      if (!stat.isDirectory()) return this.problem(`${dir} n'est pas un dossier`);
      folderMtimeMs = stat.mtimeMs;
      if (this.last && stat.mtimeMs === this.last.folderMtimeMs && this.last.looks < FULL_LOOK_EVERY) {
        this.last.looks++;
        return { notices: this.last.notices, ignored: this.last.ignored, reads: 0, folderProblem: null };
      }
      names = await this.fs.readdir(dir);
    } catch (error) {
      const code = (error as { code?: string }).code;
      return this.problem(
        code === 'ENOENT'
          ? `dossier des avis introuvable : ${dir}`
          : `dossier des avis illisible : ${dir} (${code ?? String(error)})`,
      );
    }
    this.lastProblem = null;
    // Notice-named files first: a flood of other files must not push the real notices past the cap.
    const files = names
      .filter((n) => n.toLowerCase().endsWith('.json'))
      .sort((a, b) => Number(noticeIdOfFile(a) === null) - Number(noticeIdOfFile(b) === null) || a.localeCompare(b));
    const ignored: IgnoredNoticeFile[] = [];
    if (files.length > MAX_NOTICE_FILES) {
      this.warnOnce(`too-many|${files.length}`, 'notices: too many files, only the first are read', {
        files: files.length,
        max: MAX_NOTICE_FILES,
      });
      ignored.push({
        file: `(${files.length - MAX_NOTICE_FILES} fichiers)`,
        reason: `plus de ${MAX_NOTICE_FILES} fichiers dans le dossier des avis`,
      });
    }
    const kept = files.slice(0, MAX_NOTICE_FILES);
    for (const name of [...this.known.keys()]) if (!kept.includes(name)) this.known.delete(name);
    const elapsed = this.deps.elapsed ?? (() => performance.now());
    const started = elapsed();
    let reads = 0;
    // Everything listed is known as it is now: only then may the next scans stop at the folder's stat.
    let complete = true;
    for (const name of kept) {
      const file = path.join(dir, name);
      let stat: NoticeFileStat;
      try {
        stat = await this.fs.stat(file);
      } catch {
        complete = false;
        continue; // Deleted between the listing and now, or being replaced: the next scan sees it.
      }
      const before = this.known.get(name);
      if (before && sameFile(before, stat)) continue;
      if (reads >= MAX_READS_PER_SCAN || elapsed() - started > SCAN_READ_BUDGET_MS) {
        complete = false;
        continue;
      }
      reads++;
      this.remember(name, stat, await this.readOne(file, name, stat));
    }
    const notices: Notice[] = [];
    for (const [name, k] of this.known) {
      if (k.outcome.ok) notices.push(k.outcome.notice);
      else ignored.push({ file: name, reason: k.outcome.reason });
    }
    notices.sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt) || a.id.localeCompare(b.id));
    this.last = complete ? { folderMtimeMs, looks: 1, notices, ignored } : null;
    return { notices, ignored, reads, folderProblem: null };
  }

  private async readOne(file: string, name: string, stat: NoticeFileStat): Promise<Known['outcome']> {
    const fileId = noticeIdOfFile(name);
    if (fileId === null) return { ok: false, reason: 'nom de fichier inattendu (attendu avis-<identifiant>.json)' };
    if (stat.size > MAX_NOTICE_BYTES)
      return { ok: false, reason: `fichier trop gros (${stat.size} octets, ${MAX_NOTICE_BYTES} au plus)` };
    let bytes: Uint8Array;
    try {
      bytes = await withTimeout(this.fs.readHead(file, MAX_NOTICE_BYTES + 1), SCAN_READ_BUDGET_MS);
    } catch (error) {
      return { ok: false, reason: `fichier illisible (${(error as { code?: string }).code ?? String(error)})` };
    }
    if (bytes.length > MAX_NOTICE_BYTES)
      return { ok: false, reason: `fichier trop gros (plus de ${MAX_NOTICE_BYTES} octets)` };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      return { ok: false, reason: 'texte illisible (UTF-8 attendu)' };
    }
    return readNotice(text, fileId);
  }

  private remember(name: string, stat: NoticeFileStat, outcome: Known['outcome']): void {
    this.known.set(name, { size: stat.size, mtimeMs: stat.mtimeMs, outcome });
    // Logged once per version of the file: an unchanged file is never read again, so never logged again.
    if (!outcome.ok) this.deps.log?.warn('notices: file ignored', { file: name, reason: outcome.reason });
    else this.deps.log?.info('notices: notice read', { file: name, id: outcome.notice.id });
  }

  private problem(message: string): NoticeScan {
    this.last = null;
    if (message !== this.lastProblem) this.deps.log?.warn('notices: folder unavailable', { reason: message });
    this.lastProblem = message;
    // Notices already read stay known: a share that blinks does not end an outage.
    const notices = [...this.known.values()].flatMap((k) => (k.outcome.ok ? [k.outcome.notice] : []));
    return { notices, ignored: [], reads: 0, folderProblem: message };
  }

  private warned = new Set<string>();
  private warnOnce(key: string, message: string, data: Record<string, unknown>): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.deps.log?.warn(message, data);
  }
}
