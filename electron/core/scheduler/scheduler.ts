/**
 * The alert scheduler (issue 3, "Scheduler and alerts"; docs/architecture.md, rule 8). No long timers: the agent calls
 * `tick()` every ≤ 30 s against the wall clock and at once on resume/unlock/time change/after a sync, and each tick
 * announces the planned events due since the previous one. "Already announced" flags live in SQLite, keyed by the
 * planner's stable TimelineEvent.key, so nothing is announced twice, across restarts included.
 *
 * Catch-up: when the previous tick is older than `catchUpAfterMs` (the PC slept, was off, nobody was logged in),
 * the stale toasts are NOT replayed. Per window whose events were missed:
 * - its end (or its checklist) was missed → ONE catch-up toast ("la plage de 2 h – 4 h est terminée : vérifiez
 *   maintenant"), the checklist is created and opened. If only the checklist of a window whose end was announced
 *   was missed, the ordinary checklist toast is shown. If the end was missed but the checklist comes later (a
 *   service that verifies at its next shift start), nothing now: the checklist toast will come at its time.
 * - it is still in progress → ONE start-style toast saying it is in progress until its end;
 * - it has not started → its missed reminders are dropped (the next reminder or the start will come).
 * All the missed events of the window are then flagged, so a restart does not bring them back.
 */
import { DateTime } from 'luxon';
import type { PlannedWindow } from '../../../shared/planning';
import type { TimelineEvent } from '../../../shared/planning/types';
import type { Notification, Notifier, WindowKind } from '../agent-types';
import type { ChecklistWindow } from '../checklist/service';
import type { Clock } from '../clock';
import type { AnnouncedRepository, Logger, SettingsRepository, VerifiedHead } from '../store';
import {
  catchUpNotification,
  checklistNotification,
  endNotification,
  reminderNotification,
  startNotification,
  type MessageContext,
  type WindowFacts,
} from './messages';
import { ChangeAnnouncer } from './changes';
import { headsUps, HeadsUpWatch } from './heads-up';
import { PlanCache, type PlanInput } from './plan-cache';
import { dueFromPlan, splitVerified, verifiedKey, verifiedNotification, type VerifiedSource } from './verified';
import type { WindowToVerify } from '../verified/match';

/** Where the last tick is remembered (the settings table holds small key → JSON rows; users never see it). */
// Set at module load, not again per mutant in Stryker's vitest run. Planted by hand, scheduler-edges.test.ts fails.
// Stryker disable next-line StringLiteral: a static mutant Stryker cannot activate, see above
export const LAST_TICK_KEY = 'scheduler.lastTick';
/** Ticks are ≤ 30 s apart while the PC is awake; a longer silence means it slept or was off. */
export const DEFAULT_CATCH_UP_AFTER_MS = 2 * 60_000;
/** Writing the last tick every 30 s would be one disk write per tick for nothing: the flags prevent duplicates. */
// Stryker disable next-line ArithmeticOperator: a static mutant, as LAST_TICK_KEY (planted: scheduler-edges fails)
export const DEFAULT_PERSIST_EVERY_MS = 5 * 60_000;
/** Events older than this are not caught up (a PC off for weeks gets no checklist for last month's window). */
export const MAX_CATCH_UP_MS = 4 * 24 * 3600_000;

export interface SchedulerChecklists {
  /** Creates the window's run if missing; idempotent (ChecklistService.ensureRun). */
  ensureRun(window: ChecklistWindow): string;
}

export interface SchedulerDeps {
  clock: Clock;
  /** `verified`: windows verified by another workstation or user (docs/verified-elsewhere.md); absent = none. */
  store: { announced: AnnouncedRepository; settings: SettingsRepository; verified?: VerifiedSource };
  /** The current plan, or null while the workstation has no profile (nothing to announce). */
  plan: () => PlanInput | null;
  notifier: Notifier;
  checklists: SchedulerChecklists;
  /** The core wants a window shown (the checklist when it is due). */
  onOpenWindow: (window: WindowKind) => void;
  log: Logger;
  catchUpAfterMs?: number;
  persistEveryMs?: number;
  cache?: PlanCache;
}

export interface TickResult {
  /** What was shown this tick, in order. */
  notifications: Notification[];
  /** True when this tick followed a gap (sleep, PC off, first start). */
  caughtUp: boolean;
  /** Something changed that the status window shows (a checklist run was created, a toast went out). */
  changed: boolean;
}

function ms(dt: DateTime): number {
  return dt.toMillis();
}

