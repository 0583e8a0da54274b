import { UsageError, parseArgs } from '../args';
import type { Command } from '../command';
import { LANG_OPTIONS, langOption, parseMoment, parsePeriod, PLAN_OPTIONS, printJson } from '../io';
import { readPublicKeyFiles } from '../keys';
import { assertSignedInventory, loadInventory } from '../load';
import { DEFAULT_ZONE } from '../../../shared/schedule';
import { DEFAULT_REMINDERS } from '../../../shared/planning/types';
import { simulate } from '../../core/scheduler/simulate';
import { assertKnownProfile } from '../profile';
import { USAGE } from '../usage';
import { readNoticesFolder } from './notice-folder';
import { elsewhereOption } from './simulate-reports';

const SPEC = {
  ...PLAN_OPTIONS,
  from: { type: 'string', required: true },
  to: { type: 'string', required: true },
  asleep: { type: 'list' },
  ack: { type: 'list' },
  ...LANG_OPTIONS,
  'public-key': { type: 'list' },
  notices: { type: 'string' },
  reports: { type: 'string' },
  workstation: { type: 'string' },
  json: { type: 'flag' },
} as const;

const KIND_FR = {
  reminder: 'Rappel',
  start: 'Début',
  end: 'Fin',
  'catch-up': 'Rattrapage',
  checklist: 'Vérification',
  notice: 'Panne',
  'notice-end': 'Fin de panne',
  change: 'Changement',
  'verified-elsewhere': 'Déjà vérifié',
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
    // "J'ai pris connaissance" at these instants (issue 12): the banner open then closes.
    const acks = (args.lists.ack ?? []).map((text) => parseMoment(text, zone, 'ack'));
    const keyFiles = args.lists['public-key'] ?? [];
    if (keyFiles.length > 0) {
      // As a workstation whose policy lists these keys: an unsigned or modified inventory is not used.
      await assertSignedInventory(io, args.strings.inventory as string, await readPublicKeyFiles(io, keyFiles));
    }
    const inventory = await loadInventory(io, args.strings.inventory as string);
    assertKnownProfile(inventory, args.strings.site as string, args.lists.service ?? []);
    // Outage notices to replay (issue 13), read as a workstation reads them; refused files are said, not fatal.
    const notices = args.strings.notices === undefined ? undefined : await readNoticesFolder(io, args.strings.notices);
    const result = simulate({
      inventory,
      profile: { site: args.strings.site as string, services: args.lists.service ?? [] },
      options: { zone, reminders: DEFAULT_REMINDERS },
      language,
      from,
      to,
      asleep,
      ...(notices ? { notices } : {}),
      elsewhere: await elsewhereOption(io, args.strings.reports, args.strings.workstation),
      acks,
    });
    const [unmatched] = result.unmatchedAcks;
    if (unmatched !== undefined) {
      throw new UsageError(
        `--ack : aucun bandeau n’est ouvert à ${unmatched} (poste en veille, hors période ou déjà fermé)`,
      );
    }
    if (args.flags.json) {
      printJson(io, { notifications: result.notifications, trayStates: result.trayStates, banners: result.banners });
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
        'Bandeaux :',
        ...(result.banners.length > 0
          ? result.banners.map((b) => `${b.opensAt} → ${b.closesAt}  ${b.applications.join(', ')}`)
          : ['Aucun bandeau sur cette période.']),
        '',
        `${result.stats.ticks} vérifications simulées en ${result.stats.elapsedMs} ms.`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};
