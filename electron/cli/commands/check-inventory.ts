import path from 'node:path';
import { DateTime } from 'luxon';
import { parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { printJson } from '../io';
import { importInventoryFile } from '../../core/inventory/import';
import { inventoryStats } from '../../../shared/inventory';
import type { Inventory } from '../../../shared/inventory/model';
import { formatDate, formatTime } from '../../../shared/i18n/format';
import { DEFAULT_ZONE, emptyWindows } from '../../../shared/schedule';
import type { Clock } from '../../core/clock';
import { USAGE } from '../usage';

/** How far ahead spring-forward nights are checked: every March of the coming year (docs/inventory-format.md). */
const EMPTY_WINDOW_MONTHS = 13;

interface EmptyWindowReport {
  schedule: string;
  applications: string[];
  /** ISO instants of the emptied windows (start = end). */
  at: string[];
}

/** Rules that a spring-forward gap empties in the coming months, one entry per distinct schedule text. */
function emptyWindowsOf(inventory: Inventory, clock: Clock): EmptyWindowReport[] {
  const now = clock.now().setZone(DEFAULT_ZONE);
  const range = { from: now, to: now.plus({ months: EMPTY_WINDOW_MONTHS }) };
  const byText = new Map<string, EmptyWindowReport | null>();
  for (const app of inventory.applications) {
    if (app.schedule.status !== 'scheduled') continue;
    let entry = byText.get(app.scheduleText);
    if (entry === undefined) {
      const found = emptyWindows(app.schedule.rule, range, DEFAULT_ZONE);
      entry =
        found.length === 0
          ? null
          : {
              schedule: app.scheduleText,
              applications: [],
              at: found.map((o) => o.start.toISO({ suppressMilliseconds: true }) ?? ''),
            };
      byText.set(app.scheduleText, entry);
    }
    if (entry && !entry.applications.includes(app.application)) entry.applications.push(app.application);
  }
  return [...byText.values()].filter((e): e is EmptyWindowReport => e !== null);
}

function emptyWindowLine(e: EmptyWindowReport): string {
  const when = e.at
    .map((iso) => DateTime.fromISO(iso, { zone: DEFAULT_ZONE }))
    .map((dt) => `${formatDate(dt)} à ${formatTime(dt)}`)
    .join(', ');
  return (
    `  attention : la plage « ${e.schedule} » (${e.applications.join(', ')}) est vide à cause du changement ` +
    `d'heure : ${when} (début, fin et vérification au même moment).`
  );
}

const SPEC = { json: { type: 'flag' } } as const;

export const checkInventoryCommand: Command = {
  name: 'check-inventory',
  usage: USAGE['check-inventory'],
  async run(argv, io) {
    const args = parseArgs(argv, SPEC, 1);
    const file = args.positionals[0];
    if (!file) throw new UsageError('le fichier à vérifier est obligatoire');
    const result = await importInventoryFile(path.resolve(io.cwd, file));
    const internalErrors = result.problems.filter((p) => p.internalError !== undefined);
    const empty = result.ok ? emptyWindowsOf(result.inventory, io.clock) : [];
    const stats = result.ok
      ? inventoryStats(result.inventory)
      : { applications: 0, byStatus: { scheduled: 0, 'not-affected': 0, 'to-be-determined': 0, unrecognized: 0 } };
    const report = {
      ok: result.ok,
      format: result.format,
      publishedAt: result.ok ? result.inventory.publishedAt : null,
      applications: stats.applications,
      byStatus: stats.byStatus,
      problems: result.problems,
      /** Crashes of Vigie itself while reading rows (bugs to report, not faults of the file). */
      internalErrors: internalErrors.length,
      emptyWindows: empty,
    };
    if (args.flags.json) printJson(io, report);
    else {
      const lines = [
        result.ok ? `Inventaire utilisable (${report.format}).` : `Inventaire NON utilisable.`,
        `Publication : ${report.publishedAt ?? 'inconnue'}`,
        `Applications : ${report.applications} — planifiées ${stats.byStatus.scheduled}, pas touchées ${stats.byStatus['not-affected']}, à venir ${stats.byStatus['to-be-determined']}, non reconnues ${stats.byStatus.unrecognized}`,
      ];
      if (result.problems.length) lines.push('Problèmes :');
      for (const p of result.problems) {
        // JSON problems number the entries of the list, not lines of a sheet.
        const where = [
          p.row !== null ? `${result.format === 'json' ? 'élément' : 'ligne'} ${p.row}` : null,
          p.column ? `colonne « ${p.column} »` : null,
        ]
          .filter(Boolean)
          .join(', ');
        const label = p.internalError ? 'ERREUR INTERNE' : p.severity === 'error' ? 'ERREUR' : 'attention';
        lines.push(`  ${label}${where ? ` (${where})` : ''} : ${p.message}`);
        if (p.internalError)
          lines.push(`    ${(p.internalError.stack ?? p.internalError.message).split('\n').join('\n    ')}`);
      }
      if (internalErrors.length > 0) {
        lines.push(`Erreurs internes de Vigie : ${internalErrors.length} (à signaler à l'équipe de Vigie)`);
      }
      if (empty.length > 0) lines.push("Changement d'heure :", ...empty.map(emptyWindowLine));
      io.out(lines.join('\n') + '\n');
    }
    return result.ok ? 0 : 1;
  },
};
