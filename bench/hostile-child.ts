/**
 * One measuring process of `bench hostile`: imports ONE file as the sync does (importInventoryFile, or
 * importSideTable for a side file), in a fresh plain-node process run from a bundle (bundle.ts), and prints
 * { ms, peakMb, ok, message }. peakMb is the kernel's high-water mark of the resident set (peakMb below).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importInventoryFile, importSideTable } from '../electron/core/inventory/import';
import { tuneV8 } from '../electron/core/v8-tuning';

/**
 * This process's own peak RSS in MB: VmHWM on Linux (a new program's memory map starts it afresh), else ru_maxrss.
 * ru_maxrss alone is wrong here: Linux carries the parent's high-water mark over fork + exec, and the bench parent
 * has just generated hundreds of MB of files.
 */
function peakMb(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Math.round(Number(hwm[1]) / 102.4) / 10;
  } catch {
    // Not Linux.
  }
  return Math.round(process.resourceUsage().maxRSS / 102.4) / 10;
}

async function main(file: string, kind: string): Promise<object> {
  tuneV8();
  const t0 = performance.now();
  const result =
    kind === 'side'
      ? await importSideTable(new Uint8Array(fs.readFileSync(file)), path.basename(file))
      : await importInventoryFile(file);
  const ms = Math.round(performance.now() - t0);
  const errors = result.problems.filter((p) => p.severity === 'error');
  return {
    ms,
    peakMb: peakMb(),
    ok: result.ok,
    problems: result.problems.length,
    message: (errors[0] ?? result.problems[result.problems.length - 1])?.message.slice(0, 300) ?? '',
  };
}

process.stdout.write(JSON.stringify(await main(process.argv[2] ?? '', process.argv[3] ?? 'inventory')));
