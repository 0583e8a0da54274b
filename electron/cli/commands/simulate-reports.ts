/**
 * `simulate --reports <folder> --workstation <name>` (docs/verified-elsewhere.md): the reports folder is read with
 * the fleet reader (its caps, its validation: a file that is not a valid report is listed and ignored), and each
 * report becomes what the agent would have recorded had it found it on the share.
 */
import path from 'node:path';
import { UsageError } from '../args';
import type { CliIo } from '../io';
import { readResults } from '../../core/reports/fleet-read';
import type { Claim } from '../../core/verified/match';

export async function elsewhereOption(
  io: CliIo,
  folder: string | undefined,
  workstation: string | undefined,
): Promise<{ claims: Claim[]; workstation: string } | undefined> {
  if (folder === undefined && workstation === undefined) return undefined;
  if (folder === undefined || !workstation?.trim()) {
    throw new UsageError('--reports et --workstation vont ensemble (le dossier des rapports et le nom de ce poste)');
  }
  const read = await readResults(path.resolve(io.cwd, folder));
  for (const s of read.skipped) io.err(`Rapport ignoré : ${s.file} — ${s.reason}\n`);
  const claims = read.reports.map((d) => ({
    reportId: d.reportId,
    workstation: d.workstation,
    userAccount: d.userAccount,
    initials: d.initials,
    site: d.site,
    services: d.services,
    startMs: d.startMs,
    endMs: d.endMs,
    submittedAt: d.submittedAt,
    items: [],
  }));
  return { claims, workstation: workstation.trim() };
}
