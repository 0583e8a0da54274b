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
