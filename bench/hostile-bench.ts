/**
 * `bench hostile` (issue 9): writes hostile inventory files (hostile-files.ts) into a temporary folder and, for
 * each, imports it in a FRESH plain-node process (hostile-child.ts, bundled as the app's main process is) killed
 * after 60 s (and capped at 1 GB of heap), and reports its wall time, its peak RSS and the outcome: imported, or refused with the message.
 * The target (issue 9): each answered in ≤ 10 s and ≤ 300 MB of peak RSS.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from './bundle';
import {
  bigInlineWorkbook,
  blankLinesCsv,
  bombWorkbook,
  deepJson,
  hugeCellCsv,
  inlineRow,
  inventoryWorkbook,
  manyWarningsCsv,
  sharedStringWorkbook,
} from './hostile-files';

export const HOSTILE_TARGETS = { ms: 10_000, rssMb: 300 } as const;
const CHILD = fileURLToPath(new URL('./hostile-child.ts', import.meta.url));
const KILL_AFTER_MS = 60_000;
/** A shared machine: a child that would grow past 1 GB of heap dies (reported as crashed) instead. */
const HEAP_CAP = '--max-old-space-size=1024';
const MIB = 1024 * 1024;

interface HostileCase {
  name: string;
  file: string;
  kind?: 'side';
  make: () => Promise<Uint8Array> | Uint8Array;
}

export const HOSTILE_CASES: readonly HostileCase[] = [
  { name: 'row-2000000000', file: 'ligne-2e9.xlsx', make: () => inventoryWorkbook(inlineRow(2_000_000_000, ['x'])) },
  { name: 'row-50000000', file: 'ligne-5e7.xlsx', make: () => inventoryWorkbook(inlineRow(50_000_000, ['x'])) },
  { name: 'row-1048576', file: 'ligne-1048576.xlsx', make: () => inventoryWorkbook(inlineRow(1_048_576, ['x'])) },
  { name: 'cell-XFD', file: 'cellule-xfd.xlsx', make: () => inventoryWorkbook(inlineRow(3, ['x'], 16_384)) },
  {
    name: 'cell-XFD-every-row',
    file: 'xfd-partout.xlsx',
    make: () => inventoryWorkbook(Array.from({ length: 20_000 }, (_, i) => inlineRow(i + 3, ['x'], 16_384)).join('')),
  },
  { name: 'shared-string-400MiB', file: 'chaine-400mo.xlsx', make: () => sharedStringWorkbook(400 * MIB) },
  { name: 'shared-string-40000', file: 'chaine-40000.xlsx', make: () => sharedStringWorkbook(40_000) },
  { name: 'zip-bomb-1GiB', file: 'bombe.xlsx', make: () => bombWorkbook(1024 * MIB) },
  { name: 'zip-bomb-1GiB-lying', file: 'bombe-menteuse.xlsx', make: () => bombWorkbook(1024 * MIB, true) },
  { name: 'big-valid-inline-27MB', file: 'gros-classeur.xlsx', make: () => bigInlineWorkbook(700_000) },
  { name: 'deep-json', file: 'profond.json', make: () => deepJson(5_000_000) },
  { name: 'csv-cell-40MB', file: 'cellule-40mo.csv', make: () => hugeCellCsv(40 * MIB) },
  { name: 'csv-blank-lines-40MB', file: 'lignes-vides.csv', make: () => blankLinesCsv(20 * MIB) },
  { name: 'csv-40000-warnings', file: 'avertissements.csv', make: () => manyWarningsCsv(40_000) },
  { name: 'side-csv-cell-40MB', file: 'contacts.csv', kind: 'side', make: () => hugeCellCsv(40 * MIB) },
];

export interface HostileFigure {
  name: string;
  fileBytes: number;
  ms: number;
  peakMb: number | null;
  outcome: 'imported' | 'refused' | 'crashed' | 'killed';
  problems?: number;
  message: string;
}

function runChild(
  bundle: string,
  file: string,
  kind: string,
): Promise<{ ms: number; code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [HEAP_CAP, bundle, file, kind], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err = (err + c).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ms: Math.round(performance.now() - t0), code, out, err });
    });
  });
}

export async function runHostileBench(only?: string): Promise<HostileFigure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-hostile-'));
  try {
    const bundle = await bundleEntry(CHILD);
    const figures: HostileFigure[] = [];
    for (const c of HOSTILE_CASES) {
      if (only && !c.name.includes(only)) continue;
      const file = path.join(dir, c.file);
      const bytes = await c.make();
      fs.writeFileSync(file, bytes);
      const run = await runChild(bundle, file, c.kind ?? 'inventory');
      fs.rmSync(file);
      const base = { name: c.name, fileBytes: bytes.length, ms: run.ms };
      if (run.code === 0) {
        const r = JSON.parse(run.out) as { peakMb: number; ok: boolean; problems: number; message: string };
        figures.push({
          ...base,
          peakMb: r.peakMb,
          outcome: r.ok ? 'imported' : 'refused',
          problems: r.problems,
          message: r.message,
        });
      } else {
        const killed = run.code === null;
        const last = run.err.trim().split('\n').filter(Boolean).slice(-1)[0] ?? '';
        figures.push({ ...base, peakMb: null, outcome: killed ? 'killed' : 'crashed', message: last.slice(0, 200) });
      }
    }
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function hostileVerdict(figures: readonly HostileFigure[]): string[] {
  const lines = [
    `Fichiers hostiles (cible : réponse en ≤ ${HOSTILE_TARGETS.ms / 1000} s et ≤ ${HOSTILE_TARGETS.rssMb} Mo)`,
  ];
  for (const f of figures) {
    const held =
      f.outcome !== 'crashed' &&
      f.outcome !== 'killed' &&
      f.ms <= HOSTILE_TARGETS.ms &&
      (f.peakMb ?? Infinity) <= HOSTILE_TARGETS.rssMb;
    lines.push(
      `  ${f.name.padEnd(24)} ${String(f.fileBytes).padStart(10)} o  ${String(f.ms).padStart(6)} ms  ${String(f.peakMb ?? '?').padStart(6)} Mo  ${f.outcome}${held ? '' : ' (cible NON atteinte)'} : ${f.message}`,
    );
  }
  return lines;
}

export const hostileHeld = (figures: readonly HostileFigure[]) =>
  figures.every(
    (f) =>
      (f.outcome === 'imported' || f.outcome === 'refused') &&
      f.ms <= HOSTILE_TARGETS.ms &&
      (f.peakMb ?? Infinity) <= HOSTILE_TARGETS.rssMb,
  );
