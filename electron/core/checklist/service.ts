/**
 * The verification checklist of a maintenance window (issue 4, "Verification checklist"). Every answer is written
 * to the store the moment it is given, so a crash or a closed window resumes exactly where it stopped; a submitted
 * run is a record and never changes again. The store's repository only persists: what a run contains and when it
 * may change is decided here.
 */
import { DateTime } from 'luxon';
import { exchangesData } from '../../../shared/inventory/exchanges';
import { wardNote } from '../../../shared/inventory/ward-note';
import type { Application, Inventory } from '../../../shared/inventory/model';
import type { Lang } from '../../../shared/i18n/format';
import type { CheckId, RestartInput, SetCheckInput, SubmitInput } from '../../../shared/ipc/schemas';
import type { ChecklistView, GuidanceView, RunSummaryView, VerifiedElsewhereView } from '../../../shared/ipc/views';
import { sameName } from '../../../shared/text/fold';
import { CoreError } from '../api/errors';
import type { Clock } from '../clock';
import type { ReportDelivery } from '../reports/delivery';
import { submitWithReport } from '../reports/delivery';
import type { VerificationReport } from '../../../shared/reports/types';
import type { ChecklistItem, ChecklistRunWithItems, Logger, Store } from '../store';
import { silentLogger, toStoreTime } from '../store';
import { buildGuidance, storedContact } from './guidance';
import { checkLabel, messages } from './messages';
import { localIso, runSummary, toChecklistView } from './views';
import { verifiedElsewhereViews } from './verified-view';

/** A window to verify, as the scheduler plans it (shared/planning PlannedWindow plus the site). */
export interface ChecklistWindow {
  start: DateTime;
  end: DateTime;
  site: string;
  services: string[];
  applications: { service: string; application: string }[];
  /** Set when the window is an unplanned outage notice's (issue 13): its run is its own, found by this id. */
  noticeId?: string;
}

/** Who submits, for the report (the PC, the Windows account — often shared — and the app version). */
export interface SubmitContext {
  workstation: string;
  userAccount: string;
  appVersion: string;
}

export interface ChecklistServiceDeps {
  store: Store;
  clock: Clock;
  /** The inventory in use (SyncService.current()). */
  inventory: () => Inventory;
  log?: Logger;
  /** Queues the report of a submitted run in the SAME transaction as the submission (issue 5). */
  reports?: Pick<ReportDelivery, 'enqueue'> & Partial<Pick<ReportDelivery, 'committed'>>;
  /** Language of the messages and of the guidance (settings.effective().language). Default French. */
  language?: () => Lang;
  /** IT's link to the Octopus form (settings.effective().octopusUrl). */
  octopusUrl?: () => string | null;
}

/** How many submitted runs hasUnresolvedProblem looks through (a month of windows is a handful). */
const RECENT_RUNS = 50;

function isUnresolved(item: ChecklistItem): boolean {
  return item.result === 'problem' && item.restart !== 'fixed';
}

export class ChecklistService {
  private readonly log: Logger;

  constructor(private readonly deps: ChecklistServiceDeps) {
    this.log = deps.log ?? silentLogger;
  }

  /**
   * The run of this window for this site, created when missing (idempotent: the scheduler may call it at every
   * tick, after a restart, after a catch-up). Checks per application: "starts" always, "transfers" when the
   * application exchanges data (inventory column "Transferts", else its comment — shared/inventory/exchanges.ts).
   */
  ensureRun(window: ChecklistWindow): string {
    const { store } = this.deps;
    return store.transaction(() => {
      const existing = this.findRun(window.site, window.start, window.end, window.noticeId ?? null);
      if (existing) return existing;
      const seen = new Set<string>();
      const items: { application: string; service: string; checkId: CheckId }[] = [];
      for (const { service, application } of window.applications) {
        // One card per application: the store keys items by (run, application, check).
        if (seen.has(application)) continue;
        seen.add(application);
        items.push({ application, service, checkId: 'starts' });
        const app = this.application(window.site, service, application);
        if (app && exchangesData(app)) items.push({ application, service, checkId: 'transfers' });
      }
      const run = store.checklists.createRun({
        windowStart: window.start,
        windowEnd: window.end,
        site: window.site,
        services: [...window.services],
        items,
        noticeId: window.noticeId ?? null,
      });
      this.log.info('checklist: run created', {
        runId: run.id,
        windowStart: run.windowStart,
        items: run.items.length,
      });
      return run.id;
    });
  }

  /**
   * The oldest run still open (a pending checklist reappears until it is sent), or null. A run whose window another
   * workstation or user already verified is not pending (docs/verified-elsewhere.md) unless someone here chose to
   * verify again anyway.
   */
  pendingRun(): RunSummaryView | null {
    const { store, clock } = this.deps;
    const now = clock.now();
    const open = store.checklists
      .listRuns({ status: 'open' })
      .filter((r) => store.verified.standing(r.site, r.windowStart, r.windowEnd, now) === null);
    const oldest = open[open.length - 1];
    return oldest ? this.summary(oldest.id) : null;
  }