export class Scheduler {
  readonly cache: PlanCache;
  /** Range start of the next tick: the last tick, or the first event that could not be announced. */
  private cursorMs: number | null = null;
  private lastTickMs: number | null = null;
  private persistedMs: number | null = null;
  private loaded = false;
  private readonly changes: ChangeAnnouncer;
  /** `verified-elsewhere` flags known to be set: no store look-up for them at every tick. */
  private readonly verifiedShown = new Set<string>();
  /** The site's verifications elsewhere, re-read only when the store's version moves (not at every tick). */
  private verifiedHeads: { version: number; site: string; heads: VerifiedHead[] } | null = null;
  private readonly headsUpWatch = new HeadsUpWatch();
  /**
   * The last tick that followed a gap: an event due at or before it and still not flagged was missed (its catch-up
   * failed and is being retried), so it is caught up again, never replayed one toast at a time. -Infinity: none.
   */
  private staleUntilMs = -Infinity;

  constructor(private readonly deps: SchedulerDeps) {
    this.cache = deps.cache ?? new PlanCache();
    this.changes = new ChangeAnnouncer(deps.store.announced);
  }

  /** Announces what became due since the previous tick. Never throws: a failure is logged and retried. */
  tick(): TickResult {
    const result: TickResult = { notifications: [], caughtUp: false, changed: false };
    const now = this.deps.clock.now();
    const nowMs = ms(now);
    this.load();
    const firstStart = this.cursorMs === null;
    const last = this.lastTickMs ?? this.cursorMs;
    // Stryker disable next-line ConditionalExpression: with no last tick, nowMs - null is nowMs, past any threshold
    const gap = last === null || nowMs - last > (this.deps.catchUpAfterMs ?? DEFAULT_CATCH_UP_AFTER_MS);
    // After the clock went back, what lies after now has not happened yet, so it cannot be stale.
    this.staleUntilMs = gap ? nowMs : Math.min(this.staleUntilMs, nowMs);
    let retryFrom: number | null = null;

    let plan: PlanInput | null = null;
    try {
      plan = this.deps.plan();
    } catch (error) {
      this.deps.log.error('scheduler: plan unavailable', { error: String(error) });
    }
    if (plan) {
      // The clock went back (time change): everything up to the old tick was already handled.
      const resumed = this.cursorMs === null ? nowMs : Math.min(this.cursorMs, nowMs);
      let from = Math.max(resumed, nowMs - MAX_CATCH_UP_MS);
      const planChanged = this.headsUpWatch.changed(plan);
      // Stryker disable next-line ConditionalExpression: `true` is equivalent (same plan, running: every start under way is already flagged); `false` is caught by late-plan.test.ts
      if (firstStart || planChanged) {
        // First start ever, or a plan that now holds a window already under way (published late): nothing was
        // "missed", but that window is still worth one start toast (none if its start was announced already).
        const current = this.cache.currentAt(plan, now);
        if (current) from = Math.min(from, ms(current.start) - 1);
      }
      // A window known too late for its reminders (issue 12): one heads-up, looked for when the plan changes. A
      // reminder the PC slept through beyond the catch-up's reach (after `resumed`) was not known late.
      if (planChanged) this.headsUp(plan, Math.min(from, resumed), now, firstStart, result);
      const planned = this.cache.eventsBetween(plan, from, nowMs);
      const all = planned.filter((e) => !this.deps.store.announced.has(e.key));
      let due = all;
      try {
        due = this.verifiedElsewhere(all, plan, now, result);
      } catch (error) {
        // The store could not say: announce as usual rather than lose a checklist (fail towards verifying).
        this.deps.log.error('scheduler: verified-elsewhere check failed', { error: String(error) });
      }
      result.caughtUp = gap;
      retryFrom = this.announceDue(due, planned, plan, now, result);
      this.announceChanges(plan, now, result);
    }

    // Before the first plan (no inventory loaded yet, no profile chosen yet) there is nothing to have missed:
    // keep the first-start view so a window already under way still gets its toast once the plan exists.
    if (!plan && firstStart) return result;
    this.lastTickMs = nowMs;
    this.cursorMs = retryFrom ?? nowMs;
    // A retry point must reach the disk (a restart would skip the event otherwise), but only once.
    this.persist(
      this.cursorMs,
      result.notifications.length > 0 || (retryFrom !== null && retryFrom !== this.persistedMs),
    );
    return result;
  }

  /** The window in progress and the next one (for the tray), from the same cached plan as the ticks. */
  windowsAt(now: DateTime): { current: PlannedWindow | null; next: PlannedWindow | null } {
    const plan = this.deps.plan();
    if (!plan) return { current: null, next: null };
    return { current: this.cache.currentAt(plan, now), next: this.cache.nextAfter(plan, now) };
  }

