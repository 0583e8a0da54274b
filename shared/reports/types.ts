/**
 * The verification report a workstation drops on the reports share after a checklist (issue 5). Versioned JSON,
 * validated by the fleet report on read: files on a share come from thousands of PCs and several app versions, so
 * nothing read back is trusted. Objects are not strict: a later v1 may add fields without breaking older readers.
 */
import { z } from 'zod';
import { MAX_PROFILE_SERVICES, TEXT_LIMITS } from '../inventory/text-limits';

export const REPORT_FORMAT = 'vigie-report';
export const REPORT_VERSION = 1;

const Text = (max: number) => z.string().max(max);
/** An instant with its offset ("2026-12-02T02:00:00-05:00") or in UTC ("…Z"). */
const Instant = z.iso.datetime({ offset: true });

export const ReportCheckId = z.enum(['starts', 'transfers']);
export const ReportCheckResult = z.enum(['ok', 'problem', 'na']);
export const ReportRestart = z.enum(['fixed', 'not-fixed']);

export const ContactAdvisedSchema = z.object({
  name: Text(TEXT_LIMITS.contactName),
  phone: Text(TEXT_LIMITS.phone).nullable(),
  url: Text(TEXT_LIMITS.url).nullable(),
});
export type ContactAdvised = z.infer<typeof ContactAdvisedSchema>;

export const ReportCheckSchema = z.object({
  id: ReportCheckId,
  /** null: left unanswered when the checklist was submitted. */
  result: ReportCheckResult.nullable(),
  comment: Text(4000),
  /** Only meaningful for a problem: did closing and restarting the application fix it? */
  restart: ReportRestart.nullable(),
  /** Whom Vigie told the person to call, when it did. */
  contactAdvised: ContactAdvisedSchema.nullable(),
});

export const ReportItemSchema = z.object({
  application: Text(TEXT_LIMITS.application).min(1),
  service: Text(TEXT_LIMITS.place),
  checks: z.array(ReportCheckSchema).max(10),
});
export type ReportItem = z.infer<typeof ReportItemSchema>;

/**
 * "J'ai pris connaissance" on this workstation's banner for the window (issue 12): when, where, and the initials
 * typed (optional on a shared PC, so possibly empty).
 */
export const ReportAcknowledgementSchema = z.object({
  at: Instant,
  workstation: Text(253),
  initials: Text(60),
});
export type ReportAcknowledgement = z.infer<typeof ReportAcknowledgementSchema>;

export const VerificationReportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  version: z.literal(REPORT_VERSION),
  reportId: z.uuid(),
  /** Hostname of the PC. */
  workstation: Text(253).min(1),
  /** Windows account that was logged in (ward PCs often share one). */
  userAccount: Text(256),
  /** Initials or name typed by the person who verified. */
  initials: Text(60),
  site: Text(TEXT_LIMITS.place),
  services: z.array(Text(TEXT_LIMITS.place)).max(MAX_PROFILE_SERVICES),
  window: z.object({ start: Instant, end: Instant }),
  submittedAt: Instant,
  /** When this report record was built (normally the submission itself). */
  createdAt: Instant,
  appVersion: Text(50),
  items: z.array(ReportItemSchema).max(1000),
  /** Added in issue 12; optional so that reports written before it stay valid. null: the banner was not acknowledged. */
  acknowledgement: ReportAcknowledgementSchema.nullable().optional(),
});
export type VerificationReport = z.infer<typeof VerificationReportSchema>;
