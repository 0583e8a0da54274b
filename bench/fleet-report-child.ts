/**
 * The measuring process of `bench fleet-report` (run by plain node from a bundle, bundle.ts): in ONE process, the
 * raw work — list the folder, read each file and JSON.parse it, 8 reads in flight as the report does — and the
 * real `report` command (HTML + CSV) on the same files, taking turns after a warm-up of each, so a busy machine
 * slows both alike → { rawReadMs, ms, totals }. Memory is measured apart, in a fresh process that runs `report`
 * once (the way IT runs it) → { rssMb }: the kernel's high-water mark of its resident set (getrusage ru_maxrss).
 *   node fleet-report-child.mjs <pair|once> <results> <inventory> <out dir> <from> <days> <runs> <now>
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { reportCommand } from '../electron/cli/commands/report';
import { ManualClock } from '../electron/core/clock';
import { tuneV8 } from '../electron/core/v8-tuning';
import { median } from './stats';

const [mode, results, inventory, outDir, from, days, runsText, now] = process.argv.slice(2);

async function rawRead(dir: string): Promise<number> {
  const entries = (await fsp.readdir(dir, { recursive: true, withFileTypes: true })).filter(
    (e) => e.isFile() && e.name.endsWith('.json'),
  );
  let next = 0;
  let parsed = 0;
  const worker = async () => {
    while (next < entries.length) {
      const e = entries[next++] as (typeof entries)[number];
      const value: unknown = JSON.parse(await fsp.readFile(path.join(e.parentPath, e.name), 'utf8'));
      if (value !== null) parsed++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return parsed;
}

async function report(json = false): Promise<string> {
  let out = '';
  const io = {
    out: (t: string) => (out += t),
    err: () => undefined,
    clock: new ManualClock(now as string),
    cwd: outDir as string,
  };
  const argv = ['--results', results as string, '--inventory', inventory as string, '--from', from as string];
  argv.push('--days', days as string, '--html', 'parc.html', '--csv', 'parc.csv', ...(json ? ['--json'] : []));
  const code = await reportCommand.run(argv, io);
  if (code !== 0) throw new Error(`report exited with ${code}`);
  return out;
}

async function main(): Promise<void> {
  tuneV8();
  if (mode === 'once') {
    const t0 = performance.now();
    await report();
    const rssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
    process.stdout.write(JSON.stringify({ ms: Math.round(performance.now() - t0), rssMb }) + '\n');
    return;
  }
  const runs = Number(runsText);
  const raw: number[] = [];
  const real: number[] = [];
  const time = async (fn: () => Promise<unknown>, into: number[]) => {
    const t0 = performance.now();
    await fn();
    into.push(performance.now() - t0);
  };
  const parsed = await rawRead(results as string); // warm-up of each
  const summary = await report(true); // the warm-up also gives the totals; the timed runs write the HTML and CSV only
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await time(() => rawRead(results as string), raw);
      await time(() => report(), real);
    } else {
      await time(() => report(), real);
      await time(() => rawRead(results as string), raw);
    }
  }
  const totals = (JSON.parse(summary) as { totals: object }).totals;
  process.stdout.write(
    JSON.stringify({
      rawReadMs: Math.round(median(raw)),
      ms: Math.round(median(real)),
      parsed,
      totals,
    }) + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
