/**
 * What a ward reads about an application, and what stays for IT (issue 12, docs/inventory-format.md section 2): the
 * "Consigne pour l'unité" when IT wrote one, with IT's "Commentaire" set apart under "Détails pour les TI"; without
 * a consigne, the comment itself, as before the column existed. One rule for the checklist and the status window.
 */
import type { Application } from './model';

export interface WardNote {
  /** Shown to the ward as instructions ("" = nothing to show). */
  instructions: string;
  /** IT's comment when a consigne took its place, shown collapsed ("" = nothing). */
  itDetails: string;
}

export function wardNote(app: Pick<Application, 'comment' | 'consigne'>): WardNote {
  const consigne = (app.consigne ?? '').trim();
  const comment = app.comment.trim();
  return consigne === '' ? { instructions: comment, itDetails: '' } : { instructions: consigne, itDetails: comment };
}
