/**
 * The one bridge contract (docs/architecture.md, rule 3). `window.vigie` in the renderer implements VigieApi; the core
 * implements VigieCoreApi (same methods, minus subscriptions); the shell and the Playwright bridge connect them
 * through INVOKE_CHANNELS with the arguments validated by INPUT_SCHEMAS.
 */
import { z } from 'zod';
import {
  AcknowledgeBannerInput,
  GetChecklistInput,
  GuidanceInput,
  LinkInput,
  RestartInput,
  SetCheckInput,
  SettingsPatch,
  SubmitInput,
} from './schemas';
import type { InvokeMethod } from './channels';
import type { BannerView, ChecklistView, GuidanceView, SettingsView, StatusView } from './views';

export interface VigieCoreApi {
  getStatus(): Promise<StatusView>;
  /** The given run, or the pending one when runId is omitted; null when none. */
  getChecklist(runId?: string): Promise<ChecklistView | null>;
  setCheck(input: SetCheckInput): Promise<ChecklistView>;
  recordRestart(input: RestartInput): Promise<ChecklistView>;
  submitChecklist(input: SubmitInput): Promise<ChecklistView>;
  getGuidance(input: GuidanceInput): Promise<GuidanceView>;
  getSettings(): Promise<SettingsView>;
  saveSettings(patch: SettingsPatch): Promise<SettingsView>;
  syncNow(): Promise<StatusView>;
  /** Writes the upcoming windows as .ics; returns where. */
  exportCalendar(): Promise<{ path: string }>;
  /** Opens an allowlisted https link in the default browser. */
  openLink(url: string): Promise<void>;
  /** The banner to show now on this workstation, or null (none due, or acknowledged). */
  getBanner(): Promise<BannerView | null>;
  /** "J'ai pris connaissance": closes the banner on this workstation. Idempotent; an unknown or ended key is refused. */
  acknowledgeBanner(input: AcknowledgeBannerInput): Promise<void>;
}

export interface VigieApi extends VigieCoreApi {
  /** Called with the new status whenever the core's state changes. Returns an unsubscribe function. */
  onStateChanged(listener: (status: StatusView) => void): () => void;
}

/** Argument tuples accepted per method; anything else is rejected before a handler runs. */
export const INPUT_SCHEMAS = {
  getStatus: z.tuple([]),
  getChecklist: z.union([z.tuple([]), z.tuple([GetChecklistInput])]),
  setCheck: z.tuple([SetCheckInput]),
  recordRestart: z.tuple([RestartInput]),
  submitChecklist: z.tuple([SubmitInput]),
  getGuidance: z.tuple([GuidanceInput]),
  getSettings: z.tuple([]),
  saveSettings: z.tuple([SettingsPatch]),
  syncNow: z.tuple([]),
  exportCalendar: z.tuple([]),
  openLink: z.tuple([LinkInput]),
  getBanner: z.tuple([]),
  acknowledgeBanner: z.tuple([AcknowledgeBannerInput]),
} satisfies Record<InvokeMethod, z.ZodType<unknown[]>>;

/** A failure the user should read: `message` is French/English text, never a stack. */
export interface BridgeError {
  code: 'invalid-input' | 'forbidden' | 'not-found' | 'locked' | 'failed';
  message: string;
}