  /** The windows whose verification is due here now or soon (what the share reader looks for). */
  dueVerifications(now: DateTime): WindowToVerify[] {
    const plan = this.deps.plan();
    return plan ? dueFromPlan(plan, this.cache, this.deps.store.announced, now, MAX_CATCH_UP_MS) : [];
  }

  /**
   * One toast per window verified elsewhere, at the first tick at or after its submission; that window's due
   * events are then flagged silently (its run still created, never opened). Returns the events left to announce.
   */
  private verifiedElsewhere(due: TimelineEvent[], plan: PlanInput, now: DateTime, result: TickResult): TimelineEvent[] {
    const source = this.deps.store.verified;
    if (!source) return due;
    const ctx = this.context(plan, now);
    const site = plan.profile.site;
    let memo = this.verifiedHeads;
    // Stryker disable next-line ConditionalExpression: a memo; reading the heads again gives the same heads
    if (!memo || memo.version !== source.version || memo.site !== site) {
      memo = { version: source.version, site, heads: source.heads(site) };
      this.verifiedHeads = memo;
    }
    const nowIso = new Date(now.toMillis()).toISOString();
    const fromIso = new Date(now.toMillis() - MAX_CATCH_UP_MS).toISOString();
    for (const record of memo.heads) {
      // Store times compare as strings (store/time.ts): submitted by now, window within catch-up reach.
      if (record.submittedAt > nowIso || record.windowEnd < fromIso) continue;
      const key = verifiedKey(record);
      // Stryker disable next-line ConditionalExpression: a memo of the store look-up below
      if (this.verifiedShown.has(key)) continue;
      // Without this shortcut markAll flags nothing (so `continue` below), and ensureRun finds the run made then.
      // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut, see above
      if (this.deps.store.announced.has(key)) {
        // Stryker disable next-line CallExpression: a memo of this look-up
        this.verifiedShown.add(key);
        continue;
      }
      const start = DateTime.fromISO(record.windowStart);
      const end = DateTime.fromISO(record.windowEnd);
      const window = this.cache.windowOf(plan, start, end);
      const at = DateTime.fromISO(record.submittedAt);
      // The run exists from now on (never pending while verified elsewhere): "Vérifier quand même" reopens it.
      if (window) this.deps.checklists.ensureRun({ ...window, site: plan.profile.site });
      const marked = this.deps.store.announced.markAll([{ key, kind: 'verified-elsewhere', at, announcedAt: now }]);
      // Stryker disable next-line CallExpression: a memo; the next tick finds the flag in the store instead
      this.verifiedShown.add(key);
      if (!marked) continue;
      const apps = window?.applications.map((a) => a.application) ?? [];
      this.show(verifiedNotification(record, apps, ctx), result);
    }
    const { silenced, open } = splitVerified(due, source, plan.profile.site, now);
    for (const e of silenced) {
      // ensureRun is idempotent and every event of a window names the same window: any of them gives the same run.
      // Stryker disable next-line ConditionalExpression: the same run, see above
      if (e.kind === 'checklist') this.ensureRun(plan, e);
      this.flag([e], now);
      result.changed = true;
    }
    return open;
  }

