import { parseArgs } from '../args';
import type { Command } from '../command';
import { iso, parseMoment, printJson } from '../io';
import { loadDefaultInventory, loadInventory } from '../load';
import { DEFAULT_ZONE } from '../../../shared/schedule';
import { foldText } from '../../../shared/text/fold';
import { serviceInfoFor, sortedUnique, windowsFor, type PlannedWindow } from '../../../shared/planning';
import { decideContact } from '../../../shared/escalation';
import { formatWindow } from '../../../shared/i18n/format';
import type { Inventory } from '../../../shared/inventory/model';
import type { DateTime } from 'luxon';
import { assertKnownProfile } from '../profile';
import { USAGE } from '../usage';

const SPEC = {
  at: { type: 'string', required: true },
  site: { type: 'string', required: true },
  service: { type: 'string' },
  inventory: { type: 'string' },
  'urgence-pilote': { type: 'flag' },
  'octopus-url': { type: 'string' },
  /** The problem is not about an application of a maintenance window: the usual procedure. */
  unrelated: { type: 'flag' },
  json: { type: 'flag' },
} as const;

/** A checklist can come up to a shift later than the window's end: look this far back for "the" window. */
const RECENT_HOURS = 24;

/** The window in progress at `at`, else the last one that ended in the previous 24 h, else null. */
function relevantWindow(inventory: Inventory, site: string, services: string[], at: DateTime): PlannedWindow | null {
  const windows = windowsFor(
    inventory,
    { site, services },
    { from: at.minus({ hours: RECENT_HOURS }), to: at.plus({ milliseconds: 1 }) },
    at.zoneName ?? DEFAULT_ZONE,
  );
  const running = windows.find((w) => w.start <= at && at < w.end);
  if (running) return running;
  const ended = windows.filter((w) => w.end <= at);
  return ended.length ? (ended[ended.length - 1] as PlannedWindow) : null;
}

export const contactCommand: Command = {
  name: 'contact',
  usage: USAGE['contact'],
  async run(argv, io) {
    const args = parseArgs(argv, SPEC);
    const zone = DEFAULT_ZONE;
    const at = parseMoment(args.strings.at as string, zone, 'at');
    const site = args.strings.site as string;
    const service = args.strings.service ?? null;
    const inventory = args.strings.inventory
      ? await loadInventory(io, args.strings.inventory)
      : await loadDefaultInventory();
    assertKnownProfile(inventory, site, service ? [service] : [], { guideContacts: true });

    const services = service
      ? [service]
      : sortedUnique(inventory.applications.filter((a) => foldText(a.site) === foldText(site)).map((a) => a.service));
    const window = args.flags.unrelated ? null : relevantWindow(inventory, site, services, at);
    const info = service ? serviceInfoFor(inventory, site, service) : null;
    const urgencePilote = args.flags['urgence-pilote'] || (info?.urgencePilote ?? false);
    const advice = decideContact(
      {
        at: iso(at),
        site,
        service,
        urgencePilote,
        window: window ? { start: iso(window.start), end: iso(window.end) } : null,
        relatedToWindow: !args.flags.unrelated,
      },
      inventory.contacts,
      { octopusUrl: args.strings['octopus-url'] ?? null, zone },
    );
    const result = {
      at: iso(at),
      site,
      service,
      urgencePilote,
      window: window ? { start: iso(window.start), end: iso(window.end), applications: window.applications } : null,
      windowInProgress: advice.retryAfter !== null,
      ...advice,
    };
    if (args.flags.json) {
      printJson(io, result);
      return 0;
    }
    const c = advice.contact;
    const lines = [
      c
        ? `À contacter : ${c.name}${c.phone ? ` — ${c.phone}` : ''}${c.url ? ` — ${c.url}` : ''}`
        : 'À contacter : procédure habituelle',
      `Règle : ${advice.rule.description}`,
    ];
    if (c?.note) lines.push(`Note : ${c.note}`);
    if (window) lines.push(`Plage : ${formatWindow(window.start, window.end, 'fr')}`);
    advice.advice.forEach((a, i) => lines.push(`${i + 1}. ${a.text}`));
    io.out(lines.join('\n') + '\n');
    return 0;
  },
};
