/**
 * "Plage de maintenance" cell text → ParsedSchedule. Generous in what we accept (accents, dashes, abbreviations,
 * "du mois", "de 2h à 4h"…), exact in what we compute: anything doubtful is `unrecognized` with a short French
 * message for the person who typed it, never a guess. Never throws: a crash of the parser itself is a bug, returned
 * as `unrecognized` with `internalError` set (and a message saying so), so callers can tell it from a refusal.
 */
import { parseDaySpec, type DaySpec } from './dayspec';
import { normalizeText } from './normalize';
import { extractTimeRange } from './timerange';
import type { InternalError, ParsedSchedule, Rule, TimeRange } from './types';
import { DEFAULT_ZONE, extractEasternZone, extractIanaZone } from './zone';

/** "Pas touché", "Pas touchée pour l'instant…", "Non touché", "Non-touché (hébergé…)". */
const NOT_AFFECTED = /^[^a-z0-9]*(?:pas|non)[ -](?:touche|affecte|concerne)/;
/** "À venir (voir commentaire)", "À déterminer", "À confirmer". */
const TO_BE_DETERMINED = /^[^a-z0-9]*a (?:venir|determiner|confirmer|definir)\b/;

const EXAMPLES = '« 1er mercredi 2h-4h », « Pas touché » ou « À venir »';

const unrecognized = (raw: string, message: string): ParsedSchedule => ({ status: 'unrecognized', raw, message });

export function parseSchedule(text: string): ParsedSchedule {
  const raw = typeof text === 'string' ? text : '';
  try {
    return parse(raw);
  } catch (error) {
    // A bug here must not take the inventory import down with it, nor pass for the author's mistake.
    const internalError = asInternalError(error);
    return {
      status: 'unrecognized',
      raw,
      message: `Erreur interne de Vigie en lisant cette plage (${internalError.name} : ${internalError.message})`,
      internalError,
    };
  }
}

export function asInternalError(error: unknown): InternalError {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack ?? null };
  }
  return {
    name: 'Error',
    message: typeof error === 'string' ? error : Object.prototype.toString.call(error),
    stack: null,
  };
}

function parse(raw: string): ParsedSchedule {
  const normalized = normalizeText(raw);
  // "-", "." or "?" alone is how an empty cell often looks in Excel.
  if (!/[a-z0-9]/.test(normalized)) return unrecognized(raw, 'Plage de maintenance vide');
  if (NOT_AFFECTED.test(normalized)) return { status: 'not-affected', raw };
  if (TO_BE_DETERMINED.test(normalized)) return { status: 'to-be-determined', raw };

  const iana = extractIanaZone(raw);
  if (!iana.ok) return unrecognized(raw, iana.message);
  const eastern = extractEasternZone(normalizeText(iana.rest));
  if (eastern.found && iana.zone !== undefined && iana.zone !== DEFAULT_ZONE) {
    return unrecognized(raw, `Deux fuseaux horaires différents : ${iana.zone} et heure de l'Est`);
  }
  const zone = iana.zone ?? (eastern.found ? DEFAULT_ZONE : undefined);

  const time = extractTimeRange(eastern.rest);
  if (time.kind === 'error') return unrecognized(raw, time.message);
  if (time.kind === 'none') {
    const day = parseDaySpec(eastern.rest);
    if (day.ok) return unrecognized(raw, 'Heures manquantes : ajoutez une plage comme 2h-4h');
    if (day.message.startsWith('Texte non compris')) {
      return unrecognized(raw, `Plage de maintenance non comprise (ex. : ${EXAMPLES})`);
    }
    return unrecognized(raw, day.message);
  }
  const day = parseDaySpec(time.rest);
  if (!day.ok) return unrecognized(raw, day.message);
  return { status: 'scheduled', raw, rule: toRule(day.spec, time.range, zone) };
}

function toRule(spec: DaySpec, time: TimeRange, zone: string | undefined): Rule {
  const withZone = zone === undefined ? {} : { zone };
  switch (spec.kind) {
    case 'monthly':
      return {
        kind: 'monthly',
        ordinals: spec.ordinals,
        weekday: spec.weekday,
        offsetDays: spec.offsetDays,
        time,
        ...withZone,
      };
    case 'weekly':
      return { kind: 'weekly', weekdays: spec.weekdays, time, ...withZone };
    case 'once':
      return { kind: 'once', date: spec.date, time, ...withZone };
  }
}
