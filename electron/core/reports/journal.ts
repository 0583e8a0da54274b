/**
 * A copy of each submitted report as a plain file in the local data folder, kept until the share has it
 * (issue 9, "No report lost"). SQLite is the outbox; this journal is what survives when SQLite does not: a database
 * rebuilt after corruption, or a damaged WAL whose last transactions SQLite silently drops on open. At start,
 * `reconcile` compares the two and puts back into the outbox (and marks submitted again) whatever the database
 * lost, so the loss is repaired and reported instead of being silent.
 *
 * Local disk only (the user-data folder), small files, synchronous writes: it runs right after the submit's commit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { VerificationReportSchema, type VerificationReport } from '../../../shared/reports/types';
import type { Logger, Store } from '../store';

export const JOURNAL_FOLDER = 'rapports-en-attente';
const EXTENSION = '.json';
const REJECTED = '.rejete';
/** A report is a few KB; anything far larger is not ours. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Files looked at per start: a folder filled by something else must not stall the start. */
const MAX_FILES = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ReconcileResult {
  /** Reports the database had lost, queued again from their journal copy. */
  restored: number;
  /** Of those, checklists that were open again in the database (a rolled-back submit) and are submitted again. */
  resubmitted: number;
  /** Journal copies of reports the database shows as delivered: removed. */
  cleared: number;
  /** Files that are not a valid report: renamed *.rejete, kept for IT. */
  rejected: number;
}

export class ReportJournal {
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly log: Logger,
  ) {
    this.dir = path.join(dataDir, JOURNAL_FOLDER);
  }

  private fileOf(reportId: string): string {
    if (!UUID.test(reportId)) throw new Error(`journal: not a report id: ${reportId}`);
    return path.join(this.dir, reportId.toLowerCase() + EXTENSION);
  }

  /** Writes the copy (temp + fsync + rename). Never throws: the outbox row is still there if this fails. */
  save(report: VerificationReport): boolean {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const file = this.fileOf(report.reportId);
      const temp = `${file}.tmp`;
      const fd = fs.openSync(temp, 'w');
      try {
        fs.writeFileSync(fd, JSON.stringify(report));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, file);
      return true;
    } catch (error) {
      this.log.warn('reports: journal copy not written', { reportId: report.reportId, error: String(error) });
      return false;
    }
  }

  /** The share has the report: the copy is no longer needed. */
  remove(reportId: string): void {
    try {
      fs.rmSync(this.fileOf(reportId), { force: true });
    } catch (error) {
      this.log.warn('reports: journal copy not removed', { reportId, error: String(error) });
    }
  }

  /** Journal ↔ database, once at start (before any tick delivers). Never throws. */
  reconcile(store: Pick<Store, 'outbox' | 'checklists' | 'transaction'>, kind: string): ReconcileResult {
    const result: ReconcileResult = { restored: 0, resubmitted: 0, cleared: 0, rejected: 0 };
    let names: string[];
    try {
      names = fs.readdirSync(this.dir).filter((n) => n.endsWith(EXTENSION));
    } catch {
      return result; // no journal yet
    }
    for (const name of names.slice(0, MAX_FILES)) {
      const file = path.join(this.dir, name);
      try {
        const report = this.read(file);
        if (report === null) {
          fs.renameSync(file, file + REJECTED);
          result.rejected += 1;
          this.log.error('reports: journal file is not a report, set aside', { file });
          continue;
        }
        const entry = store.outbox.findByReportId(kind, report.reportId);
        if (entry?.deliveredAt) {
          fs.rmSync(file, { force: true });
          result.cleared += 1;
        } else if (entry === null) {
          this.restore(store, kind, report, result);
        }
      } catch (error) {
        this.log.error('reports: journal file not reconciled', { file, error: String(error) });
      }
    }
    if (result.restored > 0) this.log.warn('reports: reports restored from the journal', { ...result });
    return result;
  }

  private read(file: string): VerificationReport | null {
    if (fs.statSync(file).size > MAX_FILE_BYTES) return null;
    let value: unknown;
    try {
      value = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      return null;
    }
    const parsed = VerificationReportSchema.safeParse(value);
    if (!parsed.success) return null;
    return path.basename(file, EXTENSION) === parsed.data.reportId.toLowerCase() ? parsed.data : null;
  }

  private restore(
    store: Pick<Store, 'outbox' | 'checklists' | 'transaction'>,
    kind: string,
    report: VerificationReport,
    result: ReconcileResult,
  ): void {
    store.transaction(() => {
      store.outbox.enqueue(kind, report);
      // The report id is the run id (reports/build.ts): a run open again lost its submit with the WAL.
      const run = store.checklists.getRun(report.reportId);
      if (run?.status === 'open') {
        const at = DateTime.fromISO(report.submittedAt, { setZone: true });
        if (store.checklists.submit(run.id, report.initials, at)) result.resubmitted += 1;
      }
    });
    result.restored += 1;
  }
}