  /** Writes the last tick now (the agent calls it when stopping). */
  flush(): void {
    if (this.cursorMs !== null) this.persist(this.cursorMs, true);
  }

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    try {
      const stored = this.deps.store.settings.get(LAST_TICK_KEY);
      // Stryker disable next-line ObjectLiteral: persist() writes the instant with its Z, so the zone never applies
      const at = typeof stored === 'string' ? DateTime.fromISO(stored, { zone: 'utc' }).toMillis() : NaN;
      if (Number.isFinite(at)) {
        this.cursorMs = at;
        this.persistedMs = at;
      }
    } catch (error) {
      this.deps.log.warn('scheduler: last tick unreadable, starting fresh', { error: String(error) });
    }
  }

  private persist(atMs: number, force: boolean): void {
    const every = this.deps.persistEveryMs ?? DEFAULT_PERSIST_EVERY_MS;
    // Stryker disable next-line ConditionalExpression: with nothing saved, |atMs - null| is atMs, never under `every`
    if (!force && this.persistedMs !== null && Math.abs(atMs - this.persistedMs) < every) return;
    try {
      this.deps.store.settings.set(LAST_TICK_KEY, DateTime.fromMillis(atMs, { zone: 'utc' }).toISO());
      this.persistedMs = atMs;
    } catch (error) {
      // Not fatal: the flags still prevent duplicates; at worst the next start sees a longer gap.
      this.deps.log.warn('scheduler: last tick not saved', { error: String(error) });
    }
  }

  /** Missed events (up to the last gap's tick) are caught up, the others announced one by one. Returns the retry. */
  private announceDue(
    due: TimelineEvent[],
    planned: TimelineEvent[],
    plan: PlanInput,
    now: DateTime,
    result: TickResult,
  ): number | null {
    const staleUntil = this.staleUntilMs;
    const stale: TimelineEvent[] = [];
    const fresh: TimelineEvent[] = [];
    for (const e of due) (ms(e.at) <= staleUntil ? stale : fresh).push(e);
    const staleRetry = this.catchUp(stale, plan, now, result);
    const freshRetry = this.announceEach(fresh, planned, plan, now, result);
    // Stale events all come before fresh ones: a failed stale one is the earlier point to retry from.
    return staleRetry ?? freshRetry;
  }

  /**
   * Normal ticking: each due event, in order. Returns the `at` of the first failure (to retry), or null. `planned`:
   * this tick's events, flagged or not.
   */
  private announceEach(
    events: TimelineEvent[],
    planned: TimelineEvent[],
    plan: PlanInput,
    now: DateTime,
    result: TickResult,
  ): number | null {
    let retryFrom: number | null = null;
    // One toast at a window's end (issue 12): where its checklist is due at that very instant (a 24/7 service), the
    // checklist's toast says it all and opens it; the end is flagged without a toast of its own. From the plan, not
    // the unflagged events: an end whose flag failed is retried after its checklist went out, and stays silent.
    const windowOf = (e: TimelineEvent) => `${ms(e.windowStart)}|${ms(e.windowEnd)}`;
    const checklistAtEnd = new Set(
      planned.filter((e) => e.kind === 'checklist' && ms(e.at) === ms(e.windowEnd)).map(windowOf),
    );
    const deferred: TimelineEvent[] = [];
    const failedChecklists = new Set<string>();
    for (const event of events) {
      if (event.kind === 'end' && checklistAtEnd.has(windowOf(event))) {
        deferred.push(event);
        continue;
      }
      try {
        this.announce(event, plan, now, result);
      } catch (error) {
        this.deps.log.error('scheduler: announcement failed, will retry', { key: event.key, error: String(error) });
        retryFrom ??= ms(event.at) - 1;
        if (event.kind === 'checklist') failedChecklists.add(windowOf(event));
      }
    }
    for (const end of deferred) {
      try {
        // The checklist could not be announced: the end still says the window is over.
        if (failedChecklists.has(windowOf(end))) this.announce(end, plan, now, result);
        else if (this.flag([end], now)) result.changed = true;
      } catch (error) {
        this.deps.log.error('scheduler: announcement failed, will retry', { key: end.key, error: String(error) });
        retryFrom ??= ms(end.at) - 1;
      }
    }
    return retryFrom;
  }

  private announce(event: TimelineEvent, plan: PlanInput, now: DateTime, result: TickResult): void {
    const ctx = this.context(plan, now);
    const facts = factsOf(event);
    if (event.kind === 'checklist') {
      // The run first (idempotent): a crash before the flag only means creating nothing new next time.
      this.ensureRun(plan, event);
      result.changed = true;
      if (!this.flag([event], now)) return;
      this.show(checklistNotification(facts, ctx), result);
      this.deps.onOpenWindow('checklist');
      return;
    }
    if (!this.flag([event], now)) return;
    const notification =
      event.kind === 'reminder'
        ? reminderNotification(facts, ctx)
        : event.kind === 'start'
          ? startNotification(facts, ctx)
          : endNotification(facts, ctx);
    this.show(notification, result);
  }

  /** After a gap: at most one toast per window, never a stale one. */
  private catchUp(events: TimelineEvent[], plan: PlanInput, now: DateTime, result: TickResult): number | null {
    const byWindow = new Map<string, TimelineEvent[]>();
    for (const e of events) {
      const id = `${ms(e.windowStart)}|${ms(e.windowEnd)}`;
      const list = byWindow.get(id);
      if (list) list.push(e);
      else byWindow.set(id, [e]);
    }
    let retryFrom: number | null = null;
    const ctx = this.context(plan, now);
    const nowMs = ms(now);
    // Oldest window first, whatever order their missed events came in (a window's reminder may come due at another's
    // start). Windows sharing a start have their reminders and start at the same instants, so their first missed
    // events tie and keep the timeline's order (shared/planning/timeline.ts): the stable sort leaves them so.
    const windows = [...byWindow.values()].sort(
      (a, b) => ms((a[0] as TimelineEvent).windowStart) - ms((b[0] as TimelineEvent).windowStart),
    );
    for (const missed of windows) {
      const first = missed[0] as TimelineEvent;
      try {
        const checklists = missed.filter((e) => e.kind === 'checklist');
        const endMissed = missed.some((e) => e.kind === 'end');
        // At nowMs === its end, the window's end is due in this same catch-up: the branches before took it.
        // Stryker disable next-line EqualityOperator: see above
        const inProgress = ms(first.windowStart) <= nowMs && nowMs < ms(first.windowEnd);
        if (checklists.length > 0) {
          for (const c of checklists) this.ensureRun(plan, c);
          result.changed = true;
          if (!this.flag(missed, now)) continue;
          // `first` is the window's earliest missed event, here a reminder, its start or its end (a checklist comes
          // after the end): it names all the window's applications, not one split checklist's share.
          if (endMissed) this.show(catchUpNotification(factsOf(first), ctx), result);
          else for (const c of checklists) this.show(checklistNotification(factsOf(c), ctx), result);
          this.deps.onOpenWindow('checklist');
        } else if (endMissed) {
          // Verified at the next shift start: that checklist toast will come; the stale end is dropped.
          this.flag(missed, now);
          this.deps.log.info('scheduler: missed end dropped, checklist comes later', { window: first.key });
        } else if (inProgress) {
          if (!this.flag(missed, now)) continue;
          this.show(startNotification(factsOf(first), ctx, true), result);
        } else {
          this.flag(missed, now);
          this.deps.log.info('scheduler: stale reminders dropped', { window: first.key, count: missed.length });
        }
      } catch (error) {
        this.deps.log.error('scheduler: catch-up failed, will retry', { key: first.key, error: String(error) });
        const earliest = Math.min(...missed.map((e) => ms(e.at))) - 1;
        retryFrom = retryFrom === null ? earliest : Math.min(retryFrom, earliest);
      }
    }
    return retryFrom;
  }

  /** Windows cancelled or moved after their reminders went out: once each (./changes.ts). Never throws. */
  private announceChanges(plan: PlanInput, now: DateTime, result: TickResult): void {
    try {
      for (const notification of this.changes.due(plan, now)) this.show(notification, result);
    } catch (error) {
      this.deps.log.error('scheduler: change announcement failed', { error: String(error) });
    }
  }

  /** heads-up.ts decides and flags; a store failure is retried at the next tick (the plan stays "changed"). */
  private headsUp(plan: PlanInput, fromMs: number, now: DateTime, quiet: boolean, result: TickResult): void {
    try {
      const { announced } = this.deps.store;
      for (const n of headsUps({ plan, cache: this.cache, announced, now, fromMs, quiet })) this.show(n, result);
      this.headsUpWatch.settle(plan);
    } catch (error) {
      this.deps.log.error('scheduler: heads-up failed, will retry', { error: String(error) });
    }
  }

  /** Flags all `events`; true when at least one was not flagged before (someone else did not get there first). */
  private flag(events: TimelineEvent[], now: DateTime): boolean {
    const entries = events.map((e) => ({ key: e.key, kind: e.kind, at: e.at, announcedAt: now }));
    return this.deps.store.announced.markAll(entries) > 0;
  }

  private show(notification: Notification, result: TickResult): void {
    result.notifications.push(notification);
    result.changed = true;
    try {
      this.deps.notifier.notify(notification, () => this.deps.onOpenWindow(notification.opens));
    } catch (error) {
      // Toasts are best effort (Focus Assist, no notification daemon): the tray stays the truth.
      this.deps.log.warn('scheduler: toast failed', { kind: notification.kind, error: String(error) });
    }
  }

  private ensureRun(plan: PlanInput, event: TimelineEvent): void {
    // A timeline event's window is always among the windows the cache computed with it (plan-cache.ts). Were it
    // not, reading it throws, and the announcement is logged and retried like any other failure.
    const window = this.cache.windowOf(plan, event.windowStart, event.windowEnd) as PlannedWindow;
    // One run per window and site (ChecklistService): it covers the whole window, even when its services verify
    // at different moments, so no application is left out of the run created first.
    this.deps.checklists.ensureRun({
      start: event.windowStart,
      end: event.windowEnd,
      site: plan.profile.site,
      services: window.services,
      applications: window.applications,
    });
  }

  private context(plan: PlanInput, now: DateTime): MessageContext {
    return { now, zone: plan.options.zone, lang: plan.language };
  }
}

function factsOf(event: TimelineEvent): WindowFacts {
  return { start: event.windowStart, end: event.windowEnd, applications: event.applications };
}
