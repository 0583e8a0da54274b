import { parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { iso, isValidZone, parseMoment, printJson } from '../io';
import { DEFAULT_ZONE, nextOccurrences, parseSchedule } from '../../../shared/schedule';
import { formatWindow } from '../../../shared/i18n/format';
import { USAGE } from '../usage';

const SPEC = {
  rule: { type: 'string', required: true },
  from: { type: 'string' },
  count: { type: 'string' },
  zone: { type: 'string' },
  json: { type: 'flag' },
} as const;

export const occurrencesCommand: Command = {
  name: 'occurrences',
  usage: USAGE['occurrences'],
  async run(argv, io) {
    const args = parseArgs(argv, SPEC);
    const zone = args.strings.zone ?? DEFAULT_ZONE;
    if (!isValidZone(zone)) throw new UsageError(`--zone : fuseau horaire inconnu « ${zone} »`);
    const from = args.strings.from ? parseMoment(args.strings.from, zone, 'from') : io.clock.now().setZone(zone);
    const countText = args.strings.count ?? '5';
    if (!/^\d+$/.test(countText) || Number(countText) < 1 || Number(countText) > 1000)
      throw new UsageError(`--count : nombre entre 1 et 1000 attendu, reçu « ${countText} »`);
    const count = Number(countText);

    const parsed = parseSchedule(args.strings.rule as string);
    const windows = parsed.status === 'scheduled' ? nextOccurrences(parsed.rule, from, count, zone) : [];
    const result = {
      status: parsed.status,
      occurrences: windows.map((w) => ({ start: iso(w.start), end: iso(w.end) })),
      ...(parsed.status === 'unrecognized' ? { message: parsed.message } : {}),
      ...(parsed.status === 'scheduled' && windows.length === 0 ? { message: 'Aucune plage après cette date.' } : {}),
    };
    // An unrecognised rule is an answer IT must act on: exit 1, as check-inventory does for an unusable file.
    const code = parsed.status === 'unrecognized' ? 1 : 0;
    if (args.flags.json) {
      printJson(io, result);
      return code;
    }
    const label = {
      scheduled: 'Plage planifiée',
      'not-affected': 'Pas touché : aucune plage de maintenance',
      'to-be-determined': 'À venir : plage pas encore déterminée',
      unrecognized: 'Plage non reconnue',
    }[parsed.status];
    const lines = [`${label}${'message' in result && result.message ? ` — ${result.message}` : ''}`];
    for (const w of windows) lines.push(`  • ${formatWindow(w.start, w.end, 'fr')}  (${iso(w.start)} → ${iso(w.end)})`);
    io.out(lines.join('\n') + '\n');
    return code;
  },
};
