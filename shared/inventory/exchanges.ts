/**
 * Whether an application exchanges data with other systems, which adds the guide's "les transferts
 * fonctionnent" check to the verification checklist.
 *
 * 1. The inventory's "Transferts" column (oui/non) decides when it is filled (app.transfers not null).
 * 2. Otherwise the comment decides: it says so when it mentions an interface, a transfer, an exchange, HL7, a
 *    link with another system, sending or receiving ("L'interface pour le transfert des données doit être
 *    redémarrée manuellement." → true). A mention right after a negation ("aucune interface", "sans
 *    transfert", "pas d'échange") does not count.
 * When unsure, the checklist still offers "Sans objet", so a false positive costs one click; a false negative
 * would hide a check the guide asks for — hence the broad word list.
 */
import type { Application } from './model';
import { foldText } from '../text/fold';

// Matched on folded text (no accents, lowercase): "transféré" is "transfere" here.
const MENTION =
  /\b(interfac\w*|transfer\w*|echang\w*|hl7|liens? avec|envo[iy]\w*|recept\w*|recoi\w*|recevoir|recu\w* de|flux|synchronis\w*|export\w*|import(?:e|es|er|ation)? (?:de|des|du|vers))/g;
const NEGATION = /(?:^|\s)(?:aucune?|sans|pas d'|pas de|ni|jamais de)\s*(?:\S+\s+)?$/;

/** True when a (free-text) comment mentions a data exchange that is not negated. */
export function commentMentionsExchange(comment: string): boolean {
  const text = foldText(comment).replace(/’/g, "'");
  for (const match of text.matchAll(MENTION)) {
    // Up to one word between the negation and the mention: "aucune interface", "pas de transfert", "sans
    // aucun échange".
    if (!NEGATION.test(text.slice(Math.max(0, match.index - 30), match.index))) return true;
  }
  return false;
}

export function exchangesData(app: Pick<Application, 'transfers' | 'comment'>): boolean {
  return app.transfers ?? commentMentionsExchange(app.comment);
}
