/**
 * `npm run --silent bench -- <import|fleet|hostile> [options] [--json]` (issue 5). Figures, not tests: they are printed
 * (as JSON with --json) and recorded in the README, never asserted in CI.
 */
import { parseArgs, UsageError } from '../electron/cli/args';
import { importVerdict, runImportBench } from './import-bench';
import { fleetVerdict, runFleetBench } from './fleet-bench';
import { fleetReportVerdict, runFleetReportBench } from './fleet-report-bench';
import { hostileHeld, hostileVerdict, runHostileBench } from './hostile-bench';

const USAGE = [
  'Usage : npm run --silent bench -- <banc> [options]',
  '  import [--rows 20000] [--runs 5] [--json]',
  '  fleet [--workstations 500] [--workers 50] [--json]',
  '  fleet-report [--workstations 5000] [--windows 12] [--runs 3] [--json]',
  '',
].join('\n');

function intOption(value: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} : entier de ${min} à ${max} attendu`);
  return n;
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'import') {
    const args = parseArgs(rest, { rows: { type: 'string' }, runs: { type: 'string' }, json: { type: 'flag' } });
    const bench = await runImportBench(
      intOption(args.strings.rows, 20_000, 'rows', 1, 1_000_000),
      intOption(args.strings.runs, 5, 'runs', 1, 50),
    );
    process.stdout.write(
      args.flags.json ? JSON.stringify(bench.figures) + '\n' : importVerdict(bench).join('\n') + '\n',
    );
    return 0;
  }
  if (name === 'fleet') {
    const args = parseArgs(rest, {
      workstations: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'flag' },
    });
    const { figures, details } = await runFleetBench(
      intOption(args.strings.workstations, 500, 'workstations', 1, 20_000),
      intOption(args.strings.workers, 50, 'workers', 1, 200),
    );
    process.stdout.write(
      args.flags.json ? JSON.stringify(figures) + '\n' : fleetVerdict(figures, details).join('\n') + '\n',
    );
    return figures.lost === 0 ? 0 : 1;
  }
  if (name === 'fleet-report') {
    const args = parseArgs(rest, {
      workstations: { type: 'string' },
      windows: { type: 'string' },
      runs: { type: 'string' },
      json: { type: 'flag' },
    });
    const { figures, details } = await runFleetReportBench(
      intOption(args.strings.workstations, 5000, 'workstations', 1, 50_000),
      intOption(args.strings.windows, 12, 'windows', 1, 104),
      intOption(args.strings.runs, 3, 'runs', 1, 20),
    );
    process.stdout.write(
      args.flags.json ? JSON.stringify(figures) + '\n' : fleetReportVerdict(figures, details).join('\n') + '\n',
    );
    return 0;
  }
  if (name === 'hostile') {
    const args = parseArgs(rest, { only: { type: 'string' }, json: { type: 'flag' } });
    const figures = await runHostileBench(args.strings.only);
    process.stdout.write(args.flags.json ? JSON.stringify(figures) + '\n' : hostileVerdict(figures).join('\n') + '\n');
    return hostileHeld(figures) ? 0 : 1;
  }
  process.stderr.write(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench : ${error instanceof UsageError ? error.message + '\n\n' + USAGE : String(error instanceof Error ? error.stack : error)}\n`,
    );
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
