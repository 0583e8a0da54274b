/**
 * An unplanned outage notice (issue 13, "Unplanned outage notices"; docs/deployment.md, "Avis de panne"): one small
 * versioned JSON file per notice in IT's notices folder, written by `notice publish` and read by every workstation.
 * Files on a share are hostile until proven otherwise: the size is bounded before parsing and every field is
 * validated here, by the writer (the CLI) and the readers (the watcher, `notice list`, `simulate --notices`) alike.
 */
import { z } from 'zod';
import { MAX_PROFILE_SERVICES, TEXT_LIMITS } from '../inventory/text-limits';

export const NOTICE_FORMAT = 'vigie-notice';
export const NOTICE_VERSION = 1;
/** A notice is a few hundred bytes; anything bigger than this is refused unread. */
export const MAX_NOTICE_BYTES = 16 * 1024;
/** What a ward reads in a toast: long enough for a sentence or two, short enough for a toast. */
export const MAX_NOTICE_MESSAGE = 500;
const MAX_NOTICE_APPLICATIONS = 50;

/** An instant with its offset ("2026-12-02T14:00:00-05:00") or in UTC. */
const Instant = z.iso.datetime({ offset: true });
/**
 * Texts shown in a toast, the tray and IT's terminal are one line without control or bidirectional-override
 * characters: a notice cannot fake a second line, move a terminal's cursor or reverse a name (the same class of
 * characters electron/cli/terminal.ts removes from inventory texts).
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const Line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((t) => !CONTROLS.test(t), 'caractère de contrôle ou saut de ligne interdit');
const Place = Line(TEXT_LIMITS.place);

export const NoticeSchema = z
  .object({
    format: z.literal(NOTICE_FORMAT),
    version: z.literal(NOTICE_VERSION),
    id: z.uuid(),
    site: Place,
    /** Empty = every service of the site. */
    services: z.array(Place).max(MAX_PROFILE_SERVICES),
    /** Empty = every application of the targeted services. */
    applications: z.array(Line(TEXT_LIMITS.application)).max(MAX_NOTICE_APPLICATIONS),
    message: Line(MAX_NOTICE_MESSAGE),
    /** When the outage began; absent = at publication. */
    from: Instant.optional(),
    /** When IT expects it to end; absent = until `notice end`. */
    until: Instant.optional(),
    /** Set by `notice end`: the outage is over. */
    endedAt: Instant.optional(),
    publishedAt: Instant,
    /** Who published it (the Windows account running the command). */
    publisher: z
      .string()
      .max(256)
      .refine((t) => !CONTROLS.test(t), 'caractère de contrôle interdit'),
  })
  .refine((n) => n.until === undefined || Date.parse(n.until) > Date.parse(n.from ?? n.publishedAt), {
    message: 'until doit être après from (ou la publication)',
    path: ['until'],
  });
export type Notice = z.infer<typeof NoticeSchema>;

/** `avis-<id>.json`: the name carries the id, so two files can never claim the same notice. */
const FILE_NAME = /^avis-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/i;

export function noticeFileName(id: string): string {
  return `avis-${id.toLowerCase()}.json`;
}

/** The id a notice file name announces, or null for any other file (temporary files, notes, Thumbs.db…). */
export function noticeIdOfFile(name: string): string | null {
  return FILE_NAME.exec(name)?.[1]?.toLowerCase() ?? null;
}

export type NoticeRead = { ok: true; notice: Notice } | { ok: false; reason: string };

/**
 * Validates a notice file's text (already bounded by the caller). `fileId` is the id its name announces: a file
 * whose content names another notice is refused (a copy renamed by hand must not shadow the real one).
 */
export function readNotice(text: string, fileId: string | null): NoticeRead {
  if (text.length > MAX_NOTICE_BYTES)
    return { ok: false, reason: `fichier trop gros (plus de ${MAX_NOTICE_BYTES} octets)` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'JSON illisible' };
  }
  const parsed = NoticeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')} : ` : '';
    return { ok: false, reason: `avis non valide (${where}${issue?.message ?? 'format inconnu'})` };
  }
  if (fileId !== null && parsed.data.id.toLowerCase() !== fileId) {
    return { ok: false, reason: `l'identifiant ${parsed.data.id} ne correspond pas au nom du fichier` };
  }
  return { ok: true, notice: parsed.data };
}

/** When the outage began as the wards see it: `from`, never before publication (nobody could know earlier). */
export function noticeStart(notice: Notice): number {
  const published = Date.parse(notice.publishedAt);
  return notice.from === undefined ? published : Math.max(Date.parse(notice.from), published);
}

/** When it ends: the earlier of `notice end` and `until`; null while open-ended. */
export function noticeEnd(notice: Notice): number | null {
  const ends = [notice.endedAt, notice.until].filter((t): t is string => t !== undefined).map((t) => Date.parse(t));
  return ends.length === 0 ? null : Math.min(...ends);
}