  /** Open runs whose window was verified elsewhere: "Vérification faite par PC-LAB-1 (MT) à 4 h 30". */
  verifiedElsewhere(): VerifiedElsewhereView[] {
    return verifiedElsewhereViews(this.deps.store, this.deps.clock.zone, this.deps.clock.now());
  }

  /** "Vérifier quand même": the run is pending again here (the report found elsewhere stays on record). */
  verifyAgain(runId: string): ChecklistView {
    const run = this.openRun(runId);
    this.deps.store.verified.override(run.site, run.windowStart, run.windowEnd, this.deps.clock.now());
    this.log.info('checklist: verifying again although verified elsewhere', { runId });
    return this.require(runId);
  }

  latestSubmitted(): RunSummaryView | null {
    const [latest] = this.deps.store.checklists.listRuns({ status: 'submitted', limit: 1 });
    return latest ? this.summary(latest.id) : null;
  }

  /** True when a run submitted at or after `since` reports a problem that a restart did not fix. */
  hasUnresolvedProblem(since: DateTime): boolean {
    const from = since.toMillis();
    return this.deps.store.checklists
      .listRuns({ status: 'submitted', limit: RECENT_RUNS })
      .filter((r) => r.submittedAt !== null && DateTime.fromISO(r.submittedAt).toMillis() >= from)
      .some((r) => this.deps.store.checklists.getRun(r.id)?.items.some(isUnresolved) ?? false);
  }

  get(runId: string): ChecklistView | null {
    const run = this.deps.store.checklists.getRun(runId);
    return run ? this.view(run) : null;
  }

  /** Newest window first, open and submitted. */
  history(limit = 10): RunSummaryView[] {
    return this.deps.store.checklists
      .listRuns({ limit })
      .map((r) => this.summary(r.id))
      .filter((s): s is RunSummaryView => s !== null);
  }

  /** Saves one answer at once. Leaving "Problème" forgets the restart answer and the contact that went with it. */
  setCheck(input: SetCheckInput): ChecklistView {
    const { store } = this.deps;
    const run = this.openRun(input.runId);
    this.item(run, input.application, input.check);
    store.transaction(() => {
      store.checklists.setResult(input.runId, input.application, input.check, input.result, input.comment);
      if (input.result !== 'problem') store.checklists.setContact(input.runId, input.application, input.check, null);
    });
    return this.require(input.runId);
  }

  /**
   * Step 1 of a problem: did closing and restarting the application fix it? Fixed → recorded as resolved by a
   * restart; not fixed → the contact for now is remembered with the item (it is what the guidance shows next).
   */
  recordRestart(input: RestartInput): ChecklistView {
    const { store, clock } = this.deps;
    const run = this.openRun(input.runId);
    const item = this.item(run, input.application, input.check);
    if (item.result !== 'problem') throw new CoreError('invalid-input', this.text().restartNeedsProblem);
    store.transaction(() => {
      store.checklists.setRestart(input.runId, input.application, input.check, input.fixed ? 'fixed' : 'not-fixed');
      if (input.fixed) {
        store.checklists.setContact(input.runId, input.application, input.check, null);
      } else {
        const guidance = this.guidanceFor(run, input.application, clock.now());
        if (!guidance.escalation.retryAfter) {
          store.checklists.setContact(
            input.runId,
            input.application,
            input.check,
            storedContact(guidance.escalation, clock.now()),
          );
        }
      }
    });
    return this.require(input.runId);
  }

  /**
   * Whom to contact now about one application of the run. Also remembers that contact with the application's
   * unresolved problems (unless the window is still running: then nobody should be called yet).
   */
  guidance(runId: string, application: string): GuidanceView {
    const { store, clock } = this.deps;
    const run = store.checklists.getRun(runId);
    if (!run) throw new CoreError('not-found', this.text().runNotFound);
    const items = run.items.filter((i) => i.application === application);
    if (items.length === 0) throw new CoreError('not-found', this.text().itemNotFound(application));
    const now = clock.now();
    const guidance = this.guidanceFor(run, application, now);
    if (run.status === 'open' && !guidance.escalation.retryAfter) {
      const contact = storedContact(guidance.escalation, now);
      store.transaction(() => {
        for (const item of items.filter(isUnresolved)) {
          store.checklists.setContact(runId, application, item.checkId, contact);
        }
      });
    }
    return guidance;
  }

