/**
 * Vigie's own JSON inventory format ("vigie-inventory", version 1), for IT tools that would rather not produce
 * a spreadsheet. Schedules travel as the text people type and are re-parsed on import, so the JSON never
 * depends on the parser's internal Rule shape. Each entry is validated on its own: a bad entry is skipped
 * with an error (row = index + 1, column = field), like a bad spreadsheet row.
 */
import { z } from 'zod';
import { buildApplications, type RawApplication } from './applications';
import type { ApplicationColumn } from './columns';
import { ACTION_LABELS, buildExceptions, type ExceptionField } from './exceptions';
import { appendProblems } from './limits';
import type {
  CalendarException,
  ContactRule,
  HostMapping,
  ImportProblem,
  ImportResult,
  Inventory,
  ServiceInfo,
} from './model';
import { CANONICAL_HHMM } from '../text/hhmm';
import { parseCalendarDate } from './text';

export const INVENTORY_JSON_FORMAT = 'vigie-inventory';
export const INVENTORY_JSON_VERSION = 1;

const Hhmm = z.string().regex(CANONICAL_HHMM, { error: 'heure attendue au format HH:MM (ex. 07:00)' });
const IsoDate = z.string().refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && parseCalendarDate(text) === text, {
  error: 'date attendue au format AAAA-MM-JJ (ex. 2018-09-28)',
});
const NonEmpty = z.string().trim().min(1, { error: 'ne doit pas être vide' });
const OptionalText = z.string().nullable().default(null);

export const ApplicationJsonSchema = z.object({
  direction: z.string().default(''),
  site: z.string().default(''),
  service: z.string(),
  application: z.string(),
  /** The "Plage de maintenance" text, e.g. "1er mercredi 2h-4h". */
  schedule: z.string(),
  comment: z
    .string()
    .nullable()
    .default('')
    .transform((text) => text ?? ''),
  /** The "Consigne pour l'unité": what wards read (docs/inventory-format.md, section 6). */
  consigne: z.string().nullable().optional(),
  /** Omitted or null → inferred from the comment (see exchangesData). */
  transfers: z.boolean().nullable().optional(),
});

export const ServiceJsonSchema = z.object({
  site: z.string().default(''),
  service: NonEmpty,
  twentyFourSeven: z.boolean(),
  shiftStarts: z.array(Hhmm).default([]),
  urgencePilote: z.boolean().default(false),
  continuityPlanUrl: OptionalText,
});

export const ContactJsonSchema = z.object({
  id: z.string().min(1).optional(),
  date: IsoDate.nullable().default(null),
  site: OptionalText,
  service: OptionalText,
  from: Hhmm,
  to: Hhmm,
  urgencePilote: z.boolean().nullable().default(null),
  contact: z.object({
    name: NonEmpty,
    phone: OptionalText,
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/i, { error: 'adresse https://… attendue' })
      .nullable()
      .default(null),
    note: OptionalText,
  }),
});

/**
 * An Exceptions row (docs/inventory-format.md §6): the same texts as the sheet's cells, checked by the same rules
 * (shared/inventory/exceptions.ts); dates as AAAA-MM-JJ.
 */
export const ExceptionJsonSchema = z.object({
  site: OptionalText,
  service: OptionalText,
  application: OptionalText,
  from: IsoDate,
  to: IsoDate.nullable().default(null),
  /** "annulée", "reportée" or "ajoutée". */
  action: z.string(),
  /** "17 décembre 2026 2h-4h" for a move or an addition. */
  newWindow: OptionalText,
  reason: OptionalText,
});

export const HostJsonSchema = z.object({
  pattern: z.string().regex(/^\S+$/, { error: 'nom de poste sans espace attendu (ex. HMR-URG-*)' }),
  site: NonEmpty,
  services: z.array(z.string()).default([]),
});

