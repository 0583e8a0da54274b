/**
 * What the checklist and the bridge say to people when they refuse something, in French (default) and English.
 * Short, non-technical sentences: they are read at 4 a.m. by someone who only wants to know what to do next.
 */
import { t } from '../../../shared/i18n';
import type { Lang } from '../../../shared/i18n/format';
import type { CheckId } from '../../../shared/ipc/schemas';

export interface CoreMessages {
  runNotFound: string;
  itemNotFound: (application: string) => string;
  alreadySubmitted: string;
  restartNeedsProblem: string;
  unanswered: (list: string[]) => string;
  initialsMissing: string;
  forbiddenLink: string;
  linkFailed: string;
  calendarUnavailable: string;
  calendarFailed: string;
  noProfile: string;
  nothingToExport: string;
  /** acknowledgeBanner with a key that is not the banner of now (ended window, stale view). */
  bannerGone: string;
}

const FR: CoreMessages = {
  runNotFound: "Cette vérification est introuvable. Fermez la fenêtre et rouvrez-la depuis l'icône Vigie.",
  itemNotFound: (application: string) => `« ${application} » ne fait pas partie de cette vérification.`,
  alreadySubmitted: 'Cette vérification a déjà été envoyée : elle ne peut plus être modifiée.',
  restartNeedsProblem: "Indiquez d'abord « Problème » pour cette vérification.",
  unanswered: (list: string[]) =>
    `${list.length > 1 ? `Il reste ${list.length} vérifications` : 'Il reste 1 vérification'} sans réponse : ` +
    `${list.join(' ; ')}.`,
  initialsMissing: 'Inscrivez vos initiales ou votre nom avant d’envoyer.',
  forbiddenLink: "Ce lien n'est pas autorisé par les TI : il n'a pas été ouvert.",
  linkFailed: "Le lien n'a pas pu être ouvert. Copiez l'adresse dans votre navigateur.",
  calendarUnavailable: "L'export du calendrier n'est pas disponible sur ce poste.",
  calendarFailed: "Le calendrier n'a pas pu être enregistré. Réessayez dans un moment.",
  noProfile: 'Choisissez d’abord le site et le service de ce poste dans les réglages.',
  nothingToExport: 'Aucune plage de maintenance à venir pour ce poste : rien à exporter.',
  bannerGone: 'Cette alerte n’est plus en cours (la plage est terminée ou a changé) : il n’y a rien à confirmer.',
};

const EN: CoreMessages = {
  runNotFound: 'This verification cannot be found. Close the window and open it again from the Vigie icon.',
  itemNotFound: (application) => `“${application}” is not part of this verification.`,
  alreadySubmitted: 'This verification was already sent: it can no longer be changed.',
  restartNeedsProblem: 'First mark this check as “Problem”.',
  unanswered: (list) =>
    `${list.length > 1 ? `${list.length} checks are` : '1 check is'} still unanswered: ${list.join('; ')}.`,
  initialsMissing: 'Enter your initials or your name before sending.',
  forbiddenLink: 'This link is not allowed by IT: it was not opened.',
  linkFailed: 'The link could not be opened. Copy the address into your browser.',
  calendarUnavailable: 'Calendar export is not available on this workstation.',
  calendarFailed: 'The calendar could not be saved. Try again in a moment.',
  noProfile: 'First choose the site and service of this workstation in the settings.',
  nothingToExport: 'No upcoming maintenance window for this workstation: nothing to export.',
  bannerGone: 'This alert is no longer current (the window is over or has changed): there is nothing to acknowledge.',
};

export function messages(language: Lang): CoreMessages {
  return language === 'en' ? EN : FR;
}

/** "GestLab — L'application démarre et se connecte". */
export function checkLabel(language: Lang, application: string, check: CheckId): string {
  return `${application} — ${t(language, `check.${check}`)}`;
}
