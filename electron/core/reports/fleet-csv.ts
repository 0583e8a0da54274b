/**
 * The fleet report as CSV for French Excel (issue 5): UTF-8 with BOM (else Excel reads Windows-1252), cells as
 * csv-cell.ts writes them (';', CRLF, formulas neutralised). Each report's check cells were written when it was
 * read (fleet-digest.ts); here they get the window, its status and who sent them.
 */
import { csvCells, csvLine } from './csv-cell';

export { csvCell } from './csv-cell';
import type { ReportDigest } from './fleet-digest';
import type { FleetSummary } from './fleet-types';
import type { ResultsRead } from './fleet-read';
import { SUSPECT_FR } from './fleet-suspect';
import { acknowledgedFr, localStamps, STATUS_FR } from './labels';
import { nameKeys } from './fleet-digest';
import { DEFAULT_ZONE } from '../../../shared/schedule/zone';

const BOM = '\uFEFF';

const HEADER = [
  'Début de la plage',
  'Fin de la plage',
  'Site',
  'Service',
  'Statut du service',
  'Poste',
  'Compte Windows',
  'Initiales',
  'Soumis le',
  'Application',
  'Vérification',
  'Résultat',
  'Redémarrage',
  'Commentaire',
  'Contact conseillé',
  'Fichier',
  'Rapport suspect',
  'Prise de connaissance',
];

/**
 * One line per check of each report, and one per (window, service) that sent no report. Lines are yielded one
 * at a time so that the caller can stream them to the file.
 */
export function* fleetCsvLines(
  summary: FleetSummary,
  read: Pick<ResultsRead, 'reports'>,
  zone = DEFAULT_ZONE,
): Generator<string> {
  const byFile = new Map<string, ReportDigest>(read.reports.map((r) => [r.file, r]));
  const localStamp = localStamps(zone);
  const keyOf = nameKeys();
  const out: string[] = [];
  yield BOM + csvLine(HEADER);
  for (const w of summary.serviceWindows) {
    const head = [localStamp(w.windowStart), localStamp(w.windowEnd), w.site, w.service, STATUS_FR[w.status]];
    const acknowledged = acknowledgedFr(w.acknowledged, localStamp);
    if (w.verifiedBy.length === 0) {
      yield csvLine([
        ...head,
        ...['', '', '', '', w.applications.join(', '), '', 'Aucun rapport', '', '', '', '', ''],
        acknowledged,
      ]);
      continue;
    }
    for (const by of w.verifiedBy) {
      const digest = byFile.get(by.file);
      const who = [by.workstation, by.userAccount, by.initials, localStamp(by.submittedAt)];
      const suspect = by.suspect.map((k) => SUSPECT_FR[k]).join(' ; ');
      const key = keyOf(w.service);
      const before = csvCells([...head, ...who]);
      const after = csvCells([by.file, suspect, acknowledged]);
      let lines = 0;
      digest?.checkServices.forEach((service, i) => {
        if (keyOf(service) !== key) return;
        lines++;
        out.push(`${before};${digest.checkCells[i] as string};${after}\r\n`);
      });
      if (lines === 0) yield csvLine([...head, ...who, '', '', '', '', '', '', by.file, suspect, acknowledged]);
      else yield* out.splice(0);
      if (digest && digest.omittedChecks > 0) {
        const more = `${digest.omittedChecks} autres vérifications dans le fichier, non reprises ici`;
        yield csvLine([...head, ...who, '', '', '', '', more, '', by.file, suspect, acknowledged]);
      }
    }
  }
}

export function renderFleetCsv(summary: FleetSummary, read: Pick<ResultsRead, 'reports'>, zone = DEFAULT_ZONE): string {
  let out = '';
  for (const line of fleetCsvLines(summary, read, zone)) out += line;
  return out;
}
