/**
 * `report`: the fleet report IT reads the morning after a window (issue 5) — HTML (one self-contained file),
 * optional CSV for Excel, optional JSON summary on stdout; suspect reports flagged (issue 11); files read with a
 * per-file and a total cap (issue 9). `report --prune --older-than 180d [--yes]` removes old date folders.
 * No SQLite or native module on this path: it ships in the admin bundle.
 */
import path from 'node:path';
import { parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import type { CliIo } from '../io';
import { printJson } from '../io';
import { loadInventory } from '../load';
import { DEFAULT_ZONE } from '../../../shared/schedule';
import { DEFAULT_READ_LIMITS, readResults, ResultsFolderError } from '../../core/reports/fleet-read';
import { summarizeFleet } from '../../core/reports/fleet';
import { renderFleetHtml } from '../../core/reports/fleet-html';
import { fleetCsvLines } from '../../core/reports/fleet-csv';
import { pruneReports, type PruneResult } from '../../core/reports/prune';
import { intOption, olderThanDays, reportPeriod } from './report-options';
import { writeOutputFile, writeOutputLines } from './write-output';
import { USAGE } from '../usage';

const SPEC = {
  results: { type: 'string', required: true },
  from: { type: 'string' },
  to: { type: 'string' },
  days: { type: 'string' },
  inventory: { type: 'string' },
  html: { type: 'string' },
  csv: { type: 'string' },
  json: { type: 'flag' },
  'max-file-mb': { type: 'string' },
  'max-total-mb': { type: 'string' },
  prune: { type: 'flag' },
  'older-than': { type: 'string' },
  yes: { type: 'flag' },
} as const;

const MB = 1024 * 1024;

export const reportCommand: Command = {
  name: 'report',
  usage: USAGE['report'],
  async run(argv, io) {
    const args = parseArgs(argv, SPEC);
    const zone = DEFAULT_ZONE;
    const folder = args.strings.results as string;
    if (args.flags.prune) return prune(io, args, folder, zone);
    for (const only of ['older-than', 'yes'] as const) {
      if (args.strings[only] !== undefined || args.flags[only]) throw new UsageError(`--${only} va avec --prune`);
    }
    if (args.strings.html === undefined) throw new UsageError('--html est obligatoire');
    const { from, to } = reportPeriod(args.strings, io.clock.now(), zone);
    const fileMb = intOption(args.strings['max-file-mb'], 'max-file-mb', 1, 1024);
    const totalMb = intOption(args.strings['max-total-mb'], 'max-total-mb', 1, 1024 * 1024);
    const limits = {
      maxFileBytes: fileMb === null ? DEFAULT_READ_LIMITS.maxFileBytes : fileMb * MB,
      maxTotalBytes: totalMb === null ? DEFAULT_READ_LIMITS.maxTotalBytes : totalMb * MB,
    };
    const inventory = args.strings.inventory ? await loadInventory(io, args.strings.inventory) : null;

    const read = await readResults(path.resolve(io.cwd, folder), limits);
    const summary = summarizeFleet(read, { now: io.clock.now(), zone, from, to, inventory, folder });
    const htmlFile = path.resolve(io.cwd, args.strings.html);
    const csvFile = args.strings.csv ? path.resolve(io.cwd, args.strings.csv) : null;
    await writeOutputFile(htmlFile, renderFleetHtml(summary, zone));
    if (csvFile) await writeOutputLines(csvFile, fleetCsvLines(summary, read, zone));

    if (args.flags.json) printJson(io, summary);
    else {
      const t = summary.totals;
      const capped = summary.skipped.filter((s) => s.kind === 'too-large' || s.kind === 'total-cap').length;
      io.out(
        [
          `Rapport écrit : ${htmlFile}${csvFile ? ` et ${csvFile}` : ''}`,
          `${t.reports} rapport(s) de ${t.workstations} poste(s) ; ${t.verified} plage(s) × service vérifiée(s), ` +
            `${t.unverified} non vérifiée(s) ; ${t.problems} problème(s) signalé(s) dont ${t.notFixed} non réglé(s) ` +
            `en redémarrant ; ${t.skipped} fichier(s) ignoré(s).`,
          ...(t.suspectReports
            ? [
                `${t.suspectReports} rapport(s) suspect(s) (dont ${t.superseded} remplacé(s) par un plus récent) ; ` +
                  `${t.suspectWindows} plage(s) × service reposant seulement sur des rapports suspects.`,
              ]
            : []),
          ...(capped ? [`${capped} fichier(s) refusé(s) par les limites de taille (voir le rapport).`] : []),
          ...(summary.expectationsPeriod
            ? []
            : ['(sans --inventory, les services qui n’ont rien envoyé ne sont pas listés)']),
          '',
        ].join('\n'),
      );
    }
    return 0;
  },
};

async function prune(io: CliIo, args: ReturnType<typeof parseArgs>, folder: string, zone: string): Promise<0 | 1> {
  for (const other of ['from', 'to', 'days', 'inventory', 'html', 'csv', 'max-file-mb', 'max-total-mb']) {
    if (args.strings[other] !== undefined) throw new UsageError(`--${other} ne va pas avec --prune`);
  }
  const days = olderThanDays(args.strings['older-than']);
  const root = path.resolve(io.cwd, folder);
  let result: PruneResult;
  try {
    result = await pruneReports(root, {
      olderThanDays: days,
      now: io.clock.now(),
      zone,
      delete: args.flags.yes === true,
    });
  } catch {
    throw new ResultsFolderError(`Dossier des résultats introuvable ou illisible : « ${folder} ».`);
  }
  if (args.flags.json) printJson(io, result);
  else {
    const files = result.folders.reduce((n, f) => n + f.files, 0);
    const lines = [
      result.dryRun
        ? `Essai (rien n’est supprimé ; ajoutez --yes pour supprimer) : ${result.folders.length} dossier(s) ` +
          `antérieur(s) au ${result.cutoff} à supprimer, ${files} rapport(s).`
        : `${result.deleted.length} dossier(s) antérieur(s) au ${result.cutoff} supprimé(s), ${files} rapport(s).`,
      ...result.folders.map((f) => `  ${f.folder} : ${f.files} fichier(s)`),
      ...result.kept.map((k) => `  laissé en place : ${k.folder} — ${k.reason}`),
      ...result.failed.map((k) => `  échec : ${k.folder} — ${k.reason}`),
      '',
    ];
    io.out(lines.join('\n'));
  }
  return result.failed.length > 0 ? 1 : 0;
}
