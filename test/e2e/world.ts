/**
 * The REAL core, assembled the way the agent assembles it, in a temp folder: SQLite store, inventory sync from a
 * copy of an inventory file, settings with an optional IT policy, checklists, the report outbox, VigieCore and its
 * dispatcher — driven by a ManualClock the test moves. Used by the Playwright fixture (behind window.vigie) and by
 * the unit tests of the checklist and the API, so both exercise the very same wiring. No Playwright import here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DateTime } from 'luxon';
import { currentWindow, windowsFor } from '../../shared/planning';
import type { PlannedWindow } from '../../shared/planning';
import type { TrayState } from '../../shared/ipc/views';
import { DEFAULT_REMINDERS } from '../../shared/planning/types';
import { createDispatcher, type Dispatcher } from '../../electron/core/api/dispatch';
import { BannerModel } from '../../electron/core/banner/model';
import type { BannerSource } from '../../electron/core/banner/types';
import { windowBanners } from '../../electron/core/banner/windows';
import { VigieCore } from '../../electron/core/api/core';
import { ChecklistService } from '../../electron/core/checklist/service';
import { NEXT_WINDOW_LOOKAHEAD_DAYS, PlanCache } from '../../electron/core/scheduler/plan-cache';
import { problemSince, trayState as realTrayState } from '../../electron/core/scheduler/tray';
import { ManualClock } from '../../electron/core/clock';
import { ReportDelivery } from '../../electron/core/reports/delivery';
import { ReportWriter } from '../../electron/core/reports/writer';
import { SettingsService } from '../../electron/core/settings/service';
import { openStore, silentLogger, type Logger, type Store } from '../../electron/core/store';
import { SyncService } from '../../electron/core/sync/service';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLE_INVENTORY = path.join(REPO_ROOT, 'assets', 'inventaire-par-defaut.csv');

export interface WorldOptions {
  /** Local time of the clock at start (America/Toronto), e.g. '2026-12-02T04:00'. */
  start: string;
  /** Inventory file copied into the temp folder as the embedded inventory. Default: the sample inventory. */
  inventoryFile?: string;
  /** Or the inventory's content, written under `name` (the extension picks the reader: .csv, .json). */
  inventoryText?: { name: string; text: string };
  /** IT's machine config (the JSON object of %ProgramData%\Vigie\config.json). */
  policy?: Record<string, unknown>;
  /** The user's profile, saved through the settings like the settings window does. null = none (first start). */
  profile?: { site: string; services: string[] } | null;
  language?: 'fr' | 'en';
  hostname?: string;
  log?: Logger;
  /** Banner sources besides the planned windows (an unplanned-outage notice, for instance). */
  bannerSources?: readonly BannerSource[];
}

export interface World {
  dir: string;
  /** IT's reports folder, a real temp folder (unless the policy names another). */
  reportsDir: string;
  clock: ManualClock;
  store: Store;
  sync: SyncService;
  settings: SettingsService;
  checklists: ChecklistService;
  reports: ReportDelivery;
  core: VigieCore;
  dispatch: Dispatcher;
  /** URLs the core asked the shell to open. */
  opened: string[];
  /** How many times the core reported a state change (onChange). */
  changes(): number;
  onChange(listener: () => void): void;
  /** What the agent does after the scheduler changed something: tells the open windows (state:changed). */
  broadcast(): void;
  /** The profile's latest window that ended at or before now (its checklist is due), or null. */
  lastEndedWindow(): PlannedWindow | null;
  /** What the scheduler does at a window's end: creates (idempotently) the checklist run; returns its id. */
  openChecklistForLastWindow(): string;
  /** Closes the store and opens it again on the same folder, as after a crash or a restart of the app. */
  reopen(): Promise<World>;
  close(): void;
}

interface Built {
  dir: string;
  embedded: string;
  clock: ManualClock;
}