  /**
   * Closes the run with the initials of the person (ward PCs share one Windows account) and queues its report in
   * the same transaction. Refused while a check is unanswered, and a second time (first submission wins).
   */
  submit(input: SubmitInput, context: SubmitContext): ChecklistView {
    const { store, clock } = this.deps;
    const text = this.text();
    const initials = input.initials.trim();
    if (!initials) throw new CoreError('invalid-input', text.initialsMissing);
    const run = this.openRun(input.runId);
    const missing = run.items.filter((i) => i.result === null);
    if (missing.length > 0) {
      const lang = this.language();
      throw new CoreError(
        'invalid-input',
        text.unanswered(missing.map((i) => checkLabel(lang, i.application, i.checkId))),
      );
    }
    const now = clock.now();
    const submitted = store.transaction((): { report: VerificationReport | null } | null => {
      // A problem nobody opened the guidance for still records whom the guide says to call at this moment.
      for (const item of run.items.filter((i) => isUnresolved(i) && i.contact === null)) {
        const guidance = this.guidanceFor(run, item.application, now);
        store.checklists.setContact(run.id, item.application, item.checkId, storedContact(guidance.escalation, now));
      }
      if (this.deps.reports) {
        const report = submitWithReport(store, this.deps.reports, run.id, initials, {
          ...context,
          now,
          zone: clock.zone,
        });
        return report === null ? null : { report };
      }
      return store.checklists.submit(run.id, initials, now) ? { report: null } : null;
    });
    if (!submitted) throw new CoreError('locked', text.alreadySubmitted);
    // After the commit, never inside it: a journal copy must not outlive a submit that rolled back.
    if (submitted.report) this.deps.reports?.committed?.(submitted.report);
    this.log.info('checklist: submitted', { runId: run.id, items: run.items.length });
    return this.require(run.id);
  }

  private guidanceFor(run: ChecklistRunWithItems, application: string, now: DateTime): GuidanceView {
    const items = run.items.filter((i) => i.application === application);
    const service = items[0]?.service ?? run.services[0] ?? '';
    return buildGuidance(
      {
        site: run.site,
        service,
        application,
        windowStart: localIso(run.windowStart, this.deps.clock.zone),
        windowEnd: localIso(run.windowEnd, this.deps.clock.zone),
        failing: items.filter(isUnresolved).map((i) => i.checkId),
      },
      {
        now,
        zone: this.deps.clock.zone,
        language: this.language(),
        octopusUrl: this.deps.octopusUrl?.() ?? null,
        inventory: this.deps.inventory(),
      },
    );
  }

  /**
   * The existing run for this site and window (several sites may share one database: a profile change); a notice's
   * run is found by its notice, and a planned window never takes a notice's run for its own.
   */
  private findRun(site: string, start: DateTime, end: DateTime, noticeId: string | null): string | null {
    const row = (
      noticeId !== null
        ? this.deps.store.db
            .prepare('SELECT id FROM checklist_runs WHERE notice_id = ? AND site = ? ORDER BY created_at, id LIMIT 1')
            .get(noticeId, site)
        : this.deps.store.db
            .prepare(
              `SELECT id FROM checklist_runs WHERE window_start = ? AND window_end = ? AND site = ?
               AND notice_id IS NULL ORDER BY created_at, id LIMIT 1`,
            )
            .get(toStoreTime(start), toStoreTime(end), site)
    ) as { id: string } | undefined;
    return row?.id ?? null;
  }

  private application(site: string, service: string, name: string): Application | null {
    const apps = this.deps.inventory().applications;
    return (
      apps.find((a) => sameName(a.site, site) && sameName(a.service, service) && a.application.trim() === name) ??
      apps.find((a) => sameName(a.site, site) && a.application.trim() === name) ??
      null
    );
  }

  private openRun(runId: string): ChecklistRunWithItems {
    const run = this.deps.store.checklists.getRun(runId);
    if (!run) throw new CoreError('not-found', this.text().runNotFound);
    if (run.status !== 'open') throw new CoreError('locked', this.text().alreadySubmitted);
    return run;
  }

  private item(run: ChecklistRunWithItems, application: string, check: CheckId): ChecklistItem {
    const item = run.items.find((i) => i.application === application && i.checkId === check);
    if (!item) throw new CoreError('not-found', this.text().itemNotFound(application));
    return item;
  }

  private require(runId: string): ChecklistView {
    const view = this.get(runId);
    if (!view) throw new CoreError('not-found', this.text().runNotFound);
    return view;
  }

  private summary(runId: string): RunSummaryView | null {
    const run = this.deps.store.checklists.getRun(runId);
    return run ? runSummary(run, this.deps.clock.zone) : null;
  }

  private view(run: ChecklistRunWithItems): ChecklistView {
    return toChecklistView(run, this.deps.clock.zone, (service, application) =>
      // Instructions come from the inventory in use, so a consigne IT corrects shows up in an open checklist too.
      wardNote(this.application(run.site, service, application) ?? { comment: '' }),
    );
  }

  private language(): Lang {
    return this.deps.language?.() ?? 'fr';
  }

  private text() {
    return messages(this.language());
  }
}
