/**
 * The core's composition root (docs/architecture.md, rule 6): store, settings, sync, checklists, reports, scheduler and
 * the VigieCore API, wired once per agent, with no module-level state. The Electron shell and the headless `cli agent`
 * both run this; they only bring the clock, the toasts and the windows.
 *
 * Time: one setInterval (≤ 30 s, unref'd) ticks against the wall clock — never a long timer, which Windows does
 * not count during sleep (docs/architecture.md, rule 8). Each tick: the scheduler announces what is due, the inventory
 * is synced when `sync.dueAt()` has passed, the outbox is delivered; a power/session event ticks and syncs at once.
 */
import path from 'node:path';
import type { DateTime } from 'luxon';
import type { VigieCoreApi } from '../../shared/ipc/contract';
import type { BannerView, StatusView } from '../../shared/ipc/views';
import { DEFAULT_REMINDERS } from '../../shared/planning/types';
import type { Notifier, SystemEvent, TrayModel, VigieAgent, WindowKind } from './agent-types';
import { deferredApi, Listeners } from './agent-support';
import { VigieCore } from './api/core';
import { BannerEmitter } from './banner/emitter';
import { BannerModel } from './banner/model';
import { noticeBanners } from './banner/notices';
import { windowBanners } from './banner/windows';
import { CoreError } from './api/errors';
import { ChecklistService } from './checklist/service';
import type { Clock } from './clock';
import { recoveryMessage } from './recovery-messages';
import { defaultReportIdentity } from './reports/build';
import { REPORT_OUTBOX_KIND, ReportDelivery } from './reports/delivery';
import { ReportJournal } from './reports/journal';
import { ReportWriter } from './reports/writer';
import { Scheduler } from './scheduler/scheduler';
import type { PlanInput } from './scheduler/plan-cache';
import { problemSince, trayModel, type TrayModelInputs } from './scheduler/tray';
import { machinePolicySources, SettingsService, type MachinePolicySources } from './settings';
import { NoticeAnnouncer, NoticeWatcher, type ActiveNotice, type NoticeWatcherDeps } from './notices/service';
import { noticesFolder } from './notices/source';
import { openStore, type Logger, type Store } from './store';
import type { InventoryParser } from './inventory/isolation/isolated-parser';
import { SyncService, type SyncServiceDeps } from './sync';
import type { PlannedWindow } from '../../shared/planning';
import { createVerifiedWatcher, refreshWithin } from './verified/wiring';
import type { VerifiedWatcher } from './verified/watcher';

export interface AgentDeps {
  /** Local user-data folder (SQLite, logs). Never a UNC path. */
  userDataDir: string;
  /** Folder holding the embedded default inventory (assets/). */
  assetsDir: string;
  /** This workstation's name, for the inventory's hostname → service mapping. */
  hostname: string;
  clock: Clock;
  notifier: Notifier;
  /**
   * IT's machine policy: the registry then %ProgramData%\Vigie\config.json, located by the OS
   * (settings/sources.ts). Without it, `policyPath` alone (the headless agent's --policy, tests).
   */
  policySources?: MachinePolicySources;
  /** A config.json to read as the only policy source (no registry). */
  policyPath?: string;
  log: Logger;
  /** Tick period; at most 30 s (default 30 s). */
  tickIntervalMs?: number;
  /** Opens a browser for an allowlisted https link (the shell overrides openLink itself). */
  openExternal?: (url: string) => Promise<void>;
  /** Writes the upcoming windows as .ics; absent = export not offered. */
  exportCalendar?: (windows: PlannedWindow[]) => Promise<{ path: string }>;
  appVersion?: string;
  /**
   * Where untrusted inventory and side files are parsed: a separate process (utilityProcess in the tray app, a Node
   * child in the headless agent), so a hostile file cannot take the agent down. Absent = in process (tests).
   */
  parser?: InventoryParser;
  /** Tests: what the sync may use instead of the real disk/network. */
  sync?: Partial<Pick<SyncServiceDeps, 'fs' | 'fetch' | 'wait' | 'random' | 'allowLocalHttp' | 'importer'>>;
  /** Tests: the config.json document, instead of any file. */
  readPolicy?: () => Promise<unknown>;
  /** The headless agent's --public-key: trusted inventory keys, taking the place of the policy's. */
  publicKeys?: readonly string[];
  /** Tests: the notices watcher's disk, jitter and period (electron/core/notices/service.ts). */
  notices?: Partial<Pick<NoticeWatcherDeps, 'fs' | 'random' | 'everyMs'>>;
  /**
   * The banner to show (issue 12; docs/architecture.md, "The banner"), null = close it. Called when it changes,
   * again on 'resume'/'unlock'/'logon', and at every tick while one is due (the shell may have lost its window):
   * showing the same view twice must be harmless for the shell.
   */
  onBanner?: (view: BannerView | null) => void;
}

