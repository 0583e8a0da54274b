/**
 * Reports wait in the SQLite outbox until the share takes them (issue 5): enqueue joins the submit's transaction,
 * deliverDue is called by the agent's tick (no timers here), failures back off exponentially with jitter, and an
 * entry is marked delivered only after its file is in place — a crash in between is healed by the writer, which
 * recognises its own file by reportId instead of writing a second one.
 */
import { VerificationReportSchema, type VerificationReport } from '../../../shared/reports/types';
import type { Clock } from '../clock';
import type { Logger, OutboxEntry, OutboxRepository, Store } from '../store';
import { buildReport, type ReportContext } from './build';
import type { ReportJournal } from './journal';
import { ReportWriteError, type ReportWriter, type WriteOutcome } from './writer';

export const REPORT_OUTBOX_KIND = 'verification-report';

export type ReportOutbox = Pick<
  OutboxRepository,
  'enqueue' | 'due' | 'markDelivered' | 'markFailed' | 'pendingCount' | 'setAside' | 'setAsideCount'
>;

export interface ReportDeliveryDeps {
  outbox: ReportOutbox;
  clock: Clock;
  writer: Pick<ReportWriter, 'write'>;
  /** The reports folder from the settings (IT policy `reportsFolder`), or null while none is configured. */
  folder: () => string | null;
  log: Logger;
  /** Delay before the next try after `attempts` failures, in ms (default reportBackoffMs). */
  backoffMs?: (attempts: number, random: () => number) => number;
  random?: () => number;
  /** Entries tried per round. */
  batch?: number;
  /** The file copy of each submitted report, removed once delivered (see journal.ts); absent in some tests. */
  journal?: Pick<ReportJournal, 'save' | 'remove'>;
}

export interface DeliveryRound {
  delivered: number;
  failed: number;
  /** Entries set aside this round: unreadable, never deliverable, kept for IT. */
  setAside: number;
  /** Still waiting after this round (all kinds of outbox entries). */
  pending: number;
  /** French reason of the last failure this round, or null. */
  lastError: string | null;
  /** Why nothing was tried: no folder configured yet. */
  idle: 'no-folder' | null;
}

const MINUTE = 60_000;
const MAX_DELAY = 60 * MINUTE;

/**
 * 1 min, 2, 4 … up to 1 h, ±20 % jitter so a fleet that lost the share together does not come back together.
 */
