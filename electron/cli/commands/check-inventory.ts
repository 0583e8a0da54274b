import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { printJson } from '../io';
import { importInventoryFile } from '../../core/inventory/import';
import { inventoryStats } from '../../../shared/inventory';
import { USAGE } from '../usage';

const SPEC = {
  json: { type: 'flag' },
  'max-pattern-share': { type: 'string' },
  'known-hosts': { type: 'string' },
} as const;

/** `--max-pattern-share 0.3` (or 30 %): a share of the known workstation names, between 0 and 1. */
function parseShare(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const percent = text.trim().endsWith('%');
  const value = Number(text.trim().replace(/\s*%$/, '').replace(',', '.'));
  const share = percent ? value / 100 : value;
  if (!Number.isFinite(share) || share <= 0 || share > 1) {
    throw new UsageError(`--max-pattern-share : part invalide « ${text} » (attendu entre 0 et 1, ex. 0.5 ou 50 %)`);
  }
  return share;
}

/** `--known-hosts <fichier>`: one workstation name per line (an Active Directory export), bounded. */
async function readKnownHosts(file: string | undefined, cwd: string): Promise<string[] | undefined> {
  if (file === undefined) return undefined;
  const resolved = path.resolve(cwd, file);
  try {
    const info = await stat(resolved);
    if (info.size > 10 * 1024 * 1024) throw new UsageError(`--known-hosts : « ${file} » est trop volumineux`);
    const text = await readFile(resolved, 'utf8');
    // A CSV export keeps its first column; a header line is just one more name that matches nothing.
    return text.split(/\r?\n/).map((line) => (line.split(/[;,\t]/)[0] ?? '').replace(/^\uFEFF|"/g, '').trim());
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--known-hosts : « ${file} » illisible`);
  }
}

export const checkInventoryCommand: Command = {
  name: 'check-inventory',
  usage: USAGE['check-inventory'],
  async run(argv, io) {
    const args = parseArgs(argv, SPEC, 1);
    const file = args.positionals[0];
    if (!file) throw new UsageError('le fichier à vérifier est obligatoire');
    const hostPatterns = {
      maxShare: parseShare(args.strings['max-pattern-share']),
      knownNames: await readKnownHosts(args.strings['known-hosts'], io.cwd),
    };
    const result = await importInventoryFile(path.resolve(io.cwd, file), { hostPatterns });
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
