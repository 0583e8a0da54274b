/**
 * `bench import` (issue 5): generates a large inventory as CSV and XLSX, then has a separate plain-node process
 * measure it (import-measure.ts), so the peak RSS is that of an import as the packaged app runs it — not of
 * exceljs's writer or of tsx's loader thread.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry, runNode } from './bundle';
import { generateInventory, toCsvBytes, toXlsxBytes } from './generate';
import type { ImportFigures, ImportRun, RssPhases } from './import-measure';

export const TARGETS = { csvRatio: 2, xlsxRatio: 1.5, rssMb: 120 } as const;

const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));

/**
 * The files are generated here (exceljs's writer is memory-hungry), then measured by a separate plain-node process
 * running a bundle, so the peak RSS is that of an import as the packaged app would do it.
 */
export interface SingleImportRss {
  /** RSS before the import (node + Vigie's modules loaded), and the peak during ONE import, in a fresh process. */
  csv: { baseMb: number; peakMb: number };
  xlsx: { baseMb: number; peakMb: number };
}

export async function runImportBench(rows: number, runs: number): Promise<ImportRun & { single: SingleImportRss }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-import-'));
  try {
    const { rows: data } = generateInventory(rows);
    fs.writeFileSync(path.join(dir, 'inventaire.csv'), toCsvBytes(data));
    fs.writeFileSync(path.join(dir, 'inventaire.xlsx'), await toXlsxBytes(data));
    const child = await bundleEntry(CHILD);
    const run = JSON.parse(await runNode(child, [dir, String(rows), String(runs)])) as ImportRun;
    const single = async (name: string) =>
      JSON.parse(await runNode(child, ['--single', path.join(dir, name), String(rows)])) as SingleImportRss['csv'];
    return { ...run, single: { csv: await single('inventaire.csv'), xlsx: await single('inventaire.xlsx') } };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function importVerdict(
  f: ImportFigures,
  phases: RssPhases,
  profiles: number,
  single: SingleImportRss,
): string[] {
  const csvRatio = f.csvImportMs / f.csvRawParseMs;
  const xlsxRatio = f.xlsxImportMs / f.xlsxRawReadMs;
  const mark = (ok: boolean) => (ok ? 'atteint' : 'NON atteint');
  return [
    `Inventaire de ${f.rows} lignes`,
    `  CSV  : import Vigie ${f.csvImportMs} ms, csv-parse seul ${f.csvRawParseMs} ms → ×${csvRatio.toFixed(2)} (cible ≤ ×${TARGETS.csvRatio} : ${mark(csvRatio <= TARGETS.csvRatio)})`,
    `  XLSX : import Vigie ${f.xlsxImportMs} ms, exceljs seul ${f.xlsxRawReadMs} ms → ×${xlsxRatio.toFixed(2)} (cible ≤ ×${TARGETS.xlsxRatio} : ${mark(xlsxRatio <= TARGETS.xlsxRatio)})`,
    `  Calendrier d’un an pour chacun des ${profiles} profils (site, service) : ${f.timelineYearAllServicesMs} ms`,
    `  Mémoire (RSS max) : ${f.rssMb} Mo (cible ≤ ${TARGETS.rssMb} Mo : ${mark(f.rssMb <= TARGETS.rssMb)})`,
    `    RSS max au départ ${phases.startMb} Mo, après CSV ${phases.csvMb}, après exceljs seul ${phases.xlsxRawMb}, ` +
      `après import XLSX ${phases.xlsxImportMb}, après calendrier ${phases.timelineMb}`,
    `    Un seul import dans un processus neuf : CSV ${single.csv.baseMb} → ${single.csv.peakMb} Mo, ` +
      `XLSX ${single.xlsx.baseMb} → ${single.xlsx.peakMb} Mo`,
  ];
}