export function reportBackoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY, MINUTE * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export class ReportDelivery {
  private inFlight: Promise<DeliveryRound> | null = null;
  private lastErrorText: string | null = null;

  constructor(private readonly deps: ReportDeliveryDeps) {}

  /**
   * Queues a report. Synchronous on purpose: called inside the checklist's submit transaction, the report and
   * the "submitted" status are saved together or not at all.
   */
  enqueue(report: VerificationReport): OutboxEntry {
    return this.deps.outbox.enqueue(REPORT_OUTBOX_KIND, VerificationReportSchema.parse(report));
  }

  /**
   * Called once the submit's transaction has committed: the journal copy must not exist for a report whose
   * submit rolled back.
   */
  committed(report: VerificationReport): void {
    this.deps.journal?.save(report);
  }

  /** Reports not yet on the share (for the tray). */
  pending(): number {
    return this.deps.outbox.pendingCount();
  }

  /** Outbox entries set aside as undeliverable (for IT, in the status window). */
  setAside(): number {
    return this.deps.outbox.setAsideCount();
  }

  /** The reason of the last failed delivery (French), cleared by the next success. */
  lastError(): string | null {
    return this.lastErrorText;
  }

  /** Tries every due report once. Concurrent calls share the round in progress. */
  deliverDue(): Promise<DeliveryRound> {
    this.inFlight ??= this.round()
      .catch((error: unknown) => {
        // The local database failed (locked, disk full): the tick must go on; the next round retries.
        const message = `File d’attente locale indisponible : ${error instanceof Error ? error.message : String(error)}`;
        this.deps.log.error('reports: delivery round failed', { error: message });
        this.lastErrorText = message;
        return { delivered: 0, failed: 0, setAside: 0, pending: this.safePending(), lastError: message, idle: null };
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private safePending(): number {
    try {
      return this.deps.outbox.pendingCount();
    } catch {
      return 0;
    }
  }

  private async round(): Promise<DeliveryRound> {
    const { outbox, clock, log } = this.deps;
    const result: DeliveryRound = { delivered: 0, failed: 0, setAside: 0, pending: 0, lastError: null, idle: null };
    const folder = this.deps.folder();
    if (!folder) {
      // Kept, not failed: the reports go out as soon as IT configures the folder.
      result.idle = 'no-folder';
      result.pending = outbox.pendingCount();
      return result;
    }
    const due = outbox.due(clock.now(), this.deps.batch ?? 50).filter((e) => e.kind === REPORT_OUTBOX_KIND);
    for (let i = 0; i < due.length; i++) {
      const entry = due[i] as OutboxEntry;
      const parsed = VerificationReportSchema.safeParse(entry.payload);
      if (entry.unreadable || !parsed.success) {
        // A damaged row (or one salvaged from a damaged database) can never be delivered: kept for IT, out of
        // every later round, and never blocking the others (issue 9).
        const why = entry.unreadable
          ? 'contenu illisible (pas du JSON)'
          : `rapport non conforme (${parsed.error?.issues[0]?.message ?? 'schéma'})`;
        outbox.setAside(entry.id, `Mis de côté : ${why}.`, clock.now());
        result.setAside++;
        log.error('reports: outbox entry set aside, it can never be delivered', { id: entry.id, why });
        continue;
      }
      let outcome: WriteOutcome;
      try {
        outcome = await this.deps.writer.write(folder, parsed.data, { cleanTemps: entry.attempts > 0 });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.fail(entry, message, result);
        log.warn('reports: delivery failed, will retry', {
          id: entry.id,
          reportId: parsed.data.reportId,
          attempts: entry.attempts + 1,
          error: message,
        });
        if (error instanceof ReportWriteError && error.folderLevel) {
          // The share is down: the rest would fail the same way (each after a network timeout). Defer them too.
          for (const rest of due.slice(i + 1)) this.fail(rest, message, result);
          break;
        }
        continue;
      }
      outbox.markDelivered(entry.id, clock.now());
      this.deps.journal?.remove(parsed.data.reportId);
      result.delivered++;
      this.lastErrorText = null;
      if (outcome.flat) log.warn('reports: date folder unusable, report written flat', { reason: outcome.flat });
      log.info('reports: delivered', { id: entry.id, file: outcome.path, alreadyThere: outcome.alreadyDelivered });
    }
    result.pending = outbox.pendingCount();
    return result;
  }

  private fail(entry: OutboxEntry, message: string, result: DeliveryRound, delay?: (attempts: number) => number): void {
    const random = this.deps.random ?? Math.random;
    const backoff = delay ?? ((n: number) => (this.deps.backoffMs ?? reportBackoffMs)(n, random));
    this.deps.outbox.markFailed(entry.id, message, this.deps.clock.now(), (n) => ({ seconds: backoff(n) / 1000 }));
    result.failed++;
    result.lastError = message;
    this.lastErrorText = message;
  }
}

/**
 * Submit + report in ONE transaction, for the checklist service: either the checklist is submitted and its
 * report queued, or neither (a crash between the two cannot lose the report). null when the run was not open.
 */
export function submitWithReport(
  store: Pick<Store, 'transaction' | 'checklists'> & Partial<Pick<Store, 'acknowledgements'>>,
  delivery: Pick<ReportDelivery, 'enqueue'>,
  runId: string,
  initials: string,
  context: ReportContext,
): VerificationReport | null {
  return store.transaction(() => {
    if (!store.checklists.submit(runId, initials, context.now)) return null;
    const run = store.checklists.getRun(runId);
    if (!run) return null;
    // The banner's acknowledgement of this window on this workstation travels with the report (issue 12).
    const ack =
      store.acknowledgements?.find({
        windowStart: run.windowStart,
        windowEnd: run.windowEnd,
        site: run.site,
        noticeId: null,
      }) ?? null;
    const report = buildReport(run, run.items, { ...context, acknowledgement: ack });
    delivery.enqueue(report);
    return report;
  });
}
