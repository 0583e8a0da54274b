/**
 * One measuring process of `bench import`, run by plain node from a bundle (bundle.ts), doing ONE phase
 * (import-phases.ts), as the app does one import at a time:
 *   <phase> once  <dir> <rows>          the phase once, cold → { ms, baseMb, peakMb }
 *   pair <csv|xlsx> <dir> <rows> <runs> the raw parser and Vigie's import on the SAME bytes in this one process:
 *                                       a warm-up of each, then <runs> rounds taking turns (which goes first
 *                                       alternates), so a busy machine slows both alike → { rawMs, importMs }
 * For `timeline`, `once` imports the CSV (the app holds an imported inventory), then times one pass over every
 * profile (the pass is long: no warm-up) → { ms, baseMb, peakMb, profiles, events }.
 *
 * peakMb is the kernel's high-water mark of this process's resident set (getrusage ru_maxrss): exact, where a
 * timer-based sample would miss the peak of a synchronous parse.
 */
import { performance } from 'node:perf_hooks';
import { tuneV8 } from '../electron/core/v8-tuning';
import {
  fileOf,
  importedInventory,
  importPhase,
  PHASES,
  profilesOf,
  readBytes,
  timelineYear,
  type Phase,
} from './import-phases';
import { median } from './stats';

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
/** ru_maxrss, in KiB on Linux and Windows (Node normalises it). */
const peakMb = () => mb(process.resourceUsage().maxRSS * 1024);
const round = (ms: number) => Math.round(ms * 10) / 10;

/** Medians of `runs` rounds of raw then import (or import then raw, every other round), after one warm-up each. */
async function pair(format: 'csv' | 'xlsx', dir: string, rows: number, runs: number): Promise<object> {
  const raw = importPhase(`${format}Raw`, rows);
  const real = importPhase(`${format}Import`, rows);
  const bytes = readBytes(dir, fileOf(`${format}Raw`));
  const time = async (run: (bytes: Uint8Array) => Promise<unknown>, into: number[]) => {
    const t0 = performance.now();
    await run(bytes);
    into.push(performance.now() - t0);
  };
  await raw(bytes);
  await real(bytes);
  const rawTimes: number[] = [];
  const importTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await time(raw, rawTimes);
      await time(real, importTimes);
    } else {
      await time(real, importTimes);
      await time(raw, rawTimes);
    }
  }
  return { rawMs: round(median(rawTimes)), importMs: round(median(importTimes)) };
}

async function main(args: readonly string[]): Promise<object> {
  // As the app's main process does first thing (electron/shell/main.ts): this process stands in for it.
  tuneV8();
  const [phase, mode, dir = '', rowsText = '', runsText = '1'] = args;
  if (phase === 'pair') {
    if (mode !== 'csv' && mode !== 'xlsx') throw new Error(`bench: unknown format ${mode}`);
    return pair(mode, dir, Number(rowsText), Number(runsText));
  }
  if (!PHASES.includes(phase as Phase)) throw new Error(`bench: unknown phase ${phase}`);
  const rows = Number(rowsText);
  const baseMb = mb(process.memoryUsage().rss);
  if (phase === 'timeline') {
    const inventory = await importedInventory(readBytes(dir, fileOf(phase)), fileOf(phase), rows);
    const profiles = profilesOf(inventory);
    const t0 = performance.now();
    const events = timelineYear(inventory, profiles);
    return { ms: round(performance.now() - t0), baseMb, peakMb: peakMb(), profiles: profiles.length, events };
  }
  if (mode !== 'once') throw new Error(`bench: unknown mode ${mode}`);
  const run = importPhase(phase as Exclude<Phase, 'timeline'>, rows);
  const bytes = readBytes(dir, fileOf(phase as Phase));
  const t0 = performance.now();
  await run(bytes);
  return { ms: round(performance.now() - t0), baseMb, peakMb: peakMb() };
}

process.stdout.write(JSON.stringify(await main(process.argv.slice(2))));