/** The whole document, for documentation and tools (the importer validates entry by entry). */
export const InventoryJsonSchema = z.object({
  format: z.literal(INVENTORY_JSON_FORMAT),
  version: z.literal(INVENTORY_JSON_VERSION),
  publishedAt: IsoDate.nullable().default(null),
  applications: z.array(ApplicationJsonSchema),
  services: z.array(ServiceJsonSchema).optional(),
  contacts: z.array(ContactJsonSchema).optional(),
  hosts: z.array(HostJsonSchema).optional(),
  exceptions: z.array(ExceptionJsonSchema).optional(),
});
export type InventoryJson = z.output<typeof InventoryJsonSchema>;

const EXPECTED: Record<string, string> = {
  string: 'un texte',
  boolean: 'true ou false',
  array: 'une liste',
  object: 'un objet',
  number: 'un nombre',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A zod issue in French, for the person who wrote the file. */
function frenchIssue(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'invalid_type') {
    if (valueAt(input, issue.path) === undefined) return 'champ obligatoire manquant';
    return `${EXPECTED[issue.expected] ?? 'une autre valeur'} attendu`;
  }
  if (issue.code === 'invalid_value')
    return `valeur attendue : ${issue.values.map((v) => JSON.stringify(v)).join(' ou ')}`;
  // Our own messages (regex, refine, min) are already French; zod's defaults are not.
  return /^Invalid|^Too|^Expected/.test(issue.message) ? 'valeur invalide' : issue.message;
}

function entryProblems(error: z.ZodError, input: unknown, row: number, where: string): ImportProblem[] {
  return error.issues.map((issue) => {
    const column = issue.path.map(String).join('.') || null;
    return {
      row,
      column,
      severity: 'error' as const,
      message: `${where} ${row}${column ? `, champ « ${column} »` : ''} : ${frenchIssue(issue, input)}. Élément ignoré.`,
    };
  });
}

function readEntries<S extends z.ZodType>(
  value: unknown,
  schema: S,
  field: string,
  problems: ImportProblem[],
): { index: number; entry: z.output<S> }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({
      row: null,
      column: field,
      severity: 'error',
      message: `Le champ « ${field} » doit être une liste : ignoré.`,
    });
    return [];
  }
  const result: { index: number; entry: z.output<S> }[] = [];
  value.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) result.push({ index, entry: parsed.data });
    else appendProblems(problems, entryProblems(parsed.error, item, index + 1, `« ${field} », élément`));
  });
  return result;
}

function fail(message: string, problems: ImportProblem[] = []): ImportResult {
  return {
    ok: false,
    format: 'json',
    problems: [...problems, { row: null, column: null, severity: 'error', message }],
  };
}