/** VigieAgent plus what the headless CLI and the tests drive by hand. */
export interface Agent extends VigieAgent {
  /** One tick now (the interval calls this); resolves when the sync/delivery it started are done. */
  tick(options?: { sync?: boolean }): Promise<void>;
  /**
   * The services this agent wired, once started (null before, and after a failed start). For the harness that
   * drives the real agent (test/e2e/world.ts, docs/testing.md) to read the store and call a service directly;
   * the shell and the windows go through `api`.
   */
  services(): AgentServices | null;
  /** Resolves once every task started so far (syncs, report deliveries, status broadcasts) has ended. */
  idle(): Promise<void>;
  /**
   * The outage notices in force for this PC at `at` (default now): what the ward banner shows with
   * `reason: 'notice'` (issue 12's banner, issue 13's notices). Empty before the start.
   */
  activeNotices(at?: DateTime): ActiveNotice[];
}

const MAX_TICK_MS = 30_000;
const DEFAULT_INVENTORY = 'inventaire-par-defaut.csv';
/** "Already announced" flags older than this are of no use (no catch-up reaches that far back). */
const FLAG_RETENTION_DAYS = 60;

const MESSAGES = {
  fr: { starting: 'Vigie démarre encore : réessayez dans un instant.' },
  en: { starting: 'Vigie is still starting: try again in a moment.' },
} as const;

/** What createAgent wires (see Agent.services). */
export interface AgentServices {
  store: Store;
  settings: SettingsService;
  sync: SyncService;
  checklists: ChecklistService;
  delivery: ReportDelivery;
  scheduler: Scheduler;
  banner: BannerModel;
  core: VigieCore;
  noticeWatcher: NoticeWatcher;
  notices: NoticeAnnouncer;
  /** Finds the windows another workstation already verified (docs/verified-elsewhere.md). */
  verified: VerifiedWatcher;
}

/** What `wireInventory` builds: the part of AgentServices the alert side is built on. */
type InventorySide = Pick<AgentServices, 'store' | 'settings' | 'sync' | 'delivery' | 'checklists'>;

class CoreAgent implements Agent {
  readonly api: VigieCoreApi;
  private wired: AgentServices | null = null;
  private starting: Promise<void> | null = null;
  private interval: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  private readonly inFlight = new Set<Promise<unknown>>();
  private lastSignature = '';
  /** Until the first sync of this run ends, "no inventory yet" is not "inventory offline" (no icon flash). */
  private synced = false;
  private planMemo: { key: string; plan: PlanInput } | null = null;
  private readonly openListeners: Listeners<WindowKind>;
  private readonly stateListeners: Listeners<StatusView>;
  private readonly messageListeners: Listeners<{ title: string; body: string }>;
  private readonly banners: BannerEmitter;

  constructor(private readonly deps: AgentDeps) {
    this.openListeners = new Listeners(deps.log);
    this.stateListeners = new Listeners(deps.log);
    this.messageListeners = new Listeners(deps.log);
    this.banners = new BannerEmitter(deps.onBanner, deps.log);
    this.api = this.createApi();
  }

