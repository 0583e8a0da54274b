/**
 * What the user is told after the local database had to be rebuilt, or lost submitted verifications (issue 9,
 * "No report lost"): honest about what was saved and what may be lost — never "nothing to do" when something was.
 */
import type { Lang } from '../../shared/i18n/format';
import type { ReconcileResult } from './reports/journal';
import type { StoreRecovery } from './store';

export interface UserMessage {
  title: string;
  body: string;
}

const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

const TEXT = {
  fr: {
    rebuiltTitle: 'Vigie : base locale reconstruite',
    restoredTitle: 'Vigie : vérifications récupérées',
    rebuilt: "La base locale était endommagée : elle a été reconstruite et l'inventaire est rechargé.",
    saved: (reports: number, runs: number) =>
      `Récupérés : ${plural(reports, 'rapport en attente d’envoi', 'rapports en attente d’envoi')}, ` +
      `${plural(runs, 'vérification', 'vérifications')}.`,
    nothingLost: 'Rien n’a été perdu ; aucune action n’est requise.',
    partial:
      'Une partie de l’ancienne base n’a pas pu être relue : une vérification en cours a pu être perdue. ' +
      'Si elle ne réapparaît pas, refaites-la. Une copie de l’ancienne base est gardée pour les TI.',
    restored: (n: number) =>
      `${plural(n, 'vérification soumise', 'vérifications soumises')} que la base locale avait ` +
      `${n === 1 ? 'perdue a été retrouvée' : 'perdues ont été retrouvées'} : ` +
      `${n === 1 ? 'elle sera envoyée' : 'elles seront envoyées'} aux TI.`,
  },
  en: {
    rebuiltTitle: 'Vigie: local database rebuilt',
    restoredTitle: 'Vigie: verifications recovered',
    rebuilt: 'The local database was damaged: it was rebuilt and the inventory is being reloaded.',
    saved: (reports: number, runs: number) =>
      `Recovered: ${plural(reports, 'report waiting to be sent', 'reports waiting to be sent')}, ` +
      `${plural(runs, 'verification', 'verifications')}.`,
    nothingLost: 'Nothing was lost; nothing to do.',
    partial:
      'Part of the old database could not be read: a verification in progress may have been lost. ' +
      'If it does not come back, do it again. A copy of the old database is kept for IT.',
    restored: (n: number) =>
      `${plural(n, 'submitted verification', 'submitted verifications')} that the local database had lost ` +
      `${n === 1 ? 'was' : 'were'} found again: ${n === 1 ? 'it' : 'they'} will be sent to IT.`,
  },
} as const;

/** null when there is nothing to say. */
export function recoveryMessage(
  language: Lang,
  recovered: StoreRecovery | null,
  journal: ReconcileResult,
): UserMessage | null {
  const t = TEXT[language];
  if (recovered) {
    const salvaged = recovered.salvaged;
    const complete = salvaged?.complete === true;
    const parts: string[] = [t.rebuilt];
    if (salvaged && salvaged.reports + salvaged.checklists > 0)
      parts.push(t.saved(salvaged.reports, salvaged.checklists));
    if (journal.restored > 0) parts.push(t.restored(journal.restored));
    parts.push(complete ? t.nothingLost : t.partial);
    return { title: t.rebuiltTitle, body: parts.join(' ') };
  }
  if (journal.restored > 0) return { title: t.restoredTitle, body: t.restored(journal.restored) };
  return null;
}
