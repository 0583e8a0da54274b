/**
 * Planned windows as banners: the windows in progress of the same plan the scheduler works from (one PlanCache, so
 * a tick costs no extra planning), whatever the tick that first sees them — the window's start or a catch-up tick
 * after sleep. A window that ended while nobody was there is never in progress again, so it never gets a banner.
 */
import { serviceInfoFor, sortedUnique } from '../../../shared/planning';
import type { Inventory } from '../../../shared/inventory/model';
import type { PlanCache, PlanInput } from '../scheduler/plan-cache';
import type { BannerSource } from './types';

/** The first continuity plan the Services table gives for these services, in the window's order. */
export function continuityPlan(inventory: Inventory, site: string, services: readonly string[]): string | null {
  for (const service of services) {
    const url = serviceInfoFor(inventory, site, service)?.continuityPlanUrl;
    if (url) return url;
  }
  return null;
}

export function windowBanners(plan: () => PlanInput | null, cache: PlanCache): BannerSource {
  return (now) => {
    const p = plan();
    if (!p) return [];
    return cache.windowsAt(p, now).map((w) => ({
      reason: 'window' as const,
      noticeId: null,
      site: p.profile.site,
      start: w.start,
      end: w.end,
      services: [...w.services],
      applications: sortedUnique(w.applications.map((a) => a.application)),
      continuityPlanUrl: continuityPlan(p.inventory, p.profile.site, w.services),
      message: null,
    }));
  };
}
