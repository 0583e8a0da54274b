/**
 * The planner's answer, kept between ticks. A tick every 30 s must not expand every rule again: a month of
 * simulated ticks is 86,400 ticks (issue 3, `simulate`). The timeline is computed for a stretch of time ahead
 * (HORIZON) and recomputed only when the inventory, the profile or the options change, or when a query leaves
 * the stretch already computed. Event keys are stable across ranges (shared/planning/timeline.ts), so a
 * recomputation never changes what counts as "already announced".
 */
import { DateTime } from 'luxon';
import type { Inventory } from '../../../shared/inventory/model';
import type { Lang } from '../../../shared/i18n/format';
import { timeline, windowsFor } from '../../../shared/planning';
import type { PlannedWindow } from '../../../shared/planning';
import type { PlanOptions, Profile, TimelineEvent } from '../../../shared/planning/types';

/** What the scheduler plans from; null (no profile yet) means nothing to announce. */
export interface PlanInput {
  inventory: Inventory;
  profile: Profile;
  options: PlanOptions;
  language: Lang;
}

const DAY_MS = 24 * 3600_000;
/** How far ahead one computation reaches: a week is a handful of recomputations per simulated month. */
const HORIZON_MS = 7 * DAY_MS;
/** How far the tray looks for "the next window" (the status window shows 3 months too). */
export const NEXT_WINDOW_LOOKAHEAD_DAYS = 92;

interface Computed {
  inventory: Inventory;
  key: string;
  from: number;
  to: number;
  /** Events with `at` in [from, to), in timeline order. */
  events: TimelineEvent[];
  /** Windows overlapping [from, to). */
  windows: PlannedWindow[];
}

interface NextMemo {
  inventory: Inventory;
  key: string;
  computedAt: number;
  /** The answer holds until this instant (the next window's start), or a day for "none". */
  validUntil: number;
  window: PlannedWindow | null;
}

export class PlanCache {
  private computed: Computed | null = null;
  private next: NextMemo | null = null;
  private lastPlan: PlanInput | null = null;
  // Stryker disable next-line StringLiteral: never read before keyOf sets it (lastPlan starts null)
  private lastKey = '';
  /** How many times the timeline was expanded (tests and the simulate benchmark look at it). */
  recomputations = 0;
  /** How many times nextAfter looked the next window up instead of answering from its memo (tests look at it). */
  nextLookups = 0;

  constructor(private readonly horizonMs: number = HORIZON_MS) {}

  /** Events with `at` in (from, to], in timeline order (reminder < start < end < checklist at one instant). */
  eventsBetween(plan: PlanInput, fromMs: number, toMs: number): TimelineEvent[] {
    if (!(fromMs < toMs)) return [];
    // Stryker disable next-line ArithmeticOperator: computing from 2 ms earlier changes neither reuse nor answer
    const c = this.ensure(plan, fromMs + 1, toMs + 1);
    const out: TimelineEvent[] = [];
    for (const e of c.events) {
      const at = e.at.toMillis();
      if (at > toMs) break;
      if (at > fromMs) out.push(e);
    }
    return out;
  }

  /** The window in progress at `now` (same choice as shared/planning currentWindow), or null. */
  currentAt(plan: PlanInput, now: DateTime): PlannedWindow | null {
    const t = now.toMillis();
    const c = this.ensure(plan, t, t + 1);
    for (const w of c.windows) if (w.start.toMillis() <= t && t < w.end.toMillis()) return w;
    return null;
  }

  /** Every window in progress at `now` (windows of different instants may overlap), in start order. */
  windowsAt(plan: PlanInput, now: DateTime): PlannedWindow[] {
    const t = now.toMillis();
    return this.ensure(plan, t, t + 1).windows.filter((w) => w.start.toMillis() <= t && t < w.end.toMillis());
  }

  /** The grouped window with exactly this start and end, or null. */
  windowOf(plan: PlanInput, start: DateTime, end: DateTime): PlannedWindow | null {
    const s = start.toMillis();
    const e = end.toMillis();
    // Any instant of the window will do: the cached windows are those overlapping the cached stretch.
    const c = this.ensure(plan, e - 1, e);
    return c.windows.find((w) => w.start.toMillis() === s && w.end.toMillis() === e) ?? null;
  }

  /** The first window starting after `now`, up to NEXT_WINDOW_LOOKAHEAD_DAYS ahead, or null. */
  nextAfter(plan: PlanInput, now: DateTime): PlannedWindow | null {
    const t = now.toMillis();
    const key = this.keyOf(plan);
    const m = this.next;
    if (m && m.inventory === plan.inventory && m.key === key && m.computedAt <= t && t < m.validUntil) {
      return m.window;
    }
    // Looked up afresh at most once per window (the memo above holds until its start): no need to reuse the stretch.
    this.nextLookups++;
    const window =
      windowsFor(
        plan.inventory,
        plan.profile,
        { from: now, to: now.plus({ days: NEXT_WINDOW_LOOKAHEAD_DAYS }) },
        plan.options.zone,
      ).find((w) => w.start.toMillis() > t) ?? null;
    this.next = {
      inventory: plan.inventory,
      key,
      computedAt: t,
      validUntil: window ? window.start.toMillis() : t + DAY_MS,
      window,
    };
    return window;
  }

  private keyOf(plan: PlanInput): string {
    // The agent hands the same object back while nothing changed: skip the serialisation then.
    // Stryker disable next-line ConditionalExpression: serialising the same plan again gives the same key (a memo)
    if (plan !== this.lastPlan) {
      this.lastPlan = plan;
      this.lastKey = JSON.stringify({ profile: plan.profile, options: plan.options });
    }
    return this.lastKey;
  }

  /** The computation covering [fromMs, toMs), reused when it still applies. */
  private ensure(plan: PlanInput, fromMs: number, toMs: number): Computed {
    const key = this.keyOf(plan);
    const c = this.computed;
    if (c && c.inventory === plan.inventory && c.key === key && c.from <= fromMs && toMs <= c.to) return c;
    const from = fromMs;
    // Every caller asks for a non-empty [fromMs, toMs).
    const to = toMs + this.horizonMs;
    const zone = plan.options.zone;
    // Stryker disable next-line ObjectLiteral: the same instants in any zone; the planner works in options.zone
    const range = { from: DateTime.fromMillis(from, { zone }), to: DateTime.fromMillis(to, { zone }) };
    this.recomputations++;
    this.computed = {
      inventory: plan.inventory,
      key,
      from,
      to,
      events: timeline(plan.inventory, plan.profile, range, plan.options),
      windows: windowsFor(plan.inventory, plan.profile, range, plan.options.zone),
    };
    return this.computed;
  }
}
