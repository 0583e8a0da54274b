/** Counts shown after an import (CLI, settings screen) and checked by tests. */
import type { ScheduleStatus } from '../schedule/types';
import type { Inventory } from './model';

export interface InventoryStats {
  applications: number;
  byStatus: Record<ScheduleStatus, number>;
  services: number;
  contacts: number;
  hosts: number;
}

export function inventoryStats(inventory: Inventory): InventoryStats {
  const byStatus: Record<ScheduleStatus, number> = {
    scheduled: 0,
    'not-affected': 0,
    'to-be-determined': 0,
    unrecognized: 0,
  };
  for (const app of inventory.applications) byStatus[app.schedule.status] += 1;
  return {
    applications: inventory.applications.length,
    byStatus,
    services: inventory.services.length,
    contacts: inventory.contacts.length,
    hosts: inventory.hosts.length,
  };
}
