/**
 * A real scheduler on a real SQLite file in a temp folder, with a ManualClock: `runTo` ticks every 30 s of virtual
 * time (no real waits), `restart` closes the store and builds everything again from the same file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach } from 'vitest';
import type { Inventory } from '../../../shared/inventory/model';
import type { Lang } from '../../../shared/i18n/format';
import { DEFAULT_REMINDERS, type PlanOptions } from '../../../shared/planning/types';
import type { WindowKind } from '../../../electron/core/agent-types';
import { ChecklistService } from '../../../electron/core/checklist/service';
import { ManualClock } from '../../../electron/core/clock';
import { RecordingNotifier } from '../../../electron/core/notify/simple';
import { Scheduler, type SchedulerChecklists, type SchedulerDeps } from '../../../electron/core/scheduler/scheduler';
import type { PlanInput } from '../../../electron/core/scheduler/plan-cache';
import { openStore, silentLogger, type Logger, type Store } from '../../../electron/core/store';
import { importInventory } from '../../../electron/core/inventory/import';
import { sampleInventory } from '../planning/sample';

export const ZONE = 'America/Toronto';
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export interface HarnessOptions {
  inventory?: Inventory;
  services?: string[];
  options?: Partial<PlanOptions>;
  language?: Lang;
  /** Wraps the real checklist service (e.g. to make it fail once). */
  checklists?: (real: ChecklistService) => SchedulerChecklists;
  /** The scheduler's logger (default: silent). */
  log?: Logger;
}

export class Harness {
  readonly dir: string;
  readonly clock: ManualClock;
  readonly notifier: RecordingNotifier;
  readonly opened: WindowKind[] = [];
  store!: Store;
  checklists!: ChecklistService;
  scheduler!: Scheduler;
  plan: PlanInput | null;

  constructor(
    start: string,
    private readonly options: HarnessOptions = {},
  ) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-scheduler-'));
    dirs.push(this.dir);
    this.clock = new ManualClock(start, ZONE);
    this.notifier = new RecordingNotifier(this.clock);
    const inventory = options.inventory ?? sampleInventory();
    this.plan = {
      inventory,
      profile: { site: 'IUSMM', services: options.services ?? ['Laboratoire'] },
      options: { zone: ZONE, reminders: DEFAULT_REMINDERS, ...options.options },
      language: options.language ?? 'fr',
    };
    this.open();
  }

  /** (Re)builds store, checklist service and scheduler on the same database file: an agent start. */
  private open(): void {
    this.store = openStore({ dir: this.dir, clock: this.clock, log: silentLogger, busyTimeoutMs: 0 });
    const inventory = this.plan?.inventory ?? sampleInventory();
    this.checklists = new ChecklistService({ store: this.store, clock: this.clock, inventory: () => inventory });
    this.scheduler = new Scheduler({
      clock: this.clock,
      store: this.store,
      plan: () => this.plan,
      notifier: this.notifier,
      checklists: this.options.checklists?.(this.checklists) ?? this.checklists,
      onOpenWindow: (kind) => this.opened.push(kind),
      log: this.options.log ?? silentLogger,
    });
  }

  /** Another scheduler on this harness's store, clock and plan, with some of its dependencies replaced. */
  schedulerWith(over: Partial<SchedulerDeps>): Scheduler {
    return new Scheduler({
      clock: this.clock,
      store: this.store,
      plan: () => this.plan,
      notifier: this.notifier,
      checklists: this.checklists,
      onOpenWindow: () => undefined,
      log: silentLogger,
      ...over,
    });
  }

  /** Stops (optionally without flushing, like a crash) and starts again at the current time. */
  restart(options: { flush?: boolean } = {}): void {
    if (options.flush !== false) this.scheduler.flush();
    this.store.close();
    this.open();
  }

  /** What a sync does when a new inventory arrives: the agent hands the scheduler a new plan. */
  publish(next: Inventory): void {
    if (!this.plan) throw new Error('no plan');
    this.plan = { ...this.plan, inventory: next };
  }

  at(iso: string): this {
    this.clock.set(iso);
    return this;
  }

  /** One tick at the current time. */
  tick() {
    return this.scheduler.tick();
  }

  /** Ticks every `stepSeconds` from the current time up to `iso` (inclusive). */
  runTo(iso: string, stepSeconds = 30): this {
    const target = DateTime.fromISO(iso, { zone: ZONE }).toMillis();
    for (let t = this.clock.now(); t.toMillis() <= target; t = t.plus({ seconds: stepSeconds })) {
      this.clock.set(t);
      this.scheduler.tick();
    }
    return this;
  }

  /** The toasts as "kind@local time" for compact assertions. */
  summary(): string[] {
    return this.notifier.shown.map((n) => `${n.kind}@${n.at.slice(0, 16)}`);
  }

  close(): void {
    this.store.close();
  }
}

const CSV_HEADER = 'Direction;Site;Service;Application;Plage de maintenance;Commentaire';

/** An inventory read by the real CSV reader from these rows (after IT's header). */
export async function csvInventory(...rows: string[]): Promise<Inventory> {
  const result = await importInventory(new TextEncoder().encode([CSV_HEADER, ...rows, ''].join('\r\n')), 'inv.csv');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.inventory;
}

/** A notifier whose every toast fails, as when Windows' notification service is not running. */
export const throwingNotifier = {
  notify: (): never => {
    throw new Error('no notification daemon');
  },
};
