/** French wording of the inventory state for the tray tooltip and the status window. */
import { DateTime } from 'luxon';
import type { InventoryStateView } from '../../../shared/ipc/views';

/** "10 h 05" — the Québec way of writing a time. */
export function frenchTime(at: DateTime): string {
  return `${at.hour} h ${String(at.minute).padStart(2, '0')}`;
}

/**
 * "Inventaire hors ligne depuis 10 h 05" / "Inventaire non valide depuis le 3 mars à 10 h 05"; null when all is
 * well. `now` decides whether the day must be named.
 */
export function describeInventoryState(view: InventoryStateView, now: DateTime): string | null {
  if (view.state === 'ok') return null;
  const what = view.state === 'offline' ? 'Inventaire hors ligne' : 'Inventaire non valide';
  if (!view.since) return what;
  const since = DateTime.fromISO(view.since, { setZone: true }).setZone(now.zone);
  const day = since.hasSame(now, 'day') ? '' : `le ${since.setLocale('fr-CA').toFormat('d LLLL')} à `;
  return `${what} depuis ${day}${frenchTime(since)}`;
}
