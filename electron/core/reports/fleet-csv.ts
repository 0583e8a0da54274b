/**
 * The fleet report as CSV for French Excel (issue 5): UTF-8 with BOM (else Excel reads Windows-1252), ';'
 * separators (French list separator), CRLF, and cells that Excel would run as a formula neutralised with a
 * leading quote (OWASP "CSV injection": = + - @ tab CR) — report text comes from thousands of PCs.
 */
import { foldText } from '../../../shared/text/fold';
import type { VerificationReport } from '../../../shared/reports/types';
import { contactText, type FleetSummary } from './fleet';
import type { ReadReport } from './fleet-read';
import { CHECK_FR, localStamp, restartFr, resultFr, STATUS_FR } from './labels';
import { DEFAULT_ZONE } from '../../../shared/schedule/zone';

const BOM = '\uFEFF';
const CRLF = '\r\n';

export function csvCell(value: string | number | null | undefined): string {
  let v = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
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
];

/** One line per check of each report, and one per (window, service) that sent no report. */
export function renderFleetCsv(summary: FleetSummary, reports: readonly ReadReport[], zone = DEFAULT_ZONE): string {
  const byFile = new Map<string, VerificationReport>(reports.map((r) => [r.file, r.report]));
  let out = BOM + csvLine(HEADER);
  for (const w of summary.serviceWindows) {
    const head = [
      localStamp(w.windowStart, zone),
      localStamp(w.windowEnd, zone),
      w.site,
      w.service,
      STATUS_FR[w.status],
    ];
    if (w.verifiedBy.length === 0) {
      out += csvLine([...head, '', '', '', '', w.applications.join(', '), '', 'Aucun rapport', '', '', '', '']);
      continue;
    }
    for (const by of w.verifiedBy) {
      const report = byFile.get(by.file);
      const who = [by.workstation, by.userAccount, by.initials, localStamp(by.submittedAt, zone)];
      const items = report?.items.filter((i) => foldText(i.service) === foldText(w.service)) ?? [];
      if (items.length === 0) out += csvLine([...head, ...who, '', '', '', '', '', '', by.file]);
      for (const item of items) {
        for (const check of item.checks) {
          out += csvLine([
            ...head,
            ...who,
            item.application,
            CHECK_FR[check.id],
            resultFr(check.result),
            restartFr(check.restart),
            check.comment,
            contactText(check.contactAdvised),
            by.file,
          ]);
        }
      }
    }
  }
  return out;
}