/** An already-parsed JSON value → Inventory (or a failure). Never throws. */
export function inventoryFromJson(value: unknown): ImportResult {
  const doc =
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (doc === null || doc.format !== INVENTORY_JSON_FORMAT) {
    return fail(
      `Ce fichier JSON n’est pas un inventaire Vigie (il doit commencer par "format": "${INVENTORY_JSON_FORMAT}").`,
    );
  }
  if (doc.version !== INVENTORY_JSON_VERSION) {
    return fail(
      `Version ${JSON.stringify(doc.version ?? null)} du format d’inventaire non prise en charge ` +
        `(version attendue : ${INVENTORY_JSON_VERSION}).`,
    );
  }
  if (!Array.isArray(doc.applications)) {
    return fail('Champ « applications » manquant : une liste d’applications est attendue.');
  }
  if (doc.applications.length === 0) return fail('La liste « applications » est vide.');

  const problems: ImportProblem[] = [];
  let publishedAt: string | null = null;
  const date = IsoDate.nullable().optional().safeParse(doc.publishedAt);
  if (date.success) publishedAt = date.data ?? null;
  else {
    problems.push({
      row: null,
      column: 'publishedAt',
      severity: 'warning',
      message: 'Champ « publishedAt » : date attendue au format AAAA-MM-JJ (ex. 2018-09-28) ; ignoré.',
    });
  }

  const raws: RawApplication[] = readEntries(doc.applications, ApplicationJsonSchema, 'applications', problems).map(
    ({ index, entry }) => ({
      reportRow: index + 1,
      sourceRow: null,
      direction: entry.direction,
      site: entry.site,
      service: entry.service,
      application: entry.application,
      schedule: entry.schedule,
      comment: entry.comment,
      consigne: entry.consigne ?? '',
      transfers: entry.transfers ?? null,
    }),
  );
  const names: Record<ApplicationColumn, string> = {
    direction: 'direction',
    site: 'site',
    service: 'service',
    application: 'application',
    schedule: 'schedule',
    comment: 'comment',
    consigne: 'consigne',
    transfers: 'transfers',
  };
  const built = buildApplications(raws, { names, warnEmptySite: true, rowName: (row) => `l’élément ${row}` });
  appendProblems(problems, built.problems);
  if (built.applications.length === 0) {
    return fail('Aucune application valide dans le fichier JSON : voir les erreurs ci-dessus.', problems);
  }

  const services: ServiceInfo[] = readEntries(doc.services, ServiceJsonSchema, 'services', problems).map((e) => ({
    ...e.entry,
    shiftStarts: [...new Set(e.entry.shiftStarts)].sort(),
  }));
  const contacts: ContactRule[] = readEntries(doc.contacts, ContactJsonSchema, 'contacts', problems).map(
    ({ index, entry }) => ({ ...entry, id: entry.id ?? `contact-${index + 1}` }),
  );
  const hosts: HostMapping[] = readEntries(doc.hosts, HostJsonSchema, 'hosts', problems).map((e) => e.entry);
  const exceptionFields: Record<ExceptionField, string> = {
    site: 'site',
    service: 'service',
    application: 'application',
    from: 'from',
    to: 'to',
    action: 'action',
    newWindow: 'newWindow',
    reason: 'reason',
  };
  const exceptions = buildExceptions(
    readEntries(doc.exceptions, ExceptionJsonSchema, 'exceptions', problems).map(({ index, entry }) => ({
      row: index + 1,
      site: entry.site ?? '',
      service: entry.service ?? '',
      application: entry.application ?? '',
      from: entry.from,
      to: entry.to ?? '',
      action: entry.action,
      newWindow: entry.newWindow ?? '',
      reason: entry.reason ?? '',
    })),
    (field) => exceptionFields[field],
    (row, column, severity, text) =>
      problems.push({ row, column, severity, message: `« exceptions », élément ${row ?? '?'} : ${text}` }),
  );
  const inventory: Inventory = {
    publishedAt,
    applications: built.applications,
    services,
    contacts,
    hosts,
    ...(exceptions.length > 0 ? { exceptions } : {}),
  };
  return { ok: true, format: 'json', inventory, problems };
}

/** An Inventory → the JSON format (so IT can convert a spreadsheet once and publish JSON). */
export function inventoryToJson(inventory: Inventory): InventoryJson {
  return {
    format: INVENTORY_JSON_FORMAT,
    version: INVENTORY_JSON_VERSION,
    publishedAt: inventory.publishedAt,
    applications: inventory.applications.map((app) => ({
      direction: app.direction,
      site: app.site,
      service: app.service,
      application: app.application,
      schedule: app.scheduleText,
      comment: app.comment,
      ...(app.consigne ? { consigne: app.consigne } : {}),
      ...(app.transfers === null ? {} : { transfers: app.transfers }),
    })),
    services: inventory.services.map((s) => ({ ...s, shiftStarts: [...s.shiftStarts] })),
    contacts: inventory.contacts.map((c) => ({ ...c, contact: { ...c.contact } })),
    hosts: inventory.hosts.map((h) => ({ ...h, services: [...h.services] })),
    ...(inventory.exceptions?.length ? { exceptions: inventory.exceptions.map(exceptionToJson) } : {}),
  };
}

function exceptionToJson(e: CalendarException): NonNullable<InventoryJson['exceptions']>[number] {
  return {
    site: e.site,
    service: e.service,
    application: e.application,
    from: e.from,
    to: e.to,
    action: ACTION_LABELS[e.action],
    newWindow: e.newWindow?.text ?? null,
    reason: e.reason === '' ? null : e.reason,
  };
}
