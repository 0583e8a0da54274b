/**
 * What `check-inventory` finds beyond the import's own problems (issue 9, DST gap): rules that a spring-forward
 * gap empties in the coming months (docs/inventory-format.md).
 */
import { DateTime } from 'luxon';
import type { Inventory } from '../../../shared/inventory/model';
import { formatDate, formatTime } from '../../../shared/i18n/format';
import { DEFAULT_ZONE, emptyWindows } from '../../../shared/schedule';
import type { Clock } from '../../core/clock';

/** How far ahead spring-forward nights are checked: every March of the coming year (docs/inventory-format.md). */
const EMPTY_WINDOW_MONTHS = 13;

export interface EmptyWindowReport {
  schedule: string;
  applications: string[];
  /** ISO instants of the emptied windows (start = end). */
  at: string[];
}

/** Rules that a spring-forward gap empties in the coming months, one entry per distinct schedule text. */
export function emptyWindowsOf(inventory: Inventory, clock: Clock): EmptyWindowReport[] {
  const now = clock.now().setZone(DEFAULT_ZONE);
  const range = { from: now, to: now.plus({ months: EMPTY_WINDOW_MONTHS }) };
  const byText = new Map<string, EmptyWindowReport | null>();
  for (const app of inventory.applications) {
    if (app.schedule.status !== 'scheduled') continue;
    let entry = byText.get(app.scheduleText);
    if (entry === undefined) {
      const found = emptyWindows(app.schedule.rule, range, DEFAULT_ZONE);
      entry =
        found.length === 0
          ? null
          : {
              schedule: app.scheduleText,
              applications: [],
              at: found.map((o) => o.start.toISO({ suppressMilliseconds: true }) ?? ''),
            };
      byText.set(app.scheduleText, entry);
    }
    if (entry && !entry.applications.includes(app.application)) entry.applications.push(app.application);
  }
  return [...byText.values()].filter((e): e is EmptyWindowReport => e !== null);
}

export function emptyWindowLine(e: EmptyWindowReport): string {
  const when = e.at
    .map((iso) => DateTime.fromISO(iso, { zone: DEFAULT_ZONE }))
    .map((dt) => `${formatDate(dt)} à ${formatTime(dt)}`)
    .join(', ');
  return (
    `  attention : la plage « ${e.schedule} » (${e.applications.join(', ')}) est vide à cause du changement ` +
    `d'heure : ${when} (début, fin et vérification au même moment).`
  );
}
