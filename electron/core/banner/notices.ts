/**
 * Unplanned-outage notices as banners (issues 12 and 13; docs/architecture.md, "The banner"): each notice in force
 * for this workstation (NoticeAnnouncer.activeAt: its site, services and applications already matched against the
 * plan) is a candidate with reason 'notice', IT's message and the continuity plan of its services. A notice with no
 * end yet is bounded at OPEN_NOTICE_DAYS after its start for the banner's key; the view says "until further notice".
 */
import { DateTime } from 'luxon';
import type { ActiveNotice } from '../notices/service';
import type { PlanInput } from '../scheduler/plan-cache';
import type { BannerCandidate, BannerSource } from './types';
import { continuityPlan } from './windows';

/** How long an open-ended notice's banner may last at most (IT ends a notice with `notice end`). */
export const OPEN_NOTICE_DAYS = 30;

export function noticeBanners(active: (now: DateTime) => ActiveNotice[], plan: () => PlanInput | null): BannerSource {
  return (now) => {
    const p = plan();
    if (!p) return [];
    return active(now).flatMap((n): BannerCandidate[] => {
      const start = DateTime.fromISO(n.from, { zone: now.zone });
      const until = n.until === null ? null : DateTime.fromISO(n.until, { zone: now.zone });
      if (!start.isValid || (until !== null && !until.isValid)) return [];
      return [
        {
          reason: 'notice',
          noticeId: n.id,
          site: p.profile.site,
          start,
          end: until ?? start.plus({ days: OPEN_NOTICE_DAYS }),
          services: [...n.services],
          applications: [...n.applications],
          continuityPlanUrl: continuityPlan(p.inventory, p.profile.site, n.services),
          message: n.message,
          ...(until === null ? { openEnded: true } : {}),
        },
      ];
    });
  };
}
