/**
 * Turns what went wrong while fetching into the user's vocabulary: "hors ligne" (we could not reach it; try again)
 * or "non valide" (we reached it and it is unusable). Messages are French and name the source for IT.
 */

export interface FetchFailure {
  outcome: 'offline' | 'invalid';
  message: string;
  /** Try again soon rather than at the next regular poll (e.g. the file was being written). */
  retrySoon?: boolean;
}

const LOCKED = new Set(['EBUSY', 'EPERM', 'EACCES']);

export function codeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  if (typeof e?.code === 'string') return e.code;
  if (typeof e?.cause?.code === 'string') return e.cause.code;
  return undefined;
}

export function fileFailure(error: unknown, where: string): FetchFailure {
  const code = codeOf(error);
  if (code && LOCKED.has(code)) {
    return {
      outcome: 'offline',
      message:
        `Fichier d'inventaire verrouillé (ouvert dans Excel ?) ou accès refusé : ${where}. ` +
        'Nouvel essai à la prochaine vérification.',
    };
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return { outcome: 'offline', message: `Fichier d'inventaire introuvable : ${where}.` };
  }
  return { outcome: 'offline', message: `Partage de l'inventaire inaccessible : ${where}.` };
}

export function httpFailure(error: unknown, where: string): FetchFailure {
  const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
  return {
    outcome: 'offline',
    message: timedOut
      ? `Le serveur de l'inventaire ne répond pas : ${where}.`
      : `Serveur de l'inventaire injoignable : ${where}.`,
  };
}

export const CHANGING: FetchFailure = {
  outcome: 'offline',
  message: "Le fichier d'inventaire est en cours de modification ; nouvel essai dans un instant.",
  retrySoon: true,
};
