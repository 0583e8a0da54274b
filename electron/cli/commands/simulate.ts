import { UsageError, parseArgs } from '../args';
import type { Command } from '../command';
import { LANG_OPTIONS, langOption, parseMoment, parsePeriod, printJson } from '../io';
import { readPublicKeyFiles } from '../keys';
import { assertSignedInventory, loadInventory } from '../load';
import { DEFAULT_ZONE } from '../../../shared/schedule';
import { DEFAULT_REMINDERS } from '../../../shared/planning/types';
import { simulate } from '../../core/scheduler/simulate';
import { assertKnownProfile } from '../profile';
import { USAGE } from '../usage';

const SPEC = {
  inventory: { type: 'string', required: true },
  site: { type: 'string', required: true },
  service: { type: 'list', required: true },
  from: { type: 'string', required: true },
  to: { type: 'string', required: true },
  asleep: { type: 'list' },
  ...LANG_OPTIONS,
  'public-key': { type: 'list' },
  json: { type: 'flag' },
} as const;

const KIND_FR = {
  reminder: 'Rappel',
  start: 'Début',
  end: 'Fin',
  'catch-up': 'Rattrapage',
  checklist: 'Vérification',
  'heads-up': 'Plage ajoutée',
} as const;

/** Longest period simulated: a year of 30 s ticks is about a million ticks (a few seconds). */
const MAX_DAYS = 400;

export const simulateCommand: Command = {
  name: 'simulate',
  usage: USAGE['simulate'],
  async run(argv, io) {
    const args = parseArgs(argv, SPEC);
    const zone = DEFAULT_ZONE;
    const { from, to } = parsePeriod(args.strings.from, args.strings.to, zone);
    if (to.diff(from, 'days').days > MAX_DAYS) throw new UsageError(`la période est limitée à ${MAX_DAYS} jours`);
    const language = langOption(args.strings);
    const asleep = (args.lists.asleep ?? []).map((text) => {
      const parts = text.split('/');
      if (parts.length !== 2) throw new UsageError(`--asleep : « ${text} » attendu sous la forme <début>/<fin>`);
      const start = parseMoment(parts[0] as string, zone, 'asleep');
      const end = parseMoment(parts[1] as string, zone, 'asleep');
      if (end <= start) throw new UsageError(`--asleep : la fin doit être après le début (« ${text} »)`);
      return { start, end };
    });
    const keyFiles = args.lists['public-key'] ?? [];
    if (keyFiles.length > 0) {
      // As a workstation whose policy lists these keys: an unsigned or modified inventory is not used.
      await assertSignedInventory(io, args.strings.inventory as string, await readPublicKeyFiles(io, keyFiles));
    }
    const inventory = await loadInventory(io, args.strings.inventory as string);
    assertKnownProfile(inventory, args.strings.site as string, args.lists.service ?? []);
    const result = simulate({
      inventory,
      profile: { site: args.strings.site as string, services: args.lists.service ?? [] },
      options: { zone, reminders: DEFAULT_REMINDERS },
      language,
      from,
      to,
      asleep,
    });
    if (args.flags.json) {
      printJson(io, { notifications: result.notifications, trayStates: result.trayStates });
      return 0;
    }
    const lines = result.notifications.map((n) => `${n.at}  ${KIND_FR[n.kind].padEnd(12)} ${n.title} — ${n.body}`);
    io.out(
      [
        lines.length > 0 ? lines.join('\n') : 'Aucune notification sur cette période.',
        '',
        'États de l’icône :',
        ...result.trayStates.map((s) => `${s.at}  ${s.state}`),
        '',
        `${result.stats.ticks} vérifications simulées en ${result.stats.elapsedMs} ms.`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};
