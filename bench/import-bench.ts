/**
 * `bench import` (issue 5): generates a large inventory as CSV and XLSX, then, in plain-node processes running a
 * bundle built as the app's main process is (import-child.ts):
 *  - speed: for each format, ONE process times the raw parser and Vigie's import on the same bytes, taking turns;
 *  - memory: each phase (raw CSV parse, CSV import, raw XLSX read, XLSX import, import + timelines) once in its
 *    own fresh process. The app does one import at a time, so `rssMb` is the largest peak RSS of a process doing
 *    one of these things — not the sum of five in one heap, nor exceljs's writer's or tsx's loader thread's memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { V8_FLAGS } from '../electron/core/v8-tuning';
import { bundleEntry, runNode } from './bundle';
import { generateInventory, toCsvBytes, toXlsxBytes } from './generate';
import { CSV_FILE, PHASES, XLSX_FILE, type Phase } from './import-phases';

export const TARGETS = { csvRatio: 2, xlsxRatio: 1.5, rssMb: 120 } as const;

const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));

/** The figures the issue asks for (`--json` prints exactly these keys). */
export interface ImportFigures {
  rows: number;
  csvImportMs: number;
  csvRawParseMs: number;
  xlsxImportMs: number;
  xlsxRawReadMs: number;
  timelineYearAllServicesMs: number;
  rssMb: number;
}

/** One phase in a fresh process: RSS once node and the bundle are loaded, and the process's peak RSS. */
export interface PhaseFigures {
  /** Median of the warm runs, timed in the format's shared process (timeline: its one pass). */
  ms: number;
  /** The first, cold run of a fresh process (as the app's first sync); same as ms for the timeline. */
  coldMs: number;
  baseMb: number;
  peakMb: number;
}

export interface ImportBench {
  figures: ImportFigures;
  phases: Record<Phase, PhaseFigures>;
  profiles: number;
}

interface OnceOutput {
  ms: number;
  baseMb: number;
  peakMb: number;
  profiles?: number;
}

export async function runImportBench(rows: number, runs: number): Promise<ImportBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-import-'));
  try {
    const { rows: data } = generateInventory(rows);
    fs.writeFileSync(path.join(dir, CSV_FILE), toCsvBytes(data));
    fs.writeFileSync(path.join(dir, XLSX_FILE), await toXlsxBytes(data));
    const child = await bundleEntry(CHILD);
    const phases = {} as Record<Phase, PhaseFigures>;
    let profiles = 0;
    // One after the other: the machine's cores are shared, and parallel children would disturb each other's times.
    for (const phase of PHASES) {
      const once = JSON.parse(await runNode(child, [phase, 'once', dir, String(rows)])) as OnceOutput;
      if (phase === 'timeline') profiles = once.profiles ?? 0;
      phases[phase] = { ms: once.ms, coldMs: once.ms, baseMb: once.baseMb, peakMb: once.peakMb };
    }
    for (const format of ['csv', 'xlsx'] as const) {
      const output = await runNode(child, ['pair', format, dir, String(rows), String(runs)]);
      const { rawMs, importMs } = JSON.parse(output) as { rawMs: number; importMs: number };
      phases[`${format}Raw`].ms = rawMs;
      phases[`${format}Import`].ms = importMs;
    }
    const figures: ImportFigures = {
      rows,
      csvImportMs: phases.csvImport.ms,
      csvRawParseMs: phases.csvRaw.ms,
      xlsxImportMs: phases.xlsxImport.ms,
      xlsxRawReadMs: phases.xlsxRaw.ms,
      timelineYearAllServicesMs: phases.timeline.ms,
      rssMb: Math.max(...PHASES.map((p) => phases[p].peakMb)),
    };
    return { figures, phases, profiles };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const LABELS: Record<Phase, string> = {
  csvRaw: 'csv-parse seul',
  csvImport: 'import CSV Vigie',
  xlsxRaw: 'exceljs seul (lecture en flux)',
  xlsxImport: 'import XLSX Vigie',
  timeline: 'import CSV + calendriers',
};

export function importVerdict({ figures: f, phases, profiles }: ImportBench): string[] {
  const csvRatio = f.csvImportMs / f.csvRawParseMs;
  const xlsxRatio = f.xlsxImportMs / f.xlsxRawReadMs;
  const mark = (ok: boolean) => (ok ? 'atteint' : 'NON atteint');
  return [
    `Inventaire de ${f.rows} lignes (processus node avec les réglages V8 de l’app : ${V8_FLAGS.join(' ')})`,
    `  CSV  : import Vigie ${f.csvImportMs} ms, csv-parse seul ${f.csvRawParseMs} ms → ×${csvRatio.toFixed(2)} (cible ≤ ×${TARGETS.csvRatio} : ${mark(csvRatio <= TARGETS.csvRatio)})`,
    `  XLSX : import Vigie ${f.xlsxImportMs} ms, exceljs seul ${f.xlsxRawReadMs} ms → ×${xlsxRatio.toFixed(2)} (cible ≤ ×${TARGETS.xlsxRatio} : ${mark(xlsxRatio <= TARGETS.xlsxRatio)})`,
    `  Calendrier d’un an pour chacun des ${profiles} profils (site, service) : ${f.timelineYearAllServicesMs} ms`,
    `  Mémoire (RSS max d’un processus qui fait une seule de ces choses) : ${f.rssMb} Mo (cible ≤ ${TARGETS.rssMb} Mo : ${mark(f.rssMb <= TARGETS.rssMb)})`,
    '  Par phase, chacune dans un processus neuf (RSS au départ → RSS max ; durée à froid, puis médiane à chaud) :',
    ...PHASES.map((p) => {
      const { baseMb, peakMb, coldMs, ms } = phases[p];
      const times = p === 'timeline' ? `${ms} ms` : `${coldMs} ms à froid, ${ms} ms à chaud`;
      return `    ${LABELS[p].padEnd(31)} ${String(baseMb).padStart(5)} → ${String(peakMb).padStart(5)} Mo ; ${times}`;
    }),
  ];
}
