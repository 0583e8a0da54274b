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
 * The mapping for this PC: an exact name beats a pattern, a more specific pattern (more literal characters)
 * beats a looser one, then file order. A fully qualified name also matches on its short name.
 */
export function matchHost(hosts: readonly HostMapping[], hostname: string): HostMapping | null {
  const names = [hostname.trim()];
  const short = names[0]?.split('.')[0];
  if (short && short !== names[0]) names.push(short);
  let best: { mapping: HostMapping; score: number } | null = null;
  for (const mapping of hosts) {
    if (!mapping.pattern.trim() || !names.some((n) => toRegExp(mapping.pattern).test(n))) continue;
    const literal = mapping.pattern.replace(/\*/g, '').trim().length;
    const score = mapping.pattern.includes('*') ? literal : Number.MAX_SAFE_INTEGER;
    if (!best || score > best.score) best = { mapping, score };
  }
  return best?.mapping ?? null;
}
