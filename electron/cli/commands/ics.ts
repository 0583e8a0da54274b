/** `ics`: the workstation's upcoming maintenance windows as an .ics file for Outlook (issue 5). */
import path from 'node:path';
import { parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { iso, LANG_OPTIONS, langOption, PLAN_OPTIONS, parseMoment, printJson } from '../io';
import { loadInventory } from '../load';
import { DEFAULT_ZONE } from '../../../shared/schedule';
import { windowsFor } from '../../../shared/planning';
import { buildIcs } from '../../core/calendar/ics';
import { writeOutputFile } from './write-output';
import { assertKnownProfile } from '../profile';
import { USAGE } from '../usage';

const SPEC = {
  ...PLAN_OPTIONS,
  months: { type: 'string' },
  from: { type: 'string' },
  out: { type: 'string', required: true },
  ...LANG_OPTIONS,
  json: { type: 'flag' },
} as const;

export const DEFAULT_MONTHS = 3;

export const icsCommand: Command = {
  name: 'ics',
  usage: USAGE['ics'],
  async run(argv, io) {
    const args = parseArgs(argv, SPEC);
    const zone = DEFAULT_ZONE;
    const monthsText = args.strings.months;
    const months = monthsText === undefined ? DEFAULT_MONTHS : Number(monthsText);
    if (!Number.isInteger(months) || months < 1 || months > 24) {
      throw new UsageError('--months : un nombre entier de 1 à 24 est attendu');
    }
    const lang = langOption(args.strings);
    const from = args.strings.from ? parseMoment(args.strings.from, zone, 'from') : io.clock.now().setZone(zone);
    const to = from.plus({ months });
    const inventory = await loadInventory(io, args.strings.inventory as string);
    const site = (args.strings.site as string).trim();
    assertKnownProfile(inventory, site, args.lists.service ?? []);
    // Cancelled occurrences too: exported as STATUS:CANCELLED under their old UID (issue 13).
    const windows = windowsFor(inventory, { site, services: args.lists.service ?? [] }, { from, to }, zone, {
      withCancelled: true,
    });
    const out = path.resolve(io.cwd, args.strings.out as string);
    await writeOutputFile(out, buildIcs(windows, { zone, site, now: io.clock.now(), language: lang }));
    if (args.flags.json) {
      printJson(io, {
        file: out,
        from: iso(from),
        to: iso(to),
        windows: windows.map((w) => ({ start: iso(w.start), end: iso(w.end), services: w.services })),
      });
    } else {
      io.out(
        windows.length === 0
          ? `Aucune plage de maintenance du ${iso(from)} au ${iso(to)} pour ce site et ces services ; calendrier vide écrit dans ${out}.\n`
          : `${windows.length} plage(s) de maintenance exportée(s) dans ${out} (du ${from.toFormat('yyyy-LL-dd')} au ${to.toFormat('yyyy-LL-dd')}).\n`,
      );
    }
    return 0;
  },
};
