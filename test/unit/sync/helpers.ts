/** Shared set-up for the sync tests: a real store and real files in a temp folder, instant waits. */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach } from 'vitest';
import { ManualClock } from '../../../electron/core/clock';
import { openStore, type Store } from '../../../electron/core/store';
import { SyncService, type SyncFs, type SyncServiceDeps } from '../../../electron/core/sync';

export const EMBEDDED = path.resolve('assets/inventaire-par-defaut.csv');
const LINES = fs.readFileSync(EMBEDDED, 'utf8').split(/\r?\n/);
/** Title, "Mise à jour", blank line, header: the data rows start at index 4. */
const HEAD = LINES.slice(0, 4);
const ROWS = LINES.slice(4).filter((l) => l.trim() !== '');

/** A CSV inventory with the first `n` applications of the embedded one (18 in all). */
export function csvWithRows(n: number): string {
  if (n > ROWS.length) throw new Error(`only ${ROWS.length} rows available`);
  return [...HEAD, ...ROWS.slice(0, n)].join('\r\n') + '\r\n';
}

export const ALL_ROWS = ROWS.length;

/**
 * The same inventory as an Excel workbook (what IT really publishes), with optional extra sheets (name → rows),
 * e.g. a "Services" side table.
 */
export async function xlsxWithRows(n: number, extraSheets: Record<string, string[][]> = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Liste des applications');
  for (const line of [...HEAD, ...ROWS.slice(0, n)]) sheet.addRow(parseCsvLine(line));
  for (const [name, rows] of Object.entries(extraSheets)) workbook.addWorksheet(name).addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function parseCsvLine(line: string): string[] {
  return parse(line, { relax_column_count: true })[0] ?? [];
}

const dirs: string[] = [];
const stores: Store[] = [];

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-sync-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

let mtimeSeconds = 1_760_000_000;

/** Writes a file with a distinct, explicit mtime so "changed" never depends on the file system's resolution. */
export function writeFile(file: string, content: string | Uint8Array): void {
  fs.writeFileSync(file, content);
  mtimeSeconds += 60;
  fs.utimesSync(file, mtimeSeconds, mtimeSeconds);
}

/** node:fs/promises with counters, and hooks to fail or interfere the way shares and Excel do. */
export interface FakeFs extends SyncFs {
  reads: string[];
  stats: string[];
  /** Throw this error code for any call on paths starting with the prefix. */
  failing: Map<string, string>;
  /** Called before readFile returns, e.g. to replace the file while it is being read. */
  onRead: ((file: string) => void) | null;
}

export function fakeFs(): FakeFs {
  const fake: FakeFs = {
    reads: [],
    stats: [],
    failing: new Map(),
    onRead: null,
    async stat(p) {
      fake.stats.push(p);
      check(p);
      return fsp.stat(p);
    },
    async readFile(p) {
      fake.reads.push(p);
      check(p);
      const bytes = await fsp.readFile(p);
      fake.onRead?.(p);
      return bytes;
    },
    async readdir(p) {
      check(p);
      return fsp.readdir(p);
    },
  };
  function check(p: string): void {
    for (const [prefix, code] of fake.failing) {
      if (p.startsWith(prefix)) throw Object.assign(new Error(`${code}: ${p}`), { code });
    }
  }
  return fake;
}

export interface Harness {
  dir: string;
  clock: ManualClock;
  store: Store;
  fs: FakeFs;
  waits: number[];
  source: { value: string | null };
  sync: SyncService;
  /** A new SyncService on a re-opened store: what a restart of the app sees. */
  restart(): Harness;
}

export function harness(options: Partial<SyncServiceDeps> & { dir?: string; clock?: ManualClock } = {}): Harness {
  const dir = options.dir ?? tempDir();
  const clock = options.clock ?? new ManualClock('2026-03-05T10:05:00');
  const store = openStore({ dir: path.join(dir, 'data'), clock });
  stores.push(store);
  const fs = fakeFs();
  const waits: number[] = [];
  const source = { value: null as string | null };
  const sync = new SyncService({
    store,
    clock,
    embeddedPath: EMBEDDED,
    source: () => source.value,
    fs,
    wait: async (ms) => {
      waits.push(ms);
      clock.advance({ milliseconds: ms });
    },
    random: () => 0.5,
    ...options,
  });
  const h: Harness = {
    dir,
    clock,
    store,
    fs,
    waits,
    source,
    sync,
    restart() {
      store.close();
      const next = harness({ ...options, dir, clock });
      next.source.value = source.value;
      return next;
    },
  };
  return h;
}
