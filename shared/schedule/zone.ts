/**
 * An explicit time zone in the text: an IANA name ("(America/Vancouver)") or the Québec abbreviations for
 * Eastern time (HNE / HAE / "heure de l'Est"). Kept deliberately simple: most rows name no zone at all.
 */
import { IANAZone } from 'luxon';

/**
 * The zone of the hospital network: every wall-clock time in the inventory, the guide and the UI is read in it,
 * and "HNE"/"heure de l'Est" in a schedule text names it. The one place the name is written
 * (docs/architecture.md, "One definition of each primitive").
 */
export const DEFAULT_ZONE = 'America/Toronto';

export type ZoneScan = { ok: true; zone: string | undefined; rest: string } | { ok: false; message: string };

/** Region/City, on the raw text: IANA names are case-sensitive in spirit, and we canonicalise them below. */
const IANA_LIKE = /\b[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+\b/g;
/** Only these first segments are reported as a wrong zone; "n/a", "s/o" and friends are left to the grammar. */
const IANA_AREAS = /^(?:africa|america|antarctica|asia|atlantic|australia|europe|indian|pacific|etc|amerique)$/i;
/** On normalised text (lowercase, no accents). */
const EASTERN = /\b(?:hne|hae|heure (?:normale |avancee )?de l'est)\b|\(\s*(?:est|edt)\s*\)/g;

function canonical(zone: string): string {
  // Intl gives the canonical spelling ("america/vancouver" → "America/Vancouver").
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).resolvedOptions().timeZone;
}

/** Finds an IANA zone in the raw text and removes it (the rest is normalised afterwards). */
export function extractIanaZone(raw: string): ZoneScan {
  let zone: string | undefined;
  let rest = raw;
  for (const m of raw.matchAll(IANA_LIKE)) {
    const name = m[0];
    if (IANAZone.isValidZone(name)) {
      const found = canonical(name);
      if (zone !== undefined && zone !== found) {
        return { ok: false, message: `Deux fuseaux horaires différents : ${zone} et ${found}` };
      }
      zone = found;
      rest = rest.replace(name, ' ');
    } else if (IANA_AREAS.test(name.slice(0, name.indexOf('/')))) {
      return { ok: false, message: `Fuseau horaire inconnu : ${name}` };
    }
  }
  return { ok: true, zone, rest };
}

/** Finds HNE/HAE/"heure de l'Est" in normalised text and removes it. */
export function extractEasternZone(text: string): { found: boolean; rest: string } {
  const rest = text.replace(EASTERN, ' ');
  return { found: rest !== text, rest };
}