  start(): Promise<void> {
    this.starting ??= this.boot();
    return this.starting;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.interval !== null) clearInterval(this.interval);
    this.interval = null;
    await this.starting?.catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    const s = this.wired;
    if (!s) return;
    try {
      s.scheduler.flush();
    } finally {
      s.store.close();
    }
    this.deps.log.info('agent: stopped');
  }

  tray(): TrayModel {
    return trayModel(this.trayInputs());
  }

  services(): AgentServices | null {
    return this.wired;
  }

  async idle(): Promise<void> {
    // A task may start another (a sync re-runs the scheduler and broadcasts): wait until none is left.
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  activeNotices(at?: DateTime): ActiveNotice[] {
    const s = this.wired;
    if (!s) return [];
    try {
      return s.notices.activeAt(at ?? this.deps.clock.now());
    } catch (error) {
      this.deps.log.warn('agent: notices unavailable', { error: String(error) });
      return [];
    }
  }

  onOpenWindow(listener: (window: WindowKind) => void): () => void {
    return this.openListeners.add(listener);
  }

  onStateChanged(listener: (status: StatusView) => void): () => void {
    return this.stateListeners.add(listener);
  }

  onUserMessage(listener: (message: { title: string; body: string }) => void): () => void {
    return this.messageListeners.add(listener);
  }

  handleSystemEvent(event: SystemEvent): void {
    this.deps.log.info('agent: system event, re-checking now', { event });
    if (event === 'resume' || event === 'unlock' || event === 'logon') this.banners.resendNext();
    // What is due is announced at once (catch-up after sleep); IT's policy is re-read meanwhile.
    void this.tick({ sync: true });
    if (event === 'resume' || event === 'unlock') void this.track(this.rereadPolicy());
  }

  /** Unlock and resume re-read IT's policy (Group Policy may have changed while the PC slept or was locked). */
  private async rereadPolicy(): Promise<void> {
    const s = this.wired;
    if (!s || this.stopped) return;
    try {
      await s.settings.refresh();
      this.planMemo = null;
    } catch (error) {
      this.deps.log.warn('agent: machine policy not re-read', { error: String(error) });
      return;
    }
    await this.tick();
  }

  async tick(options: { sync?: boolean } = {}): Promise<void> {
    const s = this.wired;
    if (!s || this.stopped) return;
    // What the share says about the windows due here comes first: a window verified elsewhere gets no toast.
    const reading = refreshWithin(s.verified, (p) => void this.track(p));
    const verifiedNow = reading === false ? false : await reading;
    if (this.stopped) return;
    const changed = this.runScheduler(s) || verifiedNow;
    this.emitBanner(s);
    const jobs: Promise<unknown>[] = [];
    // The notices folder when its time has come (or the scan under way): what it brings is announced at once.
    const scanning = s.noticeWatcher.due() ? s.noticeWatcher.scan() : s.noticeWatcher.pending();
    if (scanning) {
      jobs.push(
        this.track(
          scanning.then(() => {
            if (this.stopped) return;
            this.broadcastIfChanged(this.runNotices(s));
            // A notice that just arrived is on the banner at once, not at the next tick.
            this.emitBanner(s);
          }),
        ),
      );
    }
    if (options.sync === true || this.deps.clock.now().toMillis() >= s.sync.dueAt().toMillis()) {
      jobs.push(this.track(this.syncNow(s)));
    }
    jobs.push(
      this.track(
        s.delivery.deliverDue().then((round) => {
          if (round.delivered > 0) this.broadcastIfChanged(true);
        }),
      ),
    );
    this.broadcastIfChanged(changed);
    await Promise.allSettled(jobs);
  }

  /** Wires the services (inventory side, then alert side), puts back what the database lost, then starts ticking. */
  private async boot(): Promise<void> {
    const { deps } = this;
    const store = openStore({ dir: deps.userDataDir, clock: deps.clock, log: deps.log });
    const journal = new ReportJournal(deps.userDataDir, deps.log);
    const base = await this.wireInventory(store, journal);
    const wired = this.wireAlerts(base);
    this.wired = wired;
    this.recover(wired, journal);
    if (this.stopped) return;
    // A pending, unfinished checklist reappears at every start (issue 3); a PC with no profile asks for one.
    if (wired.checklists.pendingRun()) this.openListeners.emit('checklist');
    else if (wired.settings.get().needsProfile) this.openListeners.emit('settings');
    this.startTicking(store);
  }

  /** Settings, inventory sync, report delivery and checklists: what the rest reads from and writes through. */
  private async wireInventory(store: Store, journal: ReportJournal): Promise<InventorySide> {
    const { deps } = this;
    const { clock, log } = deps;
    let sync: SyncService | null = null;
    const settings = await SettingsService.create({
      store,
      clock,
      policySources:
        deps.readPolicy !== undefined
          ? undefined
          : (deps.policySources ??
            (deps.policyPath !== undefined
              ? machinePolicySources({ file: deps.policyPath, registry: false })
              : undefined)),
      readPolicy: deps.readPolicy,
      hostname: deps.hostname,
      inventory: () => (sync as SyncService).current(),
      log,
    });
    sync = new SyncService({
      store,
      clock,
      embeddedPath: path.join(deps.assetsDir, DEFAULT_INVENTORY),
      source: () => settings.effective().inventorySource,
      pollMinutes: () => settings.effective().pollMinutes,
      publicKeys: () => deps.publicKeys ?? settings.inventoryPublicKeys(),
      log,
      parser: deps.parser,
      ...deps.sync,
    });
    const syncService = sync;
    const delivery = new ReportDelivery({
      outbox: store.outbox,
      clock,
      writer: new ReportWriter({ zone: clock.zone }),
      folder: () => settings.effective().reportsFolder,
      log,
      journal,
    });
    const checklists = new ChecklistService({
      store,
      clock,
      inventory: () => syncService.current(),
      log,
      reports: delivery,
      language: () => settings.effective().language,
      octopusUrl: () => settings.effective().octopusUrl,
    });
    return { store, settings, sync: syncService, delivery, checklists };
  }

  /** The scheduler, outage notices, banner, verified-elsewhere watcher and the API, on top of the inventory side. */
  private wireAlerts(base: InventorySide): AgentServices {
    const { deps } = this;
    const { clock, log } = deps;
    const { store, settings, sync, delivery, checklists } = base;
    const plan = () => this.plan(store, settings, sync);
    const language = () => settings.effective().language;
    const scheduler = new Scheduler({
      clock,
      store,
      plan,
      notifier: deps.notifier,
      checklists,
      onOpenWindow: (window) => this.openListeners.emit(window),
      log,
    });
    const noticeWatcher = new NoticeWatcher({
      clock,
      folder: () => noticesFolder(settings.effective()),
      log,
      ...deps.notices,
    });
    const notices = new NoticeAnnouncer({
      clock,
      store,
      notices: () => noticeWatcher.notices(),
      plan,
      notifier: deps.notifier,
      checklists,
      onOpenWindow: (window) => this.openListeners.emit(window),
      log,
    });
    const banner = new BannerModel({
      clock,
      // Planned windows in progress, then the outage notices in force (electron/core/banner/types.ts).
      sources: [windowBanners(plan, scheduler.cache), noticeBanners((now) => notices.activeAt(now), plan)],
      store,
      workstation: deps.hostname,
      language,
      log,
    });
    const core = new VigieCore({
      clock,
      store,
      sync,
      settings,
      checklists,
      banner,
      trayState: () => this.tray().state,
      pendingReports: () => delivery.pending(),
      openExternal: deps.openExternal ?? (() => Promise.reject(new Error('no browser on this workstation'))),
      exportCalendar: deps.exportCalendar,
      appVersion: deps.appVersion,
      // The workstation a report names is the one this agent maps the inventory's "Postes" table with.
      submitContext: () => {
        const identity = defaultReportIdentity();
        return {
          ...identity,
          workstation: deps.hostname || identity.workstation,
          appVersion: deps.appVersion ?? '0.0.0',
        };
      },
      onChange: () => this.afterApiChange(),
      log,
    });
    const verified = createVerifiedWatcher({
      store,
      clock,
      scheduler,
      reportsFolder: () => settings.effective().reportsFolder ?? '',
      log,
      minIntervalMs: this.tickMs(),
    });
    return { ...base, scheduler, core, noticeWatcher, notices, verified, banner };
  }

  /** Before the first tick delivers anything: what the database lost is put back from the report journal. */
  private recover(s: AgentServices, journal: ReportJournal): void {
    const { store } = s;
    const { clock, log } = this.deps;
    const restored = journal.reconcile(store, REPORT_OUTBOX_KIND);
    if (store.recovered) log.warn('agent: local database rebuilt', { ...store.recovered });
    const message = recoveryMessage(s.settings.effective().language, store.recovered, restored);
    if (message) this.messageListeners.emit(message);
    try {
      store.announced.prune(clock.now().minus({ days: FLAG_RETENTION_DAYS }));
    } catch (error) {
      log.warn('agent: old flags not pruned', { error: String(error) });
    }
  }

  /** The tick interval the deps ask for, between 1 s and MAX_TICK_MS. */
  private tickMs(): number {
    return Math.min(Math.max(this.deps.tickIntervalMs ?? MAX_TICK_MS, 1000), MAX_TICK_MS);
  }

  private startTicking(store: Store): void {
    const every = this.tickMs();
    this.interval = setInterval(() => void this.tick(), every);
    // The tray app's lifetime is Electron's business; the interval alone must not keep Node alive.
    this.interval.unref?.();
    this.deps.log.info('agent: started', { store: store.file, tickMs: every });
    // The first tick syncs at once (dueAt is "now" at start); it is not awaited: a slow share must not hold up
    // the tray. Before any inventory exists the scheduler waits (plan() is null) and keeps its first-start view.
    void this.tick();
  }

  /** The plan the scheduler works from, the same object while nothing changed (its cache keys on identity). */
  private plan(store: Store, settings: SettingsService, sync: SyncService): PlanInput | null {
    if (!store.inventory.currentVersion()) return null;
    const profile = settings.profile();
    if (!profile) return null;
    const effective = settings.effective();
    const inventory = sync.current();
    const options = {
      zone: this.deps.clock.zone,
      reminders: effective.reminders.length > 0 ? effective.reminders : DEFAULT_REMINDERS,
      serviceHours: effective.serviceHours,
    };
    const key = JSON.stringify({ profile, options, language: effective.language });
    const memo = this.planMemo;
    if (memo && memo.key === key && memo.plan.inventory === inventory) return memo.plan;
    const plan: PlanInput = { inventory, profile, options, language: effective.language };
    this.planMemo = { key, plan };
    return plan;
  }

  private runScheduler(s: AgentServices): boolean {
    let changed = false;
    try {
      changed = s.scheduler.tick().changed;
    } catch (error) {
      this.deps.log.error('agent: scheduler tick failed', { error: String(error) });
    }
    // Outage notices next (issue 13): their own toasts and checklist, never a change to the planned windows.
    return this.runNotices(s) || changed;
  }

  private runNotices(s: AgentServices): boolean {
    try {
      return s.notices.tick().changed;
    } catch (error) {
      this.deps.log.error('agent: notices tick failed', { error: String(error) });
      return false;
    }
  }

  private async syncNow(s: AgentServices): Promise<void> {
    const outcome = await s.sync.syncNow().finally(() => {
      this.synced = true;
    });
    if (this.stopped) return;
    // "Re-check after every sync": a new inventory may move a window to now.
    const changed = this.runScheduler(s) || outcome.changed;
    this.emitBanner(s);
    this.broadcastIfChanged(changed);
  }

  private afterApiChange(): void {
    const s = this.wired;
    if (!s || this.stopped) return;
    // A profile or inventory change may make something due now; a submitted checklist has a report to send.
    this.runScheduler(s);
    // An acknowledgement closes the banner at once.
    this.emitBanner(s);
    void this.track(
      s.delivery.deliverDue().then((round) => {
        if (round.delivered > 0) this.broadcastIfChanged(true);
      }),
    );
    // Every mutation reaches the other open windows (VigieCore's contract), even when the tray did not move: an
    // answer in the checklist changes the status window's history, a saved profile its windows.
    this.broadcastIfChanged(true);
  }

  private emitBanner(s: AgentServices): void {
    this.banners.emit(() => s.banner.current());
  }

  private track<T>(promise: Promise<T>): Promise<T | void> {
    const guarded = promise.catch((error: unknown) =>
      this.deps.log.error('agent: task failed', { error: String(error) }),
    );
    this.inFlight.add(guarded);
    void guarded.finally(() => this.inFlight.delete(guarded));
    return guarded;
  }

  /** Broadcasts the status when told something changed or when what the tray shows moved (e.g. 24 h before). */
  private broadcastIfChanged(changed: boolean): boolean {
    const s = this.wired;
    if (!s || this.stopped) return false;
    let signature = '';
    try {
      const model = this.tray();
      signature = JSON.stringify([model.state, model.tooltip, model.menu.map((m) => [m.id, m.enabled])]);
    } catch (error) {
      this.deps.log.warn('agent: tray model unavailable', { error: String(error) });
    }
    if (!changed && signature === this.lastSignature) return false;
    this.lastSignature = signature;
    if (this.stateListeners.size === 0) return true;
    void this.track(
      s.core.getStatus().then((status) => {
        if (!this.stopped) this.stateListeners.emit(status);
      }),
    );
    return true;
  }

  private trayInputs(): TrayModelInputs {
    const s = this.wired;
    const now = this.deps.clock.now();
    if (!s) {
      return {
        now,
        inventory: { state: 'ok', since: null },
        current: null,
        next: null,
        pendingRun: false,
        problem: false,
        language: 'fr',
        hasProfile: true,
        intranetUrl: null,
        allowQuit: true,
      };
    }
    const effective = s.settings.effective();
    const { current, next } = s.scheduler.windowsAt(now);
    return {
      now,
      inventory: this.synced ? s.sync.state() : { state: 'ok', since: null },
      current,
      next,
      pendingRun: s.checklists.pendingRun() !== null,
      problem: s.checklists.hasUnresolvedProblem(problemSince(now)),
      language: effective.language,
      hasProfile: s.settings.profile() !== null,
      intranetUrl: effective.intranetUrl,
      allowQuit: effective.allowQuit,
      pendingReports: s.delivery.pending(),
      outage: current ? null : s.notices.outageAt(now),
    };
  }

  /** The API exists before start (the shell registers its IPC handlers first); calls wait for the start. */
  private createApi(): VigieCoreApi {
    return deferredApi(async () => {
      if (this.starting) await this.starting;
      if (!this.wired || this.stopped) throw new CoreError('failed', MESSAGES.fr.starting);
      return this.wired.core;
    });
  }
}

export function createAgent(deps: AgentDeps): Agent {
  return new CoreAgent(deps);
}
