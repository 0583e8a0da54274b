/**
 * `simulate --reports <folder> --workstation <name>` (issue 12, docs/verified-elsewhere.md): the reports another
 * workstation put on the share are recorded up front, each for the planned window it stands for; the store only
 * lets one count from its `submittedAt` on, so the simulated PC learns of it at the first tick at or after that
 * instant (at wake, when it slept through it) — what the agent's share reader would have found at that tick.
 */
import { DateTime } from 'luxon';
import type { Store } from '../store';
import { firstStanding, toRecord, type Claim } from '../verified/match';
import type { PlanCache, PlanInput } from './plan-cache';

export function recordElsewhere(
  store: Pick<Store, 'verified'>,
  cache: PlanCache,
  plan: PlanInput,
  elsewhere: { claims: readonly Claim[]; workstation: string },
): number {
  const byWindow = new Map<string, Claim[]>();
  for (const c of elsewhere.claims) {
    const key = `${c.startMs}|${c.endMs}`;
    byWindow.set(key, [...(byWindow.get(key) ?? []), c]);
  }
  let recorded = 0;
  for (const claims of byWindow.values()) {
    const first = claims[0] as Claim;
    // Stryker disable next-line ObjectLiteral: windowOf compares instants (toMillis); the zone changes nothing
    const start = DateTime.fromMillis(first.startMs, { zone: plan.options.zone });
    // Stryker disable next-line ObjectLiteral: as above
    const end = DateTime.fromMillis(first.endMs, { zone: plan.options.zone });
    const window = cache.windowOf(plan, start, end);
    if (!window) continue; // not a window of this workstation's services
    const w = { start: window.start, end: window.end, site: plan.profile.site, services: window.services };
    const standing = firstStanding(claims, w, { workstation: elsewhere.workstation, userAccount: null });
    if (!standing) continue;
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the store keeps the instant in UTC (toStoreTime)
    const record = toRecord(standing, w, DateTime.fromISO(standing.submittedAt, { setZone: true }));
    if (store.verified.record(record)) recorded++;
  }
  return recorded;
}
