/**
 * The importer parses each distinct schedule text once, so rows with the same text share one ParsedSchedule (and
 * the planner expands each shared Rule once per call), and keeps one copy of each repeated text. A JSON round trip
 * (the SQLite store keeps the inventory as JSON) gives every row its own copies: for 20,000 rows that multiplied
 * the planner's work and memory (≈ 243 MB instead of ≈ 128 MB for a year of timelines of every profile). This
 * restores the sharing.
 */
import type { Application, Inventory } from './model';
import type { ParsedSchedule } from '../schedule/types';

/** The texts a large inventory repeats on most rows. */
const REPEATED = [
  'direction',
  'site',
  'service',
  'scheduleText',
  'comment',
] as const satisfies readonly (keyof Application)[];

/**
 * Makes rows with the same schedule text share one parsed schedule, and rows with the same site, service,
 * direction, rule or comment share one string. For a freshly deserialised inventory only: it replaces the rows'
 * fields in place and returns the same inventory.
 */
export function shareSchedules(inventory: Inventory): Inventory {
  const byText = new Map<string, ParsedSchedule>();
  const texts = new Map<string, string>();
  for (const app of inventory.applications) {
    for (const key of REPEATED) {
      const known = texts.get(app[key]);
      if (known === undefined) texts.set(app[key], app[key]);
      else app[key] = known;
    }
    const shared = byText.get(app.scheduleText);
    if (shared) app.schedule = shared;
    else byText.set(app.scheduleText, app.schedule);
  }
  return inventory;
}
