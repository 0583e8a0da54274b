import { parseArgs } from '../args';
import type { Command } from '../command';
import { iso, parsePeriod, PLAN_OPTIONS, printJson } from '../io';
import { loadInventory } from '../load';
import { DEFAULT_ZONE } from '../../../shared/schedule';
import { timeline, windowsFor } from '../../../shared/planning';
import { DEFAULT_REMINDERS } from '../../../shared/planning/types';
import { formatWindow } from '../../../shared/i18n/format';
import { assertKnownProfile } from '../profile';
import { sanitizeTerminal } from '../terminal';
import { USAGE } from '../usage';

const SPEC = {
  ...PLAN_OPTIONS,
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
    const profile = { site: args.strings.site as string, services: args.lists.service ?? [] };
    const events = timeline(inventory, profile, { from, to }, { zone, reminders: DEFAULT_REMINDERS });
    // Windows the Exceptions table cancelled or moved away (issue 13): listed, never announced.
    const cancelled = windowsFor(inventory, profile, { from, to }, zone, { withCancelled: true }).flatMap((w) =>
      w.cancelled && w.start >= from
        ? [
            {
              windowStart: iso(w.start),
              windowEnd: iso(w.end),
              action: w.cancelled.action,
              reason: w.cancelled.reason,
              movedTo: w.cancelled.movedTo ? iso(w.cancelled.movedTo) : null,
              applications: w.applications.map((a) => a.application),
            },
          ]
        : [],
    );
    const json = events.map((e) => ({
      kind: e.kind,
      at: iso(e.at),
      windowStart: iso(e.windowStart),
      windowEnd: iso(e.windowEnd),
      applications: e.applications,
    }));
    if (args.flags.json) printJson(io, { events: json, cancelled });
    else {
      const lines = events.map(
        (e) =>
          `${iso(e.at)}  ${KIND_FR[e.kind].padEnd(12)} ${formatWindow(e.windowStart, e.windowEnd, 'fr')} — ${sanitizeTerminal(e.applications.join(', '))}`,
      );
      for (const c of cancelled) {
        const what = c.action === 'moved' ? `Reportée au ${c.movedTo ?? '?'}` : 'Annulée';
        const reason = c.reason === '' ? '' : ` (${c.reason})`;
        lines.push(sanitizeTerminal(`${c.windowStart}  ${what}${reason} — ${c.applications.join(', ')}`));
      }
      lines.sort(); // ISO instants first: events and cancelled windows in time order
      io.out((lines.length ? lines.join('\n') : 'Aucun événement sur cette période.') + '\n');
    }
    return 0;
  },
};
