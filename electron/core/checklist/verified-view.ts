/**
 * The status window's "Vérification faite par …" (docs/verified-elsewhere.md): this workstation's open runs whose
 * window another workstation or user verified, with that report's answers for the read-only summary.
 */
import type { DateTime } from 'luxon';
import type { VerifiedElsewhereView } from '../../../shared/ipc/views';
import type { Store } from '../store';
import { localIso } from './views';

export function verifiedElsewhereViews(
  store: Pick<Store, 'checklists' | 'verified'>,
  zone: string,
  now: DateTime,
): VerifiedElsewhereView[] {
  const out: VerifiedElsewhereView[] = [];
  for (const run of store.checklists.listRuns({ status: 'open' })) {
    const record = store.verified.standing(run.site, run.windowStart, run.windowEnd, now);
    if (!record) continue;
    out.push({
      runId: run.id,
      windowStart: localIso(run.windowStart, zone),
      windowEnd: localIso(run.windowEnd, zone),
      workstation: record.workstation,
      initials: record.initials,
      submittedAt: localIso(record.submittedAt, zone),
      items: record.items,
    });
  }
  // Oldest window first, like the history.
  return out.reverse();
}
