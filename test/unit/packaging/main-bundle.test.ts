/**
 * The main process is bundled as one module plus chunks (scripts/build.mjs, nodeBundleOptions): what it loads with
 * `await import()` must stay out of what it loads at start, or every ward PC pays for exceljs's 1.2 MB of source
 * (and the memory it takes once parsed) while it only reads CSV files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { DateTime } from 'luxon';
import type { buildIcs as BuildIcs } from '../../../electron/core/calendar/ics';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAIN_ENTRIES, nodeBundleOptions } from '../../../scripts/build.mjs';

let metafile: Metafile;

beforeAll(async () => {
  const result = await build({
    ...nodeBundleOptions({ entryPoints: MAIN_ENTRIES, outdir: 'dist-test/electron' }),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  metafile = result.metafile;
}, 60_000);

/** Output files reached from `entry` through static imports only (what Node loads before main runs). */
function loadedAtStart(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imp of metafile.outputs[file]?.imports ?? []) {
      if (imp.kind === 'import-statement' && !imp.external) pending.push(imp.path);
    }
  }
  return seen;
}

const inputsOf = (files: Iterable<string>) => [...files].flatMap((f) => Object.keys(metafile.outputs[f]?.inputs ?? {}));

describe('main process bundle', () => {
  it('is split: an entry module and chunks', () => {
    const outputs = Object.keys(metafile.outputs).filter((f) => f.endsWith('.js'));
    expect(outputs).toContain('dist-test/electron/main.js');
    expect(outputs.filter((f) => f.startsWith('dist-test/electron/chunks/')).length).toBeGreaterThanOrEqual(2);
  });

  it('ships the parse entry the tray app starts in a utilityProcess, without electron or SQLite', () => {
    expect(Object.keys(metafile.outputs)).toContain('dist-test/electron/parse-child.js');
    const start = inputsOf(loadedAtStart('dist-test/electron/parse-child.js'));
    expect(start).toContain('electron/core/inventory/parse-child.ts');
    expect(start).toContain('electron/core/inventory/isolation/child-runtime.ts');
    const imports = [...loadedAtStart('dist-test/electron/parse-child.js')].flatMap(
      (f) => metafile.outputs[f]?.imports.map((i) => i.path) ?? [],
    );
    expect(imports).not.toContain('electron');
    expect(imports).not.toContain('better-sqlite3');
  });

  it('loads exceljs and the JSON inventory reader only when a workbook or a JSON file is read', () => {
    const start = inputsOf(loadedAtStart('dist-test/electron/main.js'));
    expect(start).toContain('electron/shell/main.ts');
    expect(start).toContain('electron/core/inventory/import.ts');
    expect(start.filter((i) => i.includes('node_modules/exceljs/'))).toEqual([]);
    expect(start).not.toContain('electron/core/inventory/json.ts');

    const all = inputsOf(Object.keys(metafile.outputs));
    expect(all.some((i) => i.includes('node_modules/exceljs/'))).toBe(true);
    expect(all).toContain('electron/core/inventory/json.ts');
  });

  it('keeps native addons, node-notifier and electron out of the bundle', () => {
    const all = inputsOf(Object.keys(metafile.outputs));
    for (const name of ['better-sqlite3', 'node-notifier', 'electron']) {
      expect(all.filter((i) => i.includes(`node_modules/${name}/`))).toEqual([]);
    }
  });
});

describe('main process bundle, run', () => {
  it('exports the calendar with its VTIMEZONE: no file read from beside a bundled package (no __dirname in ESM)', async () => {
    const outdir = path.join('dist', `test-bundle-${process.pid}`);
    try {
      const result = await build({
        ...nodeBundleOptions({ entryPoints: MAIN_ENTRIES, outdir }),
        metafile: true,
        logLevel: 'silent',
      });
      const file = Object.entries(result.metafile.outputs).find(([, o]) => o.exports.includes('buildIcs'))?.[0];
      expect(file).toBeDefined();
      const { buildIcs } = (await import(pathToFileURL(path.resolve(file as string)).href)) as {
        buildIcs: typeof BuildIcs;
      };
      const start = DateTime.fromISO('2026-12-02T02:00', { zone: 'America/Toronto' });
      const ics = buildIcs(
        [
          {
            start,
            end: start.plus({ hours: 2 }),
            applications: [{ service: 'Lab', application: 'GestLab' }],
            services: ['Lab'],
          },
        ],
        {
          zone: 'America/Toronto',
          site: 'IUSMM',
          now: start,
        },
      );
      expect(ics).toContain('BEGIN:VTIMEZONE');
      expect(ics).toContain('TZID:America/Toronto');
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }, 60_000);
});
