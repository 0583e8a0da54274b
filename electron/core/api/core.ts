/**
 * What the windows may ask the core (VigieCoreApi, shared/ipc/contract.ts). Arguments arrive already validated by
 * the dispatcher/shell (INPUT_SCHEMAS); everything here answers with plain JSON views, and every mutation calls
 * `onChange` so the agent re-plans and broadcasts the new state to the open windows.
 */
import { DateTime } from 'luxon';
import type { Inventory } from '../../../shared/inventory/model';
import { wardNote } from '../../../shared/inventory/ward-note';
import type { VigieCoreApi } from '../../../shared/ipc/contract';
import type {
  AcknowledgeBannerInput,
  RestartInput,
  SetCheckInput,
  SettingsPatch,
  SubmitInput,
  GuidanceInput,
} from '../../../shared/ipc/schemas';
import type { Lang } from '../../../shared/i18n/format';
import type {
  BannerView,
  ChecklistView,
  GuidanceView,
  InventoryStateView,
  SettingsView,
  StatusView,
  TrayState,
  WindowView,
} from '../../../shared/ipc/views';
import { applicationsOf, compareNames, currentWindow, windowsFor } from '../../../shared/planning';
import type { PlannedWindow, Profile } from '../../../shared/planning';
import type { ChecklistService, SubmitContext } from '../checklist/service';
import { messages } from '../checklist/messages';
import type { Clock } from '../clock';
import { defaultReportIdentity } from '../reports/build';
import type { EffectiveSettings } from '../settings/service';
import type { Logger, Store } from '../store';
import { silentLogger } from '../store';
import { CoreError, readBridgeError } from './errors';

/** How far ahead the status window and the calendar export look (issue 4: "the next windows (3 months)"). */
export const STATUS_MONTHS = 3;
const HISTORY_LIMIT = 12;

export interface VigieCoreDeps {
  clock: Clock;
  /** Used for the outbox count when `pendingReports` is not given. */
  store?: Pick<Store, 'outbox'>;
  sync: { current(): Inventory; state(): InventoryStateView; syncNow(): Promise<unknown> };
  settings: {
    effective(): EffectiveSettings;
    profile(): Profile | null;
    get(): SettingsView;
    save(patch: SettingsPatch): SettingsView;
    /** Problems of IT's machine policy (French); absent = none known. */
    policyProblems?(): { key: string | null; message: string }[];
  };
  checklists: ChecklistService;
  trayState: () => TrayState;
  /** Reports not yet on the share (ReportDelivery.pending()); default: the store's outbox. */
  pendingReports?: () => number;
  /** Outbox entries set aside as undeliverable (default: the store's count). */
  setAsideReports?: () => number;
  /** Who submits, for the report; default: this PC's hostname and Windows account, and `appVersion`. */
  submitContext?: () => SubmitContext;
  appVersion?: string;
  /** Writes the windows as an .ics file and says where; absent = export not offered on this PC. */
  exportCalendar?: (windows: PlannedWindow[]) => Promise<{ path: string }>;
  /** Opens a browser (the shell's shell.openExternal). Only called for allowlisted https links. */
  openExternal: (url: string) => Promise<void>;
  /** Hosts openLink may open; default settings.effective().allowedLinkHosts. */
  allowedLinkHosts?: () => string[];
  /** The banner (electron/core/banner/); absent = no banner on this build (getBanner answers null). */
  banner?: {
    current(): BannerView | null;
    /** Throws a CoreError for an unknown or ended key. */
    acknowledge(input: AcknowledgeBannerInput): void;
  };
  onChange?: () => void;
  log?: Logger;
}

