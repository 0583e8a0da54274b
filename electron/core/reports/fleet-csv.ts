/**
 * The fleet report as CSV for French Excel (issue 5): UTF-8 with BOM (else Excel reads Windows-1252), ';'
 * separators (French list separator), CRLF, and cells that a spreadsheet would run as a formula neutralised with
 * a leading quote — report text comes from thousands of PCs (OWASP "CSV injection"; issue 9 adds the leading
 * space and line feed, which some spreadsheets skip before reading a formula, and the full-width ＝ ＋ － ＠ that
 * some convert to their ASCII forms).
 */
import { nameKey } from '../../../shared/planning/names';
import type { ReportDigest } from './fleet-digest';
import type { FleetSummary } from './fleet-types';
import type { ResultsRead } from './fleet-read';
import { SUSPECT_FR } from './fleet-suspect';
import { CHECK_FR, localStamp, restartFr, resultFr, STATUS_FR } from './labels';

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** = + - @, tab, CR, LF, space, and the full-width ＝ ＋ － ＠. */
const FORMULA_START = /^[=+\-@\t\r\n \uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvCell(value: string | number | null | undefined): string {
  let v = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(v)) v = `'${v}`;
  if (/[";\r\n]/.test(v) || /^\s|\s$/.test(v)) v = `"${v.replace(/"/g, '""')}"`;
  return v;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(';') + CRLF;
}

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
];

/**
 * One line per check of each report, and one per (window, service) that sent no report. Lines are yielded one
 * at a time so that the caller can stream them to the file.
 */
export function* fleetCsvLines(
  summary: FleetSummary,
  read: Pick<ResultsRead, 'reports'>,
  zone = 'America/Toronto',
): Generator<string> {
  const byFile = new Map<string, ReportDigest>(read.reports.map((r) => [r.file, r]));
  yield BOM + csvLine(HEADER);
  for (const w of summary.serviceWindows) {
    const head = [
      localStamp(w.windowStart, zone),
      localStamp(w.windowEnd, zone),
      w.site,
      w.service,
      STATUS_FR[w.status],
    ];
    if (w.verifiedBy.length === 0) {
      yield csvLine([...head, '', '', '', '', w.applications.join(', '), '', 'Aucun rapport', '', '', '', '', '']);
      continue;
    }
    for (const by of w.verifiedBy) {
      const digest = byFile.get(by.file);
      const who = [by.workstation, by.userAccount, by.initials, localStamp(by.submittedAt, zone)];
      const suspect = by.suspect.map((k) => SUSPECT_FR[k]).join(' ; ');
      const checks = digest?.checks.filter((c) => nameKey(c.service) === nameKey(w.service)) ?? [];
      if (checks.length === 0) yield csvLine([...head, ...who, '', '', '', '', '', '', by.file, suspect]);
      for (const c of checks) {
        yield csvLine([
          ...head,
          ...who,
          c.application,
          CHECK_FR[c.id],
          resultFr(c.result),
          restartFr(c.restart),
          c.comment,
          c.contact,
          by.file,
          suspect,
        ]);
      }
      if (digest && digest.omittedChecks > 0) {
        const more = `${digest.omittedChecks} autres vérifications dans le fichier, non reprises ici`;
        yield csvLine([...head, ...who, '', '', '', '', more, '', by.file, suspect]);
      }
    }
  }
}

export function renderFleetCsv(
  summary: FleetSummary,
  read: Pick<ResultsRead, 'reports'>,
  zone = 'America/Toronto',
): string {
  let out = '';
  for (const line of fleetCsvLines(summary, read, zone)) out += line;
  return out;
}
