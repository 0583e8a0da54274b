/**
 * One verification per service and window (issue 12, docs/verified-elsewhere.md), the scheduler's side: which
 * windows still wait for a verification here (what the share reader looks for), the single `verified-elsewhere`
 * toast, and the silence afterwards — the window's remaining events are flagged without a toast, its checklist run
 * is still created (so "Vérifier quand même" has one) but neither announced nor opened.
 */
import { DateTime } from 'luxon';
import { sortedUnique } from '../../../shared/planning';
import type { TimelineEvent } from '../../../shared/planning/types';
import { verifiedByText } from '../../../shared/i18n/verified';
import type { Notification } from '../agent-types';
import type { VerifiedHead, VerifiedRecord } from '../store';
import type { WindowToVerify } from '../verified/match';
import type { MessageContext } from './messages';
import type { PlanCache, PlanInput } from './plan-cache';

/** The store the scheduler reads verifications from (VerifiedRepository). */
export interface VerifiedSource {
  standing(site: string, start: DateTime, end: DateTime, now: DateTime): VerifiedRecord | null;
  /** Changes when a verification is recorded or overridden (heads are re-read only then). */
  readonly version: number;
  heads(site: string): VerifiedHead[];
}

/** The flag that says the window's `verified-elsewhere` toast was shown (the announced table, like the others). */
export function verifiedKey(record: Pick<VerifiedHead, 'windowStart' | 'windowEnd'>): string {
  return `verified-elsewhere|${record.windowStart}|${record.windowEnd}`;
}

const DAY_MS = 24 * 3600_000;

/**
 * Windows of the plan whose verification is due now or soon: over, with a checklist event not announced yet
 * (due now after a sleep, or later at the next shift start), looking back as far as a catch-up reaches.
 */
export function dueFromPlan(
  plan: PlanInput,
  cache: PlanCache,
  announced: { has(key: string): boolean },
  now: DateTime,
  lookBackMs: number,
): WindowToVerify[] {
  const nowMs = now.toMillis();
  const out = new Map<string, WindowToVerify>();
  for (const e of cache.eventsBetween(plan, nowMs - lookBackMs, nowMs + DAY_MS)) {
    if (e.kind !== 'checklist' || e.windowEnd.toMillis() > nowMs || announced.has(e.key)) continue;
    // A window's split checklists (services with other hours) all name it once, with all its services.
    const w = cache.windowOf(plan, e.windowStart, e.windowEnd);
    out.set(`${e.windowStart.toMillis()}|${e.windowEnd.toMillis()}`, {
      start: e.windowStart,
      end: e.windowEnd,
      site: plan.profile.site,
      // Stryker disable next-line OptionalChaining: the window of an event of the same plan is always found
      services: w?.services ?? e.services,
    });
  }
  return [...out.values()];
}

export function verifiedNotification(
  record: VerifiedHead,
  applications: readonly string[],
  ctx: MessageContext,
): Notification {
  const at = DateTime.fromISO(record.submittedAt, { zone: ctx.zone });
  const now = ctx.now.setZone(ctx.zone);
  const line = verifiedByText({ workstation: record.workstation, initials: record.initials, at }, now, ctx.lang);
  const apps = sortedUnique(applications).join(', ');
  // One full stop, also after "4:30 a.m." (English, no applications).
  const sentence = (s: string) => (s.endsWith('.') ? s : `${s}.`);
  const [title, body] =
    ctx.lang === 'fr'
      ? ['Vérification déjà faite', `${sentence(`${line}${apps ? ` : ${apps}` : ''}`)} Rien à vérifier sur ce poste.`]
      : ['Verification already done', `${sentence(`${line}${apps ? `: ${apps}` : ''}`)} Nothing to verify on this PC.`];
  const iso = (s: string) => DateTime.fromISO(s, { zone: ctx.zone }).toISO({ suppressMilliseconds: true }) as string;
  return {
    kind: 'verified-elsewhere',
    title,
    body,
    opens: 'status',
    windowStart: iso(record.windowStart),
    windowEnd: iso(record.windowEnd),
    by: {
      workstation: record.workstation,
      initials: record.initials,
      at: at.toISO({ suppressMilliseconds: true }) as string,
    },
  };
}

/** Splits due events into those of windows verified elsewhere (to silence) and the others (to announce). */
export function splitVerified(
  events: TimelineEvent[],
  source: VerifiedSource,
  site: string,
  now: DateTime,
): { silenced: TimelineEvent[]; open: TimelineEvent[] } {
  const silenced: TimelineEvent[] = [];
  const open: TimelineEvent[] = [];
  // A handful of due events per tick: one look-up each.
  for (const e of events) (source.standing(site, e.windowStart, e.windowEnd, now) ? silenced : open).push(e);
  return { silenced, open };
}