function iso(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

export function toWindowView(window: PlannedWindow): WindowView {
  return {
    start: iso(window.start),
    end: iso(window.end),
    services: [...window.services],
    applications: window.applications.map((a) => ({ ...a })),
    ...(window.exception ? { exception: { ...window.exception } } : {}),
    ...(window.cancelled
      ? { cancelled: { ...window.cancelled, movedTo: window.cancelled.movedTo ? iso(window.cancelled.movedTo) : null } }
      : {}),
  };
}

/** An inventory published more than `maxAgeMonths` before `now` (both read as local dates), or null. */
export function staleness(
  publishedAt: string | null,
  maxAgeMonths: number,
  now: DateTime,
): StatusView['inventoryStale'] {
  if (!publishedAt) return null;
  const published = DateTime.fromISO(publishedAt, { zone: now.zone });
  if (!published.isValid) return null;
  return published.plus({ months: maxAgeMonths }) < now.startOf('day') ? { publishedAt, maxAgeMonths } : null;
}

export class VigieCore implements VigieCoreApi {
  private readonly log: Logger;

  constructor(private readonly deps: VigieCoreDeps) {
    this.log = deps.log ?? silentLogger;
  }

  async getStatus(): Promise<StatusView> {
    const { clock, settings, sync, checklists } = this.deps;
    const now = clock.now();
    const effective = settings.effective();
    const profile = settings.profile();
    const inventory = sync.current();
    const windows = profile ? this.windows(inventory, profile, now) : [];
    const current = profile ? currentWindow(inventory, profile, now, clock.zone) : null;
    return {
      now: iso(now),
      language: effective.language,
      trayState: this.deps.trayState(),
      profile: profile ? { site: profile.site, services: [...profile.services] } : null,
      current: current ? toWindowView(current) : null,
      upcoming: windows.filter((w) => w.start.toMillis() > now.toMillis()).map(toWindowView),
      unscheduled: profile ? this.unscheduled(inventory, profile) : [],
      pendingChecklist: checklists.pendingRun(),
      verifiedElsewhere: checklists.verifiedElsewhere(),
      inventory: sync.state(),
      inventoryStale: staleness(inventory.publishedAt, effective.inventoryMaxAgeMonths, now),
      history: checklists.history(HISTORY_LIMIT),
      pendingReports: this.pendingReports(),
      setAsideReports: this.setAsideReports(),
      intranetUrl: effective.intranetUrl,
      policyProblems: (settings.policyProblems?.() ?? []).map((p) => ({ key: p.key, message: p.message })),
    };
  }

  async getChecklist(runId?: string): Promise<ChecklistView | null> {
    const { checklists } = this.deps;
    if (runId !== undefined) return checklists.get(runId);
    const pending = checklists.pendingRun();
    return pending ? checklists.get(pending.runId) : null;
  }

  async setCheck(input: SetCheckInput): Promise<ChecklistView> {
    return this.mutation(() => this.deps.checklists.setCheck(input));
  }

  async recordRestart(input: RestartInput): Promise<ChecklistView> {
    return this.mutation(() => this.deps.checklists.recordRestart(input));
  }

  async submitChecklist(input: SubmitInput): Promise<ChecklistView> {
    return this.mutation(() => this.deps.checklists.submit(input, this.submitContext()));
  }

  async verifyAgain(runId: string): Promise<ChecklistView> {
    return this.mutation(() => this.deps.checklists.verifyAgain(runId));
  }

  /** Decided with the clock of this very call: 06:55 → CDA, 07:05 → CSI. */
  async getGuidance(input: GuidanceInput): Promise<GuidanceView> {
    return this.deps.checklists.guidance(input.runId, input.application);
  }

  async getSettings(): Promise<SettingsView> {
    return this.deps.settings.get();
  }

  async saveSettings(patch: SettingsPatch): Promise<SettingsView> {
    const view = this.mutation(() => {
      try {
        return this.deps.settings.save(patch);
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        if (error instanceof Error && (code === 'locked' || code === 'invalid')) {
          throw new CoreError(code === 'locked' ? 'locked' : 'invalid-input', error.message);
        }
        throw error;
      }
    });
    if (patch.inventorySource !== undefined) {
      // A new source is looked at now rather than at the next poll; the window shows the outcome when it lands.
      this.deps.sync.syncNow().then(
        () => this.changed(),
        (error: unknown) => this.log.warn('api: sync after settings failed', { error: String(error) }),
      );
    }
    return view;
  }

  async syncNow(): Promise<StatusView> {
    await this.deps.sync.syncNow();
    this.changed();
    return this.getStatus();
  }

  async exportCalendar(): Promise<{ path: string }> {
    const text = this.text();
    const exporter = this.deps.exportCalendar;
    if (!exporter) throw new CoreError('failed', text.calendarUnavailable);
    const profile = this.deps.settings.profile();
    if (!profile) throw new CoreError('invalid-input', text.noProfile);
    const windows = this.windows(this.deps.sync.current(), profile, this.deps.clock.now());
    if (windows.length === 0) throw new CoreError('not-found', text.nothingToExport);
    try {
      return await exporter(windows);
    } catch (error) {
      if (readBridgeError(error)) throw error;
      this.log.error('api: calendar export failed', { error: error instanceof Error ? error.message : String(error) });
      throw new CoreError('failed', text.calendarFailed);
    }
  }

  /** Only https links to a host IT allowed (the Octopus form, the intranet guide). */
  async openLink(url: string): Promise<void> {
    const text = this.text();
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new CoreError('forbidden', text.forbiddenLink);
    }
    const allowed = (this.deps.allowedLinkHosts?.() ?? this.deps.settings.effective().allowedLinkHosts).map((h) =>
      h.trim().toLowerCase(),
    );
    // Credentials in a link ("https://intranet@evil.example") are a classic way to disguise the real host.
    if (
      parsed.protocol !== 'https:' ||
      parsed.username !== '' ||
      parsed.password !== '' ||
      !allowed.includes(parsed.hostname.toLowerCase())
    ) {
      this.log.warn('api: link refused', { host: parsed.hostname, protocol: parsed.protocol });
      throw new CoreError('forbidden', text.forbiddenLink);
    }
    try {
      await this.deps.openExternal(parsed.toString());
    } catch (error) {
      this.log.warn('api: openExternal failed', { error: error instanceof Error ? error.message : String(error) });
      throw new CoreError('failed', text.linkFailed);
    }
  }

  async getBanner(): Promise<BannerView | null> {
    return this.deps.banner?.current() ?? null;
  }

  async acknowledgeBanner(input: AcknowledgeBannerInput): Promise<void> {
    const banner = this.deps.banner;
    if (!banner) throw new CoreError('not-found', this.text().bannerGone);
    this.mutation(() => banner.acknowledge(input));
  }

  /**
   * The profile's windows overlapping [now, now + 3 months), the one in progress included, and the ones the
   * Exceptions table cancelled (shown with their motif; cancelled events in the .ics).
   */
  private windows(inventory: Inventory, profile: Profile, now: DateTime): PlannedWindow[] {
    const range = { from: now, to: now.plus({ months: STATUS_MONTHS }) };
    return windowsFor(inventory, profile, range, this.deps.clock.zone, { withCancelled: true });
  }

  private unscheduled(inventory: Inventory, profile: Profile): StatusView['unscheduled'] {
    const seen = new Set<string>();
    const out: StatusView['unscheduled'] = [];
    for (const { service, app } of applicationsOf(inventory, profile)) {
      const { schedule } = app;
      if (schedule.status === 'scheduled') continue;
      const application = app.application.trim();
      const key = `${service}\u0000${application}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const note = wardNote(app);
      out.push({
        service,
        application,
        status: schedule.status,
        scheduleText: app.scheduleText,
        comment: note.instructions,
        itDetails: note.itDetails,
      });
    }
    return out.sort((a, b) => compareNames(a.service, b.service) || compareNames(a.application, b.application));
  }

  private setAsideReports(): number {
    try {
      return this.deps.setAsideReports?.() ?? this.deps.store?.outbox.setAsideCount() ?? 0;
    } catch (error) {
      this.log.warn('api: set-aside reports unknown', { error: String(error) });
      return 0;
    }
  }

  private pendingReports(): number {
    try {
      return this.deps.pendingReports?.() ?? this.deps.store?.outbox.pendingCount() ?? 0;
    } catch (error) {
      this.log.warn('api: pending reports unknown', { error: String(error) });
      return 0;
    }
  }

  private submitContext(): SubmitContext {
    if (this.deps.submitContext) return this.deps.submitContext();
    return { ...defaultReportIdentity(), appVersion: this.deps.appVersion ?? '0.0.0' };
  }

  private mutation<T>(run: () => T): T {
    const result = run();
    this.changed();
    return result;
  }

  private changed(): void {
    try {
      this.deps.onChange?.();
    } catch (error) {
      // The answer was saved; a listener failing to broadcast must not turn it into an error for the user.
      this.log.warn('api: onChange listener failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  private language(): Lang {
    try {
      return this.deps.settings.effective().language;
    } catch {
      return 'fr';
    }
  }

  private text() {
    return messages(this.language());
  }
}
