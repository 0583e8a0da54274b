import path from 'node:path';
import { parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { printJson } from '../io';
import { importInventoryFile } from '../../core/inventory/import';
import { inventoryStats } from '../../../shared/inventory';
import { USAGE } from '../usage';

const SPEC = { json: { type: 'flag' } } as const;

export const checkInventoryCommand: Command = {
  name: 'check-inventory',
  usage: USAGE['check-inventory'],
  async run(argv, io) {
    const args = parseArgs(argv, SPEC, 1);
    const file = args.positionals[0];
    if (!file) throw new UsageError('le fichier à vérifier est obligatoire');
    const result = await importInventoryFile(path.resolve(io.cwd, file));
    const stats = result.ok
      ? inventoryStats(result.inventory)
      : { applications: 0, byStatus: { scheduled: 0, 'not-affected': 0, 'to-be-determined': 0, unrecognized: 0 } };
    // The same import, within the same limits (shared/inventory/limits.ts), as the sync on the workstations.
    const refusal = result.ok ? null : (result.problems.filter((p) => p.severity === 'error').at(-1)?.message ?? null);
    const report = {
      ok: result.ok,
      /** The workstations would refuse this file and keep their last good inventory. */
      refusedByWorkstations: !result.ok,
      refusal,
      format: result.format,
      publishedAt: result.ok ? result.inventory.publishedAt : null,
      applications: stats.applications,
      byStatus: stats.byStatus,
      problems: result.problems,
    };
    if (args.flags.json) printJson(io, report);
    else {
      const lines = [
        result.ok
          ? `Inventaire utilisable (${report.format}).`
          : `Inventaire NON utilisable : les postes refuseraient ce fichier et garderaient leur dernier inventaire valide.`,
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
        lines.push(`  ${p.severity === 'error' ? 'ERREUR' : 'attention'}${where ? ` (${where})` : ''} : ${p.message}`);
      }
      io.out(lines.join('\n') + '\n');
    }
    return result.ok ? 0 : 1;
  },
};
