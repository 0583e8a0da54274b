/** Store rows → the plain JSON views the renderer gets (shared/ipc/views.ts). Instants in the local zone. */
import { DateTime } from 'luxon';
import type { ChecklistItemView, ChecklistView, RunSummaryView } from '../../../shared/ipc/views';
import type { WardNote } from '../../../shared/inventory/ward-note';
import type { ChecklistRun, ChecklistRunWithItems } from '../store';

/** A store instant (UTC) → ISO with the local offset ("2026-12-02T04:00:00-05:00"). */
export function localIso(storeTime: string, zone: string): string {
  return DateTime.fromISO(storeTime, { zone: 'utc' }).setZone(zone).toISO({ suppressMilliseconds: true }) as string;
}

function localOrNull(storeTime: string | null, zone: string): string | null {
  return storeTime === null ? null : localIso(storeTime, zone);
}

function header(run: ChecklistRun, zone: string) {
  return {
    runId: run.id,
    windowStart: localIso(run.windowStart, zone),
    windowEnd: localIso(run.windowEnd, zone),
    services: [...run.services],
    status: run.status,
    submittedAt: localOrNull(run.submittedAt, zone),
    submittedBy: run.submittedBy,
  };
}

export function runSummary(run: ChecklistRunWithItems, zone: string): RunSummaryView {
  const counts = { ok: 0, problem: 0, na: 0, unanswered: 0 };
  for (const item of run.items) {
    if (item.result === null) counts.unanswered++;
    else counts[item.result]++;
  }
  return { ...header(run, zone), counts };
}

/** One card per application, in the order the run was created (the scheduler's order: service, application). */
export function toChecklistView(
  run: ChecklistRunWithItems,
  zone: string,
  note: (service: string, application: string) => WardNote,
): ChecklistView {
  const cards = new Map<string, ChecklistItemView>();
  for (const item of run.items) {
    let card = cards.get(item.application);
    if (!card) {
      card = {
        application: item.application,
        service: item.service,
        ...note(item.service, item.application),
        checks: [],
      };
      cards.set(item.application, card);
    }
    card.checks.push({
      id: item.checkId,
      result: item.result,
      comment: item.comment,
      restart: item.result === 'problem' ? item.restart : null,
    });
  }
  return { ...header(run, zone), site: run.site, items: [...cards.values()] };
}
