/**
 * `--site`/`--service` checked against the inventory: a misspelt name is an error with the known names (exit 1),
 * never an empty timeline or an empty .ics that looks like "no maintenance". Names match as the planner matches
 * them (foldText, shared/text/fold.ts: case, accents and spaces ignored).
 */
import { DEFAULT_CONTACT_RULES } from '../../shared/escalation/defaults';
import type { Inventory } from '../../shared/inventory/model';
import { sortedUnique } from '../../shared/planning';
import { foldText as nameKey } from '../../shared/text/fold';
import { sanitizeTerminal } from './terminal';

export class UnknownName extends Error {
  override readonly name = 'UnknownName';
}

function known(names: readonly string[]): string {
  return names.length > 0 ? names.map(sanitizeTerminal).join(', ') : '(aucun)';
}

/**
 * The sites named anywhere in the inventory (applications, services, contacts, postes), and in the guide's own
 * contact rules for `contact` (its "17 octobre à HMR" override holds even when the inventory names no HMR
 * application).
 */
export function knownSites(inventory: Inventory, options: { guideContacts?: boolean } = {}): string[] {
  return sortedUnique(
    [
      ...(options.guideContacts ? DEFAULT_CONTACT_RULES.map((r) => r.site ?? '') : []),
      ...inventory.applications.map((a) => a.site),
      ...inventory.services.map((s) => s.site),
      ...inventory.contacts.map((c) => c.site ?? ''),
      ...inventory.hosts.map((h) => h.site),
    ].filter((s) => s.trim() !== ''),
  );
}

export function knownServices(inventory: Inventory, site: string): string[] {
  const key = nameKey(site);
  return sortedUnique([
    ...inventory.applications.filter((a) => nameKey(a.site) === key).map((a) => a.service),
    ...inventory.services.filter((s) => s.site === '' || nameKey(s.site) === key).map((s) => s.service),
    ...inventory.hosts.filter((h) => nameKey(h.site) === key).flatMap((h) => h.services),
  ]);
}

export function assertKnownProfile(
  inventory: Inventory,
  site: string,
  services: readonly string[],
  options: { guideContacts?: boolean } = {},
): void {
  const sites = knownSites(inventory, options);
  if (!sites.some((s) => nameKey(s) === nameKey(site))) {
    throw new UnknownName(`site inconnu « ${sanitizeTerminal(site)} ». Sites connus : ${known(sites)}`);
  }
  const serviceNames = knownServices(inventory, site);
  const keys = new Set(serviceNames.map(nameKey));
  const unknown = services.filter((s) => !keys.has(nameKey(s)));
  if (unknown.length > 0) {
    const list = unknown.map((s) => `« ${sanitizeTerminal(s)} »`).join(', ');
    throw new UnknownName(
      `service inconnu ${list} à ${sanitizeTerminal(site)}. Services connus à ${sanitizeTerminal(site)} : ${known(serviceNames)}`,
    );
  }
}
