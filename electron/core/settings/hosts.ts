/** The inventory's "Postes" table: hostname → site/services, with * wildcards, case-insensitive. */
import type { HostMapping } from '../../../shared/inventory/model';

function toRegExp(pattern: string): RegExp {
  const body = pattern
    .trim()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

/**
 * The table compiled once, for callers that look up many names (the fleet report checks thousands of reports).
 * An exact name beats a pattern, a more specific pattern (more literal characters) beats a looser one, then file
 * order. A fully qualified name also matches on its short name.
 */
export function compileHostMatcher(hosts: readonly HostMapping[]): (hostname: string) => HostMapping | null {
  const compiled = hosts
    .filter((mapping) => mapping.pattern.trim() !== '')
    .map((mapping) => ({
      mapping,
      re: toRegExp(mapping.pattern),
      score: mapping.pattern.includes('*') ? mapping.pattern.replace(/\*/g, '').trim().length : Number.MAX_SAFE_INTEGER,
    }));
  return (hostname) => {
    const names = [hostname.trim()];
    const short = names[0]?.split('.')[0];
    if (short && short !== names[0]) names.push(short);
    let best: (typeof compiled)[number] | null = null;
    for (const c of compiled) {
      if ((!best || c.score > best.score) && names.some((n) => c.re.test(n))) best = c;
    }
    return best?.mapping ?? null;
  };
}

/** The mapping for this PC (see compileHostMatcher). */
export function matchHost(hosts: readonly HostMapping[], hostname: string): HostMapping | null {
  return compileHostMatcher(hosts)(hostname);
}

export interface HostPatternOptions {
  /** A pattern matching more than this share of the known workstation names is suspicious (default 0.5). */
  maxShare?: number;
  /** Names known to exist (e.g. an Active Directory export), added to the table's exact names. */
  knownNames?: readonly string[];
}

export const DEFAULT_MAX_PATTERN_SHARE = 0.5;
/** Below this many known names a share means little (two rows: any pattern matches "half"). */
const MIN_KNOWN_NAMES = 5;

/**
 * Postes rows that would move many workstations at once (issue 11: a `*` row moved every unpinned workstation to
 * another site): a catch-all, or a pattern matching more than `maxShare` of the known names. French warnings for
 * check-inventory and publish; the workstations still apply the table (a policy-pinned site never moves).
 */
export function hostPatternWarnings(hosts: readonly HostMapping[], options: HostPatternOptions = {}): string[] {
  const maxShare = options.maxShare ?? DEFAULT_MAX_PATTERN_SHARE;
  const known = [
    ...new Set(
      [...hosts.filter((h) => !h.pattern.includes('*')).map((h) => h.pattern), ...(options.knownNames ?? [])]
        .map((n) => n.trim().toLowerCase())
        .filter((n) => n !== ''),
    ),
  ];
  const warnings: string[] = [];
  for (const mapping of hosts) {
    const pattern = mapping.pattern.trim();
    if (!pattern.includes('*')) continue;
    if (pattern.replace(/\*/g, '') === '') {
      warnings.push(
        `Postes : le motif « ${pattern} » (site ${mapping.site}) s’applique à TOUS les postes qui ne sont pas listés ` +
          'ailleurs : remplacez-le par des motifs précis (ex. HMR-LAB-*) ; un site fixé par les TI ne bouge pas.',
      );
      continue;
    }
    if (known.length < MIN_KNOWN_NAMES) continue;
    const re = toRegExp(pattern);
    const matched = known.filter((n) => re.test(n)).length;
    if (matched / known.length > maxShare) {
      const pct = (x: number) => `${Math.round(x * 100)} %`;
      warnings.push(
        `Postes : le motif « ${pattern} » (site ${mapping.site}) correspond à ${matched} des ${known.length} postes ` +
          `connus (${pct(matched / known.length)}, plus de ${pct(maxShare)}) : vérifiez qu’il ne déplace pas des ` +
          'postes d’autres unités.',
      );
    }
  }
  return warnings;
}
