/**
 * The measuring side of `bench import`, run by plain node from a bundle (bundle.ts): Vigie's real import path
 * (importInventory) against the raw parsers on the same bytes, in the same process, then a year of timeline for
 * every (site, service) profile of the inventory. Imports nothing it does not measure (no esbuild, no generator).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { importInventory } from '../electron/core/inventory/import';
import { timeline } from '../shared/planning';
import { DEFAULT_REMINDERS } from '../shared/planning/types';
import type { Inventory } from '../shared/inventory/model';
import { RssPeak, timeMedian } from './stats';

export interface ImportFigures {
  rows: number;
  csvImportMs: number;
  csvRawParseMs: number;
  xlsxImportMs: number;
  xlsxRawReadMs: number;
  timelineYearAllServicesMs: number;
  rssMb: number;
}

/** Peak RSS after each phase (monotonic: V8 keeps what it grew), to tell which phase sets the peak. */
export interface RssPhases {
  startMb: number;
  csvMb: number;
  xlsxRawMb: number;
  xlsxImportMb: number;
  timelineMb: number;
}

export interface ImportRun {
  figures: ImportFigures;
  phases: RssPhases;
  profiles: number;
}

/** The cheapest way exceljs offers to read every value: load, then each sheet's value grid. */
/** The cheapest way exceljs offers to read every value: load, then each sheet's value grid. */
async function rawXlsx(bytes: Uint8Array): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  let cells = 0;
  for (const sheet of workbook.worksheets) {
    for (const row of sheet.getSheetValues()) {
      if (Array.isArray(row)) for (const v of row) if (v !== undefined && v !== null) cells++;
    }
  }
  return cells;
}

async function imported(bytes: Uint8Array, name: string, rows: number): Promise<Inventory> {
  const result = await importInventory(bytes, name);
  if (!result.ok) throw new Error(`bench: import failed: ${result.problems[0]?.message}`);
  if (result.inventory.applications.length !== rows) {
    throw new Error(`bench: ${result.inventory.applications.length} rows imported, ${rows} expected`);
  }
  return result.inventory;
}

/** Every (site, service) pair of the inventory, as a one-service profile. */
function profilesOf(inventory: Inventory): { site: string; services: string[] }[] {
  const pairs = new Map<string, { site: string; services: string[] }>();
  for (const a of inventory.applications)
    pairs.set(`${a.site}\u0000${a.service}`, { site: a.site, services: [a.service] });
  return [...pairs.values()];
}

/** In the measuring process: both files of `dir`, same process, same bytes. */
export async function measureImport(dir: string, rows: number, runs: number): Promise<ImportRun> {
  const csv = new Uint8Array(fs.readFileSync(path.join(dir, 'inventaire.csv')));
  const xlsx = new Uint8Array(fs.readFileSync(path.join(dir, 'inventaire.xlsx')));
  const rss = new RssPeak();
  const sample = () => rss.sample();
  const startMb = rss.mb();

  const csvRawParseMs = await timeMedian(
    runs,
    () => parse(Buffer.from(csv), { delimiter: ';', bom: true, relax_column_count: true }),
    sample,
  );
  const csvImportMs = await timeMedian(runs, () => imported(csv, 'inventaire.csv', rows), sample);
  const csvMb = rss.mb();
  const xlsxRawReadMs = await timeMedian(runs, () => rawXlsx(xlsx), sample);
  const xlsxRawMb = rss.mb();
  const xlsxImportMs = await timeMedian(runs, () => imported(xlsx, 'inventaire.xlsx', rows), sample);
  const xlsxImportMb = rss.mb();

  const inventory = await imported(csv, 'inventaire.csv', rows);
  const profiles = profilesOf(inventory);
  const from = DateTime.fromISO('2027-01-01', { zone: 'America/Toronto' });
  const range = { from, to: from.plus({ years: 1 }) };
  const options = { zone: 'America/Toronto', reminders: DEFAULT_REMINDERS };
  // One timed pass, no warm-up: the pass itself is long (one timeline per profile) and the cores are shared.
  const timelineYearAllServicesMs = await timeMedian(
    1,
    () => {
      for (const profile of profiles) timeline(inventory, profile, range, options);
    },
    sample,
    false,
  );
  const timelineMb = rss.mb();
  const figures: ImportFigures = {
    rows,
    csvImportMs,
    csvRawParseMs,
    xlsxImportMs,
    xlsxRawReadMs,
    timelineYearAllServicesMs,
    rssMb: rss.stop(),
  };
  return { figures, phases: { startMb, csvMb, xlsxRawMb, xlsxImportMb, timelineMb }, profiles: profiles.length };
}
