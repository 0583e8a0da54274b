/**
 * zod schemas of everything the renderer may send. The main process validates every argument with these
 * before any handler runs (docs/architecture.md, rule "the bridge validates"). Views sent back are typed in views.ts (trusted: built by the core).
 */
import { z } from 'zod';
import { MAX_PROFILE_SERVICES, TEXT_LIMITS } from '../inventory/text-limits';
import { LANGUAGES } from '../i18n/format';
import { CANONICAL_HHMM } from '../text/hhmm';

export const CheckId = z.enum(['starts', 'transfers']);
export type CheckId = z.infer<typeof CheckId>;

export const CheckResult = z.enum(['ok', 'problem', 'na']);
export type CheckResult = z.infer<typeof CheckResult>;

const RunId = z.string().min(1).max(100);
const AppName = z.string().min(1).max(TEXT_LIMITS.application);
const Hhmm = z.string().regex(CANONICAL_HHMM);

export const SetCheckInput = z.strictObject({
  runId: RunId,
  application: AppName,
  check: CheckId,
  /** null clears the answer. */
  result: CheckResult.nullable(),
  comment: z.string().max(2000).optional(),
});
export type SetCheckInput = z.infer<typeof SetCheckInput>;

export const RestartInput = z.strictObject({
  runId: RunId,
  application: AppName,
  check: CheckId,
  /** Did closing and restarting the application fix it? */
  fixed: z.boolean(),
});
export type RestartInput = z.infer<typeof RestartInput>;

export const GuidanceInput = z.strictObject({
  runId: RunId,
  application: AppName,
});
export type GuidanceInput = z.infer<typeof GuidanceInput>;

export const SubmitInput = z.strictObject({
  runId: RunId,
  /** Initials or name of the person: ward PCs often share one Windows account. */
  initials: z.string().trim().min(1).max(60),
});
export type SubmitInput = z.infer<typeof SubmitInput>;

export const ReminderSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('day-before'), at: Hhmm }),
  z.strictObject({
    kind: z.literal('before'),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  }),
]);

export const ServiceHoursSchema = z.strictObject({
  twentyFourSeven: z.boolean(),
  shiftStarts: z.array(Hhmm).max(6),
});

export const Language = z.enum(LANGUAGES);

/** What a user may change. Keys fixed by IT policy are refused by the core (SettingsView.locked). */
export const SettingsPatch = z.strictObject({
  site: z.string().min(1).max(TEXT_LIMITS.place).nullable().optional(),
  services: z.array(z.string().min(1).max(TEXT_LIMITS.place)).max(MAX_PROFILE_SERVICES).optional(),
  serviceHours: z.record(z.string().max(TEXT_LIMITS.place), ServiceHoursSchema).optional(),
  reminders: z.array(ReminderSpecSchema).max(6).optional(),
  language: Language.optional(),
  /** Local path, UNC path (\\serveur\partage\inventaire.xlsx) or https URL; null = embedded inventory. */
  inventorySource: z.string().min(1).max(1000).nullable().optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** "J'ai pris connaissance": initials are optional (a shared ward PC), so an empty string is accepted. */
export const AcknowledgeBannerInput = z.strictObject({
  key: z.string().min(1).max(600),
  initials: z.string().trim().max(60),
});
export type AcknowledgeBannerInput = z.infer<typeof AcknowledgeBannerInput>;

export const GetChecklistInput = RunId.optional();
/** Links the renderer may ask to open: https only (the core also checks IT's host allowlist). */
export const LinkInput = z
  .string()
  .max(2000)
  .regex(/^https:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i, 'https:// link expected');
