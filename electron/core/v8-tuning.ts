/**
 * V8 settings of the main process (the tray agent), applied first thing at start by electron/shell/main.ts — and
 * by `npm run bench`'s measuring processes, which stand in for it in plain Node.
 *
 * --no-allocation-site-pretenuring: V8 decides per allocation site to allocate straight into the old generation
 * when, at one scavenge, ≥ 85 % of that site's recent objects were still alive. Planning builds a profile's
 * windows and events in bursts that live a few milliseconds; when a scavenge happened to land inside such a burst,
 * V8 pretenured those sites for good, and every later planning pass filled the old generation with garbage until
 * the next full GC. Measured on the bench's year of timelines for 1,000 profiles ("import CSV + calendriers"),
 * 15 runs each: without the flag, 13 peaked at 113–118 MB and 2 at 159 and 191 MB (and ran ≈ 20 % slower); with
 * it, all 15 at 114–119 MB. The agent lives for weeks on ward PCs: predictable memory is worth more than the
 * copying pretenuring saves.
 *
 * V8 reads this flag at each GC, so setting it at run time, before any work, takes effect; Electron's
 * `--js-flags` switch would have to be on the command line of every way Vigie is started.
 */
import v8 from 'node:v8';

export const V8_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring'];

export function tuneV8(setFlags: (flags: string) => void = (flags) => v8.setFlagsFromString(flags)): void {
  for (const flag of V8_FLAGS) setFlags(flag);
}
