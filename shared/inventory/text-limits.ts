/**
 * One length policy for the inventory's texts, from the import to the report on the share (issue 9: "texts from the
 * inventory never block a submission"). An application name of 400 characters used to be imported whole, then
 * refused by the report schema at every submit: the checklist could never be sent. Now the import shortens any
 * longer text to these limits, with a warning naming the row, and the report schema (shared/reports/types.ts) and
 * the bridge's input schemas (shared/ipc/schemas.ts) accept exactly these lengths.
 */
import type { ImportProblem, Inventory } from './model';
import type { SideTable } from './side-tables';

export const TEXT_LIMITS = {
  /** An application's name. */
  application: 300,
  /** A site, service or direction name. */
  place: 200,
  /** A contact's name (Contacts table), as written into a report's "contactAdvised". */
  contactName: 300,
  phone: 100,
  url: 2000,
  /** The "Motif" of an Exceptions row, shown in toasts and the status window. */
  reason: 500,
  /** The "Consigne pour l'unité", read by the wards: a few sentences, not a document. */
  consigne: 2000,
} as const;

/** Services one workstation can belong to (a Postes row, the settings, a report). */
export const MAX_PROFILE_SERVICES = 20;

const ELLIPSIS = '…';

/**
 * `text` cut to at most `max` UTF-16 units — the length zod and JavaScript count — ending with "…", without
 * splitting a surrogate pair (an emoji is kept whole or dropped whole).
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // a high surrogate whose pair would be cut off
  return text.slice(0, end) + ELLIPSIS;
}

type Warn = (row: number | null, what: string, max: number) => void;

function fit(text: string, max: number, row: number | null, what: string, warn: Warn): string {
  const short = shorten(text, max);
  if (short !== text) warn(row, what, max);
  return short;
}

function fitNullable(text: string | null, max: number, row: number | null, what: string, warn: Warn): string | null {
  return text === null ? null : fit(text, max, row, what, warn);
}

function limitServices(table: SideTable, warn: Warn): SideTable {
  const P = TEXT_LIMITS.place;
  switch (table.kind) {
    case 'services':
      return {
        kind: 'services',
        rows: table.rows.map((s) => ({
          ...s,
          site: fit(s.site, P, null, 'Site (table Services)', warn),
          service: fit(s.service, P, null, 'Service (table Services)', warn),
        })),
      };
    case 'contacts':
      return {
        kind: 'contacts',
        rows: table.rows.map((c) => ({
          ...c,
          site: fitNullable(c.site, P, null, 'Site (table Contacts)', warn),
          service: fitNullable(c.service, P, null, 'Service (table Contacts)', warn),
          contact: {
            ...c.contact,
            name: fit(c.contact.name, TEXT_LIMITS.contactName, null, 'Contact', warn),
            phone: fitNullable(c.contact.phone, TEXT_LIMITS.phone, null, 'Téléphone', warn),
            url: fitNullable(c.contact.url, TEXT_LIMITS.url, null, 'Lien', warn),
          },
        })),
      };
    case 'hosts':
      return {
        kind: 'hosts',
        rows: table.rows.map((h) => {
          if (h.services.length > MAX_PROFILE_SERVICES) {
            warn(null, `Services du poste « ${h.pattern} » (au plus ${MAX_PROFILE_SERVICES})`, MAX_PROFILE_SERVICES);
          }
          return {
            ...h,
            site: fit(h.site, P, null, 'Site (table Postes)', warn),
            services: h.services
              .slice(0, MAX_PROFILE_SERVICES)
              .map((s) => fit(s, P, null, 'Service (table Postes)', warn)),
          };
        }),
      };
    case 'exceptions':
      // Already within the limits, row by row, when read (shared/inventory/exceptions.ts).
      return table;
  }
}

/** Warnings are counted per kind of text: a file of 20,000 long names gives a handful of lines, not 20,000. */
function collector(): { warn: Warn; problems: () => ImportProblem[] } {
  const seen = new Map<string, { first: number | null; count: number; max: number }>();
  return {
    warn(row, what, max) {
      const known = seen.get(what);
      if (known) known.count += 1;
      else seen.set(what, { first: row, count: 1, max });
    },
    problems: () =>
      [...seen].map(([what, { first, count, max }]) => ({
        row: first,
        column: null,
        severity: 'warning' as const,
        message:
          `${what} : texte de plus de ${max} caractères, raccourci` +
          (count > 1 ? ` (${count} lignes, la première indiquée).` : '.'),
      })),
  };
}

/** The inventory with every text within TEXT_LIMITS, and one warning per kind of text that had to be shortened. */
export function limitInventoryTexts(inventory: Inventory): { inventory: Inventory; problems: ImportProblem[] } {
  const { warn, problems } = collector();
  const P = TEXT_LIMITS.place;
  const applications = inventory.applications.map((a) => {
    const application = fit(a.application, TEXT_LIMITS.application, a.row, 'Nom d’application', warn);
    const site = fit(a.site, P, a.row, 'Site', warn);
    const service = fit(a.service, P, a.row, 'Service', warn);
    const direction = fit(a.direction, P, a.row, 'Direction', warn);
    const consigne =
      a.consigne === undefined
        ? undefined
        : fit(a.consigne, TEXT_LIMITS.consigne, a.row, 'Consigne pour l’unité', warn);
    // Unchanged rows keep their object (the import shares repeated texts; see applications.ts).
    return application === a.application &&
      site === a.site &&
      service === a.service &&
      direction === a.direction &&
      consigne === a.consigne
      ? a
      : { ...a, application, site, service, direction, ...(consigne === undefined ? {} : { consigne }) };
  });
  const services = limitServices({ kind: 'services', rows: inventory.services }, warn).rows as Inventory['services'];
  const contacts = limitServices({ kind: 'contacts', rows: inventory.contacts }, warn).rows as Inventory['contacts'];
  const hosts = limitServices({ kind: 'hosts', rows: inventory.hosts }, warn).rows as Inventory['hosts'];
  return { inventory: { ...inventory, applications, services, contacts, hosts }, problems: problems() };
}

/** The same policy for a side table published as its own file. */
export function limitSideTableTexts(table: SideTable): { table: SideTable; problems: ImportProblem[] } {
  const { warn, problems } = collector();
  return { table: limitServices(table, warn), problems: problems() };
}