async function assemble(base: Built, options: WorldOptions, saveProfile: boolean): Promise<World> {
  const { dir, embedded, clock } = base;
  const reportsDir = path.join(dir, 'rapports');
  fs.mkdirSync(reportsDir, { recursive: true });
  const log = options.log ?? silentLogger;
  const store = openStore({ dir: path.join(dir, 'donnees'), clock, log, busyTimeoutMs: 0 });
  const sync = new SyncService({
    store,
    clock,
    embeddedPath: embedded,
    random: () => 0,
    // The file is not being written: no real waiting between the two stability looks.
    wait: async () => undefined,
    log,
  });
  await sync.syncNow();
  const settings = await SettingsService.create({
    store,
    clock,
    readPolicy: async () => options.policy,
    hostname: options.hostname ?? 'POSTE-ESSAI-01',
    inventory: () => sync.current(),
    log,
  });
  if (saveProfile && options.profile) {
    settings.save({ site: options.profile.site, services: options.profile.services });
  }
  if (saveProfile && options.language) settings.save({ language: options.language });
  const reports = new ReportDelivery({
    outbox: store.outbox,
    clock,
    // The agent's writer, into a real folder: what a submit delivers can be read back as IT would.
    writer: new ReportWriter({ zone: clock.zone }),
    folder: () => settings.effective().reportsFolder ?? reportsDir,
    log,
  });
  const checklists = new ChecklistService({
    store,
    clock,
    inventory: () => sync.current(),
    log,
    reports,
    language: () => settings.effective().language,
    octopusUrl: () => settings.effective().octopusUrl,
  });
  const opened: string[] = [];
  const listeners: (() => void)[] = [];
  let changes = 0;
  // The agent's own decision (electron/core/scheduler/tray.ts), fed from the real services — not a copy of it.
  const trayState = (): TrayState => {
    const now = clock.now();
    const profile = settings.profile();
    const inventory = sync.current();
    const ahead = profile
      ? windowsFor(inventory, profile, { from: now, to: now.plus({ days: NEXT_WINDOW_LOOKAHEAD_DAYS }) }, clock.zone)
      : [];
    return realTrayState({
      now,
      inventory: sync.state(),
      current: profile ? currentWindow(inventory, profile, now, clock.zone) : null,
      next: ahead.find((w) => w.start.toMillis() > now.toMillis()) ?? null,
      pendingRun: checklists.pendingRun() !== null,
      problem: checklists.hasUnresolvedProblem(problemSince(now)),
    });
  };
  // The banner as the agent builds it (electron/core/agent.ts): planned windows in progress, acknowledgements in
  // the store. Until this harness runs on createAgent (issue 14), the plan input is assembled here the same way.
  const banner = new BannerModel({
    clock,
    sources: [
      windowBanners(() => {
        const profile = settings.profile();
        if (!profile) return null;
        const effective = settings.effective();
        const reminders = effective.reminders.length > 0 ? effective.reminders : DEFAULT_REMINDERS;
        const planOptions = { zone: clock.zone, reminders, serviceHours: effective.serviceHours };
        return { inventory: sync.current(), profile, options: planOptions, language: effective.language };
      }, new PlanCache()),
      ...(options.bannerSources ?? []),
    ],
    store,
    workstation: options.hostname ?? 'POSTE-ESSAI-01',
    language: () => settings.effective().language,
    log,
  });
  const core = new VigieCore({
    clock,
    store,
    sync,
    settings,
    checklists,
    banner,
    trayState,
    pendingReports: () => reports.pending(),
    submitContext: () => ({ workstation: 'POSTE-ESSAI-01', userAccount: 'soins-partage', appVersion: '0.1.0-essai' }),
    openExternal: async (url) => {
      opened.push(url);
    },
    onChange: () => {
      changes++;
      for (const listener of listeners) listener();
    },
    log,
  });

  const lastEndedWindow = (): PlannedWindow | null => {
    const profile = settings.profile();
    if (!profile) return null;
    const now: DateTime = clock.now();
    const windows = windowsFor(sync.current(), profile, { from: now.minus({ days: 40 }), to: now }, clock.zone);
    return windows.filter((w) => w.end.toMillis() <= now.toMillis()).at(-1) ?? null;
  };

  const world: World = {
    dir,
    reportsDir,
    clock,
    store,
    sync,
    settings,
    checklists,
    reports,
    core,
    dispatch: createDispatcher(core, log),
    opened,
    changes: () => changes,
    onChange: (listener) => void listeners.push(listener),
    broadcast: () => {
      for (const listener of listeners) listener();
    },
    lastEndedWindow,
    openChecklistForLastWindow() {
      const window = lastEndedWindow();
      const profile = settings.profile();
      if (!window || !profile) throw new Error('world: no ended window for the profile');
      return checklists.ensureRun({ ...window, site: profile.site });
    },
    async reopen() {
      store.close();
      return assemble(base, options, false);
    },
    close() {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

export async function createWorld(options: WorldOptions): Promise<World> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-monde-'));
  const source = options.inventoryFile ?? SAMPLE_INVENTORY;
  const embedded = path.join(dir, options.inventoryText?.name ?? `inventaire${path.extname(source)}`);
  if (options.inventoryText) fs.writeFileSync(embedded, options.inventoryText.text, 'utf8');
  else fs.copyFileSync(source, embedded);
  const clock = new ManualClock(options.start, 'America/Toronto');
  return assemble({ dir, embedded, clock }, options, true);
}
