/**
 * What each measuring process of `bench import` does (see import-child.ts): one phase on the generated files —
 * the raw parser alone, or Vigie's real import path (importInventory) on the same bytes, or a year of timeline
 * for every (site, service) profile. Imports nothing it does not measure: exceljs is loaded on first use, as the
 * app loads it (electron/core/inventory/xlsx.ts), so a CSV phase never pays for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { importInventory } from '../electron/core/inventory/import';
import { loadWorkbookReader, XLSX_STREAM_OPTIONS } from '../electron/core/inventory/xlsx';
import type { Inventory } from '../shared/inventory/model';
import { timeline } from '../shared/planning';
import { DEFAULT_REMINDERS } from '../shared/planning/types';
import { DEFAULT_ZONE } from '../shared/schedule/zone';

export const PHASES = ['csvRaw', 'csvImport', 'xlsxRaw', 'xlsxImport', 'timeline'] as const;
export type Phase = (typeof PHASES)[number];

export const CSV_FILE = 'inventaire.csv';
export const XLSX_FILE = 'inventaire.xlsx';

/** csv-parse alone on the bytes, with the options Vigie passes it (the delimiter is known here). */
function rawCsv(bytes: Uint8Array): number {
  const rows = parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    delimiter: ';',
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
  });
  return rows.length;
}

/**
 * exceljs alone at its best: its streaming reader, with the options Vigie's reader uses (styles are read, or a date
 * cell would come out as a day count), touching every cell value. Vigie streams too, so this is the fair baseline;
 * the whole-workbook `xlsx.load` is ~the same speed but holds the whole model in memory.
 */
async function rawXlsx(bytes: Uint8Array): Promise<number> {
  const WorkbookReader = await loadWorkbookReader();
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new WorkbookReader(input, XLSX_STREAM_OPTIONS);
  let cells = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      row.eachCell((cell) => {
        if (cell.value !== null && cell.value !== undefined) cells++;
      });
    }
  }
  return cells;
}

export async function importedInventory(bytes: Uint8Array, name: string, rows: number): Promise<Inventory> {
  const result = await importInventory(bytes, name);
  if (!result.ok) throw new Error(`bench: import failed: ${result.problems[0]?.message}`);
  if (result.inventory.applications.length !== rows) {
    throw new Error(`bench: ${result.inventory.applications.length} rows imported, ${rows} expected`);
  }
  return result.inventory;
}

/** Every (site, service) pair of the inventory, as a one-service profile. */
export function profilesOf(inventory: Inventory): { site: string; services: string[] }[] {
  const pairs = new Map<string, { site: string; services: string[] }>();
  for (const a of inventory.applications) {
    pairs.set(`${a.site}\u0000${a.service}`, { site: a.site, services: [a.service] });
  }
  return [...pairs.values()];
}

/** A year of timeline (2027, Toronto, default reminders) for each profile; returns the number of events. */
export function timelineYear(inventory: Inventory, profiles: readonly { site: string; services: string[] }[]): number {
  const from = DateTime.fromISO('2027-01-01', { zone: DEFAULT_ZONE });
  const range = { from, to: from.plus({ years: 1 }) };
  const options = { zone: DEFAULT_ZONE, reminders: DEFAULT_REMINDERS };
  let events = 0;
  for (const profile of profiles) events += timeline(inventory, profile, range, options).length;
  return events;
}

export function readBytes(dir: string, name: string): Uint8Array {
  const bytes = fs.readFileSync(path.join(dir, name));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The operation of an import phase, on bytes already read (as the sync service hands them to the importer). */
export function importPhase(phase: Exclude<Phase, 'timeline'>, rows: number): (bytes: Uint8Array) => Promise<unknown> {
  switch (phase) {
    case 'csvRaw':
      return async (bytes) => rawCsv(bytes);
    case 'csvImport':
      return (bytes) => importedInventory(bytes, CSV_FILE, rows);
    case 'xlsxRaw':
      return rawXlsx;
    case 'xlsxImport':
      return (bytes) => importedInventory(bytes, XLSX_FILE, rows);
  }
}

export const fileOf = (phase: Phase): string => (phase.startsWith('xlsx') ? XLSX_FILE : CSV_FILE);
