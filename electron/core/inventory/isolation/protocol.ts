/**
 * The messages between Vigie and the separate process that parses an untrusted inventory or side file (docs/
 * deployment.md, "Fichier refusé"). Whatever comes back is checked against these schemas before it is trusted: a
 * child that was fed a hostile file may answer anything.
 */
import { z } from 'zod';
import type { ImportResult } from '../../../../shared/inventory/model';
import type { SideTableImport } from '../import';

export type ParseKind = 'inventory' | 'side';

export interface ParseRequest {
  id: string;
  kind: ParseKind;
  fileName: string;
  bytes: Uint8Array;
}

const Format = z.enum(['csv', 'xlsx', 'json']);
/** A crash of Vigie's own parser kept with the problem (shared/schedule/types.ts InternalError). */
const InternalError = z.object({ name: z.string(), message: z.string(), stack: z.string().nullable() });
const Problem = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  internalError: InternalError.optional(),
});
const Time = z.object({ hour: z.number().int().min(0).max(24), minute: z.number().int().min(0).max(59) });
const Range = z.object({ start: Time, end: Time });
const Weekday = z.number().int().min(1).max(7);
const Zone = z.string().optional();
const Rule = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('monthly'),
    ordinals: z.array(z.number().int().min(-1).max(5)),
    weekday: Weekday,
    offsetDays: z.number().int(),
    time: Range,
    zone: Zone,
  }),
  z.object({ kind: z.literal('weekly'), weekdays: z.array(Weekday), time: Range, zone: Zone }),
  z.object({
    kind: z.literal('once'),
    date: z.object({ year: z.number().int(), month: z.number().int(), day: z.number().int() }),
    time: Range,
    zone: Zone,
  }),
]);
const Schedule = z.discriminatedUnion('status', [
  z.object({ status: z.literal('scheduled'), raw: z.string(), rule: Rule }),
  z.object({ status: z.literal('not-affected'), raw: z.string() }),
  z.object({ status: z.literal('to-be-determined'), raw: z.string() }),
  z.object({
    status: z.literal('unrecognized'),
    raw: z.string(),
    message: z.string(),
    internalError: InternalError.optional(),
  }),
]);
const Application = z.object({
  row: z.number().int().nullable(),
  direction: z.string(),
  site: z.string(),
  service: z.string(),
  application: z.string(),
  scheduleText: z.string(),
  schedule: Schedule,
  comment: z.string(),
  consigne: z.string().optional(),
  transfers: z.boolean().nullable(),
});
const Service = z.object({
  site: z.string(),
  service: z.string(),
  twentyFourSeven: z.boolean(),
  shiftStarts: z.array(z.string()),
  urgencePilote: z.boolean(),
  continuityPlanUrl: z.string().nullable(),
});
const ContactRule = z.object({
  id: z.string(),
  date: z.string().nullable(),
  site: z.string().nullable(),
  service: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  urgencePilote: z.boolean().nullable(),
  contact: z.object({
    name: z.string(),
    phone: z.string().nullable(),
    url: z.string().nullable(),
    note: z.string().nullable(),
  }),
});
const Host = z.object({ pattern: z.string(), site: z.string(), services: z.array(z.string()) });
const OnceRule = Rule.options[2];
const CalendarException = z.object({
  row: z.number().int().nullable(),
  site: z.string().nullable(),
  service: z.string().nullable(),
  application: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  action: z.enum(['cancelled', 'moved', 'added']),
  newWindow: z.object({ text: z.string(), rule: OnceRule }).nullable(),
  reason: z.string(),
});

export const ImportResultSchema: z.ZodType<ImportResult> = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    format: Format,
    inventory: z.object({
      publishedAt: z.string().nullable(),
      applications: z.array(Application),
      services: z.array(Service),
      contacts: z.array(ContactRule),
      hosts: z.array(Host),
      exceptions: z.array(CalendarException).optional(),
    }),
    problems: z.array(Problem),
  }),
  z.object({ ok: z.literal(false), format: Format.nullable(), problems: z.array(Problem) }),
]) as unknown as z.ZodType<ImportResult>;

export const SideTableImportSchema: z.ZodType<SideTableImport> = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    format: z.enum(['csv', 'xlsx']),
    table: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('services'), rows: z.array(Service) }),
      z.object({ kind: z.literal('contacts'), rows: z.array(ContactRule) }),
      z.object({ kind: z.literal('hosts'), rows: z.array(Host) }),
      z.object({ kind: z.literal('exceptions'), rows: z.array(CalendarException) }),
    ]),
    problems: z.array(Problem),
  }),
  z.object({ ok: z.literal(false), format: Format.nullable(), problems: z.array(Problem) }),
]);

/** The child's answer: the result of the request `id`, or why its parser threw (a bug, not a hostile file). */
export const ParseReplySchema = z.union([
  z.object({ ready: z.literal(true) }),
  z.object({ id: z.string(), result: z.unknown() }),
  z.object({ id: z.string(), error: z.string() }),
]);
