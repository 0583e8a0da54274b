import path from 'node:path';
import { parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { printJson } from '../io';
import { importInventoryFile } from '../../core/inventory/import';
import { inventoryStats } from '../../../shared/inventory';
import type { ImportResult } from '../../../shared/inventory/model';
import { cliParser } from '../parse-entry';
import { USAGE } from '../usage';

const SPEC = { json: { type: 'flag' } } as const;

export const checkInventoryCommand: Command = {
  name: 'check-inventory',
  usage: USAGE['check-inventory'],
  async run(argv, io) {
    const args = parseArgs(argv, SPEC, 1);
    const file = args.positionals[0];
    if (!file) throw new UsageError('le fichier à vérifier est obligatoire');
    // In a separate process, as on the workstations: a hostile file is refused here the way the sync refuses it.
    const parser = cliParser();
    const result = await importInventoryFile(path.resolve(io.cwd, file), (bytes, name) =>
      parser.inventory(bytes, name).catch((error: unknown): ImportResult => ({
        ok: false,
        format: null,
        problems: [
          {
            row: null,
            column: null,
            severity: 'error',
            message: `Le fichier n'a pas pu être analysé : ${error instanceof Error ? error.message : String(error)}.`,
          },
        ],
      })),
    );
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
        lines.push(`  ${p.severity === 'error' ? 'ERREUR' : 'attention'}${where ? ` (${where})` : ''} : ${p.message}`);
      }
      io.out(lines.join('\n') + '\n');
    }
    return result.ok ? 0 : 1;
  },
};
