/**
 * The importer parses each distinct schedule text once, so rows with the same text share one ParsedSchedule (and
 * the planner expands each shared Rule once per call). A JSON round trip (the SQLite store keeps the inventory as
 * JSON) gives every row its own copy: for 20,000 rows that multiplied the planner's work and memory (≈ 243 MB
 * instead of ≈ 128 MB for a year of timelines of every profile). This restores the sharing.
 */
import type { Inventory } from './model';
import type { ParsedSchedule } from '../schedule/types';

/** Makes rows with the same schedule text share one parsed schedule. For a freshly deserialised inventory only: it
 * replaces the rows' `schedule` objects in place and returns the same inventory. */
export function shareSchedules(inventory: Inventory): Inventory {
  const byText = new Map<string, ParsedSchedule>();
  for (const app of inventory.applications) {
    const shared = byText.get(app.scheduleText);
    if (shared) app.schedule = shared;
    else byText.set(app.scheduleText, app.schedule);
  }
  return inventory;
}
