/**
 * Unplanned outage notices on this workstation (issue 13, "Unplanned outage notices"; docs/deployment.md, "Avis de
 * panne"). Driven by the agent's tick like the scheduler (docs/architecture.md, rule 8: no long timers): the folder
 * is scanned when its time has come (every 60 s by default, plus a random share so a fleet does not read the share
 * in step), and every tick announces what became due — the outage toast at its start, "… est rétabli" at its end,
 * then the verification checklist through the same ChecklistService (and so the same report and fleet report) as a
 * planned window. Flags live in the announced table, one key per notice and moment, so a restart repeats nothing.
 * A notice never touches the planned windows: it only adds its own toasts, tray state and checklist run.
 */
import type { DateTime } from 'luxon';
import {
  noticeEvents,
  noticeReachesInventory,
  noticeTarget,
  type NoticeEvent,
  type NoticeTarget,
} from '../../../shared/notices/plan';
import type { Notice } from '../../../shared/notices/notice';
import { sortedUnique } from '../../../shared/planning/names';
import type { Notification, Notifier, WindowKind } from '../agent-types';
import type { Clock } from '../clock';
import type { AnnouncedRepository, Logger } from '../store';
import type { PlanInput } from '../scheduler/plan-cache';
import { MAX_CATCH_UP_MS, type SchedulerChecklists } from '../scheduler/scheduler';
import { NoticeFolder, type NoticeFs, type NoticeScan } from './folder';
import {
  noticeChecklistNotification,
  noticeEndNotification,
  noticeStartNotification,
  type NoticeFacts,
} from './messages';

/** How often the folder is read (issue 13: "every 60 s by default, with jitter"). */
export const NOTICE_SCAN_EVERY_MS = 60_000;
/** Up to this share of the period is added at random to each wait. */
export const NOTICE_SCAN_JITTER = 0.25;

/** A notice in force at an instant, as the ward banner shows it (issue 12's banner, `reason: 'notice'`). */
export interface ActiveNotice {
  id: string;
  site: string;
  services: string[];
  applications: string[];
  message: string;
  /** ISO instants; `until` is null while the end is not known. */
  from: string;
  until: string | null;
}

export interface NoticeAnnouncerDeps {
  clock: Clock;
  store: { announced: AnnouncedRepository };
  /** The notices known now (from the folder, or replayed by `simulate --notices`). */
  notices: () => readonly Notice[];
  /** The same plan as the scheduler's (inventory, profile, hours, language); null = nothing to announce yet. */
  plan: () => PlanInput | null;
  notifier: Notifier;
  checklists: SchedulerChecklists;
  onOpenWindow: (window: WindowKind) => void;
  log: Logger;
}

