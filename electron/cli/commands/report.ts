/**
 * `report`: the fleet report IT reads the morning after a window (issue 5) — HTML (one self-contained file),
 * optional CSV for Excel, optional JSON summary on stdout.
 */
import path from 'node:path';
import { parseArgs, UsageError } from '../args';
import type { Command } from '../command';
import { parseMoment, printJson } from '../io';
import { loadInventory } from '../load';
import { DEFAULT_ZONE } from '../../../shared/schedule';
import { readResults } from '../../core/reports/fleet-read';
import { summarizeFleet } from '../../core/reports/fleet';
import { renderFleetHtml } from '../../core/reports/fleet-html';
import { renderFleetCsv } from '../../core/reports/fleet-csv';
import { writeOutputFile } from './write-output';
import { USAGE } from '../usage';

const SPEC = {
  results: { type: 'string', required: true },
  from: { type: 'string' },
  to: { type: 'string' },
  inventory: { type: 'string' },
  html: { type: 'string', required: true },
  csv: { type: 'string' },
  json: { type: 'flag' },
} as const;

const DATE_ONLY = /^\s*\d{4}-\d{2}-\d{2}\s*$/;

export const reportCommand: Command = {
  name: 'report',
  usage: USAGE['report'],
  async run(argv, io) {
    const args = parseArgs(argv, SPEC);
    const zone = DEFAULT_ZONE;
    const fromText = args.strings.from;
    const toText = args.strings.to;
    const from = fromText ? parseMoment(fromText, zone, 'from') : null;
    // "--to 2026-12-31" means up to and including that day.
    const to = toText ? parseMoment(toText, zone, 'to').plus(DATE_ONLY.test(toText) ? { days: 1 } : {}) : null;
    if (from && to && to <= from) throw new UsageError('--to doit être après --from');
    const inventory = args.strings.inventory ? await loadInventory(io, args.strings.inventory) : null;
    const folder = args.strings.results as string;

    const read = await readResults(path.resolve(io.cwd, folder));
    const summary = summarizeFleet(read, { now: io.clock.now(), zone, from, to, inventory, folder });
    const htmlFile = path.resolve(io.cwd, args.strings.html as string);
    const csvFile = args.strings.csv ? path.resolve(io.cwd, args.strings.csv) : null;
    await writeOutputFile(htmlFile, renderFleetHtml(summary, zone));
    if (csvFile) await writeOutputFile(csvFile, renderFleetCsv(summary, read.reports, zone));

    if (args.flags.json) printJson(io, summary);
    else {
      const t = summary.totals;
      io.out(
        [
          `Rapport écrit : ${htmlFile}${csvFile ? ` et ${csvFile}` : ''}`,
          `${t.reports} rapport(s) de ${t.workstations} poste(s) ; ${t.verified} plage(s) × service vérifiée(s), ` +
            `${t.unverified} non vérifiée(s) ; ${t.problems} problème(s) signalé(s) dont ${t.notFixed} non réglé(s) ` +
            `en redémarrant ; ${t.skipped} fichier(s) ignoré(s).`,
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
