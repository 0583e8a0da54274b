/** `npm run --silent cli -- <command>`: run through tsx, so no build step is needed after `npm ci`. */
import { SystemClock } from '../core/clock';
import { runCli } from './run';

const io = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
  clock: new SystemClock(),
  cwd: process.cwd(),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`vigie : ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
