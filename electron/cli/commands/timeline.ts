import { parseArgs } from '../args';
import type { Command } from '../command';
import { iso, parsePeriod, printJson } from '../io';
import { loadInventory } from '../load';
import { DEFAULT_ZONE } from '../../../shared/schedule';
import { timeline } from '../../../shared/planning';
import { DEFAULT_REMINDERS } from '../../../shared/planning/types';
import { formatWindow } from '../../../shared/i18n/format';
import { assertKnownProfile } from '../profile';
import { sanitizeTerminal } from '../terminal';
import { USAGE } from '../usage';

const SPEC = {
  inventory: { type: 'string', required: true },
  site: { type: 'string', required: true },
  service: { type: 'list', required: true },
  from: { type: 'string', required: true },
  to: { type: 'string', required: true },
  json: { type: 'flag' },
} as const;

const KIND_FR = { reminder: 'Rappel', start: 'Début', end: 'Fin', checklist: 'Vérification' } as const;

export const timelineCommand: Command = {
  name: 'timeline',
  usage: USAGE['timeline'],
  async run(argv, io) {
    const args = parseArgs(argv, SPEC);
    const zone = DEFAULT_ZONE;
    const { from, to } = parsePeriod(args.strings.from, args.strings.to, zone);
    const inventory = await loadInventory(io, args.strings.inventory as string);
    assertKnownProfile(inventory, args.strings.site as string, args.lists.service ?? []);
    const events = timeline(
      inventory,
      { site: args.strings.site as string, services: args.lists.service ?? [] },
      { from, to },
      { zone, reminders: DEFAULT_REMINDERS },
    );
    const json = events.map((e) => ({
      kind: e.kind,
      at: iso(e.at),
      windowStart: iso(e.windowStart),
      windowEnd: iso(e.windowEnd),
      applications: e.applications,
    }));
    if (args.flags.json) printJson(io, { events: json });
    else {
      const lines = events.map(
        (e) =>
          `${iso(e.at)}  ${KIND_FR[e.kind].padEnd(12)} ${formatWindow(e.windowStart, e.windowEnd, 'fr')} — ${sanitizeTerminal(e.applications.join(', '))}`,
      );
      io.out((lines.length ? lines.join('\n') : 'Aucun événement sur cette période.') + '\n');
    }
    return 0;
  },
};