function iso(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

/** Announces the due moments of the notices that target this workstation. */
export class NoticeAnnouncer {
  private memo: {
    plan: PlanInput;
    notices: readonly Notice[];
    planned: { target: NoticeTarget; events: NoticeEvent[] }[];
  } | null = null;
  /** Keys known to be flagged (flags are never removed while their notice can still be due). */
  private readonly done = new Set<string>();
  private readonly warned = new Set<string>();

  constructor(private readonly deps: NoticeAnnouncerDeps) {}

  /** This workstation's notices, as planned now (a notice not yet published at `now` is not known yet). */
  targets(now: DateTime): NoticeTarget[] {
    const nowMs = now.toMillis();
    return this.planned()
      .filter((p) => Date.parse(p.target.notice.publishedAt) <= nowMs)
      .map((p) => p.target);
  }

  /**
   * Targets and their moments, worked out again only when the notices or the plan change (the same objects
   * otherwise: the watcher keeps its list between scans, the agent its plan): a tick then costs a few comparisons.
   */
  private planned(): { target: NoticeTarget; events: NoticeEvent[] }[] {
    const plan = this.safePlan();
    if (!plan) return [];
    const notices = this.deps.notices();
    if (this.memo?.plan === plan && this.memo.notices === notices) return this.memo.planned;
    const planned = notices
      .map((n) => {
        const target = noticeTarget(n, plan.inventory, plan.profile, plan.options.zone);
        if (target === null) this.warnIfReachesNothing(n, plan);
        return target;
      })
      .filter((t): t is NoticeTarget => t !== null)
      .map((target) => ({ target, events: noticeEvents(target, plan.inventory, plan.profile, plan.options) }));
    this.memo = { plan, notices, planned };
    return planned;
  }

  /** The notices in force at `now` for this workstation (start ≤ now < end): the banner's `reason: 'notice'`. */
  activeAt(now: DateTime): ActiveNotice[] {
    const nowMs = now.toMillis();
    return this.targets(now)
      .filter((t) => t.start.toMillis() <= nowMs && (t.end === null || nowMs < t.end.toMillis()))
      .map((t) => ({
        id: t.notice.id,
        site: t.notice.site,
        services: t.services,
        applications: sortedUnique(t.applications.map((a) => a.application)),
        message: t.notice.message,
        from: iso(t.start),
        until: t.end === null ? null : iso(t.end),
      }));
  }

  /** What the tray shows while an outage is on: the first notice in force (the earliest started). */
  outageAt(now: DateTime): { start: DateTime; end: DateTime | null; applications: { application: string }[] } | null {
    const nowMs = now.toMillis();
    const active = this.targets(now)
      .filter((t) => t.start.toMillis() <= nowMs && (t.end === null || nowMs < t.end.toMillis()))
      .sort((a, b) => a.start.toMillis() - b.start.toMillis());
    const first = active[0];
    return first ? { start: first.start, end: first.end, applications: first.applications } : null;
  }

  /** Announces what is due and not yet flagged. Never throws; what failed is retried at the next tick. */
  tick(): { notifications: Notification[]; changed: boolean } {
    const result = { notifications: [] as Notification[], changed: false };
    const plan = this.safePlan();
    if (!plan) return result;
    const now = this.deps.clock.now();
    const nowMs = now.toMillis();
    for (const { target, events } of this.planned()) {
      if (Date.parse(target.notice.publishedAt) > nowMs) continue;
      const due = events.filter((e) => e.at.toMillis() <= nowMs && !this.flagged(e.key));
      const ended = target.end !== null && target.end.toMillis() <= nowMs;
      for (const event of due) {
        try {
          this.announce(event, target, plan, now, ended, result);
          this.done.add(event.key);
        } catch (error) {
          this.deps.log.error('notices: announcement failed, will retry', { key: event.key, error: String(error) });
          break; // In order: no "rétabli" before the outage, no checklist before "rétabli".
        }
      }
    }
    return result;
  }

  private announce(
    event: NoticeEvent,
    target: NoticeTarget,
    plan: PlanInput,
    now: DateTime,
    ended: boolean,
    result: { notifications: Notification[]; changed: boolean },
  ): void {
    const facts: NoticeFacts = {
      id: target.notice.id,
      start: target.start,
      end: target.end,
      applications: sortedUnique(event.applications.map((a) => a.application)),
      message: target.notice.message,
    };
    // Too old to matter (a PC off for a week), or an outage already over when first seen: flagged, not shown.
    const stale = now.toMillis() - event.at.toMillis() > MAX_CATCH_UP_MS;
    if (event.kind === 'checklist' && !stale) {
      // The run first (idempotent): a crash before the flag only means finding the same run next time.
      this.deps.checklists.ensureRun({
        start: target.windowStart,
        end: target.end ?? now,
        site: plan.profile.site,
        services: target.services,
        applications: target.applications,
        noticeId: target.notice.id,
      });
      result.changed = true;
    }
    const flagged = this.deps.store.announced.mark({
      key: event.key,
      kind: event.kind,
      at: event.at,
      announcedAt: now,
    });
    if (!flagged) return;
    result.changed = true;
    if (stale || (event.kind === 'notice' && ended)) {
      this.deps.log.info('notices: stale moment flagged without a toast', { key: event.key });
      return;
    }
    const lang = plan.language;
    const notification =
      event.kind === 'notice'
        ? noticeStartNotification(facts, lang)
        : event.kind === 'notice-end'
          ? noticeEndNotification(facts, lang)
          : noticeChecklistNotification(facts, lang, plan.options.zone);
    result.notifications.push(notification);
    try {
      this.deps.notifier.notify(notification, () => this.deps.onOpenWindow(notification.opens));
    } catch (error) {
      // Toasts are best effort (Focus Assist): the tray says "en cours" anyway.
      this.deps.log.warn('notices: toast failed', { kind: notification.kind, error: String(error) });
    }
    if (event.kind === 'checklist') this.deps.onOpenWindow('checklist');
  }

  /** Logged once per notice: a notice that targets nothing in the inventory is ignored, and IT should know why. */
  private warnIfReachesNothing(notice: Notice, plan: PlanInput): void {
    if (this.warned.has(notice.id) || noticeReachesInventory(notice, plan.inventory)) return;
    this.warned.add(notice.id);
    this.deps.log.warn('notices: notice ignored', {
      id: notice.id,
      reason: "l'avis ne vise aucune application de l'inventaire (site, service ou application inconnus)",
    });
  }

  private flagged(key: string): boolean {
    if (this.done.has(key)) return true;
    if (!this.deps.store.announced.has(key)) return false;
    this.done.add(key);
    return true;
  }

  private safePlan(): PlanInput | null {
    try {
      return this.deps.plan();
    } catch (error) {
      this.deps.log.error('notices: plan unavailable', { error: String(error) });
      return null;
    }
  }
}

export interface NoticeWatcherDeps {
  clock: Clock;
  /** The notices folder (policy `noticesSource`, else `avis` beside the inventory); null = none to watch. */
  folder: () => string | null;
  log: Logger;
  /** In [0, 1): the jitter's share of each wait. */
  random?: () => number;
  everyMs?: number;
  fs?: NoticeFs;
}

/** Reads the folder when its time has come; keeps the last notices read. */
export class NoticeWatcher {
  private nextScanMs: number | null = null;
  private current: readonly Notice[] = [];
  private running: Promise<NoticeScan | null> | null = null;
  private readonly folder: NoticeFolder;

  constructor(private readonly deps: NoticeWatcherDeps) {
    this.folder = new NoticeFolder({ fs: deps.fs, log: deps.log });
  }

  notices(): readonly Notice[] {
    return this.current;
  }

  /** True when a scan is due now (the agent asks at each tick). */
  due(): boolean {
    return this.nextScanMs === null || this.deps.clock.now().toMillis() >= this.nextScanMs;
  }

  /** The scan under way, if any (a tick waits for it as it waits for the sync it started). */
  pending(): Promise<NoticeScan | null> | null {
    return this.running;
  }

  /** Scans now (one scan at a time); the next one is due a period plus jitter later. */
  scan(): Promise<NoticeScan | null> {
    this.running ??= this.scanOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async scanOnce(): Promise<NoticeScan | null> {
    const every = this.deps.everyMs ?? NOTICE_SCAN_EVERY_MS;
    const r = Math.min(Math.max(this.deps.random?.() ?? Math.random(), 0), 1);
    this.nextScanMs = this.deps.clock.now().toMillis() + Math.round(every * (1 + NOTICE_SCAN_JITTER * r));
    const dir = this.deps.folder();
    if (dir === null) {
      this.current = [];
      return null;
    }
    const scan = await this.folder.scan(dir);
    this.current = scan.notices;
    return scan;
  }
}
