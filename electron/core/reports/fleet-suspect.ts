/**
 * Reports IT can trust (issue 11): what does not add up in a report. A forged file once marked a service
 * "Vérifié, sans problème" from a workstation that does not exist; these checks make such a report visible:
 *  - the workstation in the file name is not the one inside the file;
 *  - the workstation is not in the inventory's Postes table (only when the inventory has one);
 *  - the report claims a site or a service that the workstation's Postes row contradicts;
 *  - another report of the same workstation and window came later (kept: the latest; the others are listed).
 */
import type { HostMapping, Inventory } from '../../../shared/inventory/model';
import { compareNames } from '../../../shared/planning/names';
import { foldText as nameKey } from '../../../shared/text/fold';
import { compileHostMatcher } from '../settings/hosts';
import type { ReportDigest } from './fleet-digest';

export type SuspectKind = 'file-name' | 'unknown-workstation' | 'postes-mismatch' | 'superseded';

export interface SuspectFlag {
  kind: SuspectKind;
  /** French, for IT. */
  reason: string;
}

export const SUSPECT_FR: Record<SuspectKind, string> = {
  'file-name': 'Nom de fichier et contenu ne concordent pas',
  'unknown-workstation': 'Poste inconnu de la table Postes',
  'postes-mismatch': 'Site ou service contredit par la table Postes',
  superseded: 'Remplacé par un rapport plus récent',
};

/** The checks that need only the report and the inventory (not the other reports). */
export function reportChecker(
  inventory: Inventory | null | undefined,
  keyOf: (text: string) => string = nameKey,
): (d: ReportDigest) => SuspectFlag[] {
  const hosts = inventory?.hosts ?? [];
  const match = hosts.length > 0 ? compileHostMatcher(hosts) : null;
  const byName = new Map<string, HostMapping | null>();
  return (d) => {
    const flags: SuspectFlag[] = [];
    if (d.fileNameWorkstation !== null) {
      flags.push({
        kind: 'file-name',
        reason: `Le nom du fichier indique le poste « ${d.fileNameWorkstation} », le rapport dit « ${d.workstation} ».`,
      });
    }
    if (!match) return flags;
    const key = d.workstation.toLowerCase();
    let row = byName.get(key);
    if (row === undefined) {
      row = match(d.workstation);
      byName.set(key, row);
    }
    if (row === null) {
      flags.push({
        kind: 'unknown-workstation',
        reason: `Le poste « ${d.workstation} » n’est dans aucune ligne de la table Postes de l’inventaire.`,
      });
      return flags;
    }
    const contradictions: string[] = [];
    if (keyOf(row.site) !== keyOf(d.site)) {
      contradictions.push(`site « ${d.site} » (Postes : « ${row.site} »)`);
    }
    if (row.services.length > 0) {
      const allowed = new Set(row.services.map(keyOf));
      const foreign = d.services.filter((s) => !allowed.has(keyOf(s)));
      if (foreign.length > 0) {
        contradictions.push(
          `service${foreign.length > 1 ? 's' : ''} « ${foreign.join(', ')} » (Postes : « ${row.services.join(', ')} »)`,
        );
      }
    }
    if (contradictions.length > 0) {
      flags.push({
        kind: 'postes-mismatch',
        reason: `Le rapport du poste « ${d.workstation} » annonce ${contradictions.join(' et ')}.`,
      });
    }
    return flags;
  };
}

/**
 * Two reports of one workstation for one window: the latest submitted counts (a person who corrects a checklist
 * sends it again); the others are returned with the report that replaces them. Ties go to the later file name.
 */
export function resolveSuperseded(reports: readonly ReportDigest[]): {
  kept: ReportDigest[];
  superseded: { report: ReportDigest; by: ReportDigest }[];
} {
  const latest = new Map<string, ReportDigest>();
  const keyOf = (d: ReportDigest) => `${d.workstation.trim().toLowerCase()}|${d.startMs}|${d.endMs}`;
  const later = (a: ReportDigest, b: ReportDigest) =>
    a.submittedMs !== b.submittedMs ? a.submittedMs > b.submittedMs : compareNames(a.file, b.file) > 0;
  for (const d of reports) {
    const key = keyOf(d);
    const current = latest.get(key);
    if (!current || later(d, current)) latest.set(key, d);
  }
  const kept: ReportDigest[] = [];
  const superseded: { report: ReportDigest; by: ReportDigest }[] = [];
  for (const d of reports) {
    const by = latest.get(keyOf(d)) as ReportDigest;
    if (by === d) kept.push(d);
    else superseded.push({ report: d, by });
  }
  return { kept, superseded };
}
