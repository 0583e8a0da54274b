/**
 * One measuring process of `bench import`, run by plain node from a bundle (bundle.ts), doing ONE phase
 * (import-phases.ts), as the app does one import at a time:
 *   <phase> once  <dir> <rows>          the phase once, cold → { ms, baseMb, peakMb }
 *   <phase> timed <dir> <rows> <runs>   one warm-up, then the median of <runs> → { ms }
 * For `timeline`, `once` imports the CSV (the app holds an imported inventory), then times one pass over every
 * profile (the pass is long: no warm-up) → { ms, baseMb, peakMb, profiles, events }.
 *
 * peakMb is the kernel's high-water mark of this process's resident set (getrusage ru_maxrss): exact, where a
 * timer-based sample would miss the peak of a synchronous parse.
 */
import { performance } from 'node:perf_hooks';
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
import { timeMedian } from './stats';

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
/** ru_maxrss, in KiB on Linux and Windows (Node normalises it). */
const peakMb = () => mb(process.resourceUsage().maxRSS * 1024);
const round = (ms: number) => Math.round(ms * 10) / 10;

async function main(args: readonly string[]): Promise<object> {
  const [phase, mode, dir = '', rowsText = '', runsText = '1'] = args;
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
  const run = importPhase(phase as Exclude<Phase, 'timeline'>, rows);
  if (mode === 'once') {
    const bytes = readBytes(dir, fileOf(phase as Phase));
    const t0 = performance.now();
    await run(bytes);
    return { ms: round(performance.now() - t0), baseMb, peakMb: peakMb() };
  }
  const bytes = readBytes(dir, fileOf(phase as Phase));
  return { ms: await timeMedian(Number(runsText), () => run(bytes)) };
}

process.stdout.write(JSON.stringify(await main(process.argv.slice(2))));
