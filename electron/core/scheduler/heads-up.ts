/**
 * Short-notice heads-up (issue 12): a window that becomes known later than a reminder's lead time — a new inventory
 * at 3 h 10 adds a window at 3 h 30 while the reminder is 60 min before — gets ONE toast as soon as it is known
 * ("Plage ajoutée : aujourd'hui 3 h 30 – 3 h 36, GestLab"). The rules (docs/architecture.md, "Short-notice
 * heads-up"):
 *
 * - "Known late" is read from the flags, not guessed: a reminder whose instant lies before this tick's range (so no
 *   tick ever had it due) and that is not flagged was never announced although it should have been — its window was
 *   not in the plan when it came due. A PC that slept through a reminder is not that case: the catch-up flags the
 *   reminders it drops.
 * - Only windows that have not started: one under way is the start's or the catch-up's business.
 * - Once per window, flagged as `heads-up|<window>` in the announced table like every other event, so a restart
 *   never repeats it.
 * - Not on the very first plan of a fresh install (no last tick stored): every window is "new" then, and a
 *   "Plage ajoutée" for a window the inventory has held for months would be false. Those windows are flagged
 *   silently (so a later inventory change does not bring them back) and keep their remaining reminders and start.
 * - Looked at only when the plan changes (inventory, profile, reminders) or after a start of the agent: nothing can
 *   become known in between, and the other ticks cost nothing.
 */
import type { DateTime } from 'luxon';
import { maxLeadMinutes } from '../../../shared/planning/timeline';
import type { Inventory } from '../../../shared/inventory/model';
import type { TimelineEvent } from '../../../shared/planning/types';
import type { Notification } from '../agent-types';
import type { AnnouncedRepository } from '../store';
import type { MessageContext } from './messages';
import { headsUpNotification } from './messages-heads-up';
import type { PlanCache, PlanInput } from './plan-cache';

export const HEADS_UP_KIND = 'heads-up';

export interface HeadsUpInput {
  plan: PlanInput;
  cache: PlanCache;
  announced: AnnouncedRepository;
  now: DateTime;
  /** Start of this tick's range (never after `now`): reminders after it are due now and announced the ordinary way. */
  fromMs: number;
  /** The first plan of a fresh install: flag, do not toast. */
  quiet: boolean;
}

/** Remembers which plan was last looked at (the inventory object and the profile/options text). */
export class HeadsUpWatch {
  private inventory: Inventory | null = null;
  private key: string | null = null;

  /** True when `plan` differs from the one last settled (always, the first time). */
  changed(plan: PlanInput): boolean {
    return plan.inventory !== this.inventory || planKey(plan) !== this.key;
  }

  /** The plan was looked at completely (no failure): it need not be looked at again. */
  settle(plan: PlanInput): void {
    this.inventory = plan.inventory;
    this.key = planKey(plan);
  }
}

function planKey(plan: PlanInput): string {
  return JSON.stringify({ profile: plan.profile, options: plan.options, language: plan.language });
}

/**
 * The heads-ups due now, each already flagged (a toast for each when not `quiet`). Throws when the store fails:
 * the scheduler logs it and looks again at the next tick.
 */
export function headsUps(input: HeadsUpInput): Notification[] {
  const { plan, cache, announced, now, fromMs, quiet } = input;
  const nowMs = now.toMillis();
  const reach = maxLeadMinutes(plan.options.reminders) * 60_000;
  // Events before this tick's range (fromMs ≤ now) of windows that have not started yet: their reminders, nothing
  // else (a window's other events come at or after its start). No reminders: an empty range, nothing missed.
  const missed = cache.eventsBetween(plan, nowMs - reach, fromMs).filter((e) => e.windowStart.toMillis() > nowMs);
  const byWindow = new Map<string, TimelineEvent[]>();
  for (const e of missed) {
    const key = headsUpKey(e);
    const list = byWindow.get(key);
    if (list) list.push(e);
    else byWindow.set(key, [e]);
  }
  const out: Notification[] = [];
  const ctx: MessageContext = { now, zone: plan.options.zone, lang: plan.language };
  for (const [key, reminders] of byWindow) {
    // One announced reminder means the window was known in time (a lead time lengthened later is no news).
    if (reminders.some((r) => announced.has(r.key))) continue;
    const e = reminders[0] as TimelineEvent;
    const fresh = announced.mark({ key, kind: HEADS_UP_KIND, at: e.windowStart, announcedAt: now });
    // A reminder names the whole window, all its applications (shared/planning/timeline.ts), as the toast does.
    const facts = { start: e.windowStart, end: e.windowEnd, applications: e.applications };
    if (fresh && !quiet) out.push(headsUpNotification(facts, ctx));
  }
  return out;
}

/** `heads-up|<start>|<end>`: the window's span as its other keys write it (shared/planning/timeline.ts). */
function headsUpKey(e: TimelineEvent): string {
  const span = e.key.split('|').slice(1, 3).join('|');
  return `${HEADS_UP_KIND}|${span}`;
}
