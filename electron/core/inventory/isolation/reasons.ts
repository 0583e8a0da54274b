/**
 * Why a file was refused by its parsing process, in French for IT (docs/deployment.md, "Fichier refusé"). Every
 * reason starts with REFUSED, which the tray uses to say "fichier refusé" rather than "non valide".
 */
export const REFUSED = "Le fichier d'inventaire a été refusé";

export function timeoutReason(ms: number): string {
  return `${REFUSED} : son analyse a dépassé ${Math.round(ms / 1000)} s (fichier démesuré ou piégé ?). Remplacez-le par un fichier corrigé.`;
}

export function crashReason(code: number | null, signal: string | null): string {
  const how = signal ? `signal ${signal}` : `code ${String(code)}`;
  return `${REFUSED} : son analyse a échoué (mémoire épuisée ou arrêt du processus d'analyse, ${how}). Remplacez-le par un fichier corrigé.`;
}

export const MALFORMED_REASON = `${REFUSED} : son analyse a échoué (réponse non conforme du processus d'analyse).`;
