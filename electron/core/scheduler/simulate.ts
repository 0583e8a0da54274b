/**
 * The real scheduler on a virtual clock (issue 3, "Headless mode", `cli simulate`): a real SQLite store in a
 * temporary folder (deleted afterwards), the real checklist service, a tick every 30 s of virtual time — except
 * while the machine is asleep or off, when nothing ticks; the end of each such interval is a "resume" tick.
 * What comes out is what a ward would have seen: the toasts and the tray states.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import type { Lang } from '../../../shared/i18n/format';
import type { Inventory } from '../../../shared/inventory/model';
import type { TrayState } from '../../../shared/ipc/views';
import type { PlanOptions, Profile } from '../../../shared/planning/types';
import { ChecklistService } from '../checklist/service';
import type { Clock } from '../clock';
import { RecordingNotifier } from '../notify/simple';
import { openStore, silentLogger } from '../store';
import type { PlanInput } from './plan-cache';
import { Scheduler } from './scheduler';
import { problemSince, trayState } from './tray';

export const SIMULATION_TICK_MS = 30_000;

export interface SimulationInput {
  inventory: Inventory;
  profile: Profile;
  options: PlanOptions;
  language?: Lang;
  from: DateTime;
  to: DateTime;
  /** [start, end) intervals during which the machine is asleep or off. */
  asleep?: readonly { start: DateTime; end: DateTime }[];
  tickMs?: number;
}

export interface SimulatedNotification {
  at: string;
  kind: 'reminder' | 'start' | 'end' | 'catch-up' | 'checklist';
  windowStart: string;
  windowEnd: string;
  title: string;
  body: string;
}

export interface SimulationResult {
  notifications: SimulatedNotification[];
  trayStates: { at: string; state: TrayState }[];
  /** For the curious and the benchmark: ticks run, timeline recomputations, checklist windows opened. */
  stats: { ticks: number; recomputations: number; windowsOpened: number; elapsedMs: number };
}

function iso(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

/**
 * A virtual clock for long simulations. Working out a zone's UTC offset through Intl is most of the cost of a
 * tick (~10 µs, a second per simulated month), and the offset only changes at DST transitions, which fall on
 * quarter hours: so the offset is looked up once per quarter hour and `now()` carries it as a fixed offset.
 * Instants, ISO strings ("…-05:00") and everything computed in the plan's zone are the same as with ManualClock.
 */
export class SimulationClock implements Clock {
  private ms: number;
  private current: DateTime | null = null;
  private readonly iana: IANAZone;
  private readonly offsets = new Map<number, number>();

  constructor(
    start: DateTime,
    readonly zone: string,
  ) {
    this.iana = IANAZone.create(zone);
    this.ms = start.toMillis();
  }

  now(): DateTime {
    this.current ??= DateTime.fromMillis(this.ms, { zone: FixedOffsetZone.instance(this.offsetAt(this.ms)) });
    return this.current;
  }

  setMillis(ms: number): void {
    this.ms = ms;
    this.current = null;
  }

  private offsetAt(ms: number): number {
    const bucket = Math.floor(ms / 900_000);
    let offset = this.offsets.get(bucket);
    // Stryker disable next-line ConditionalExpression: a memo; looking the offset up again gives the same offset
    if (offset === undefined) {
      offset = this.iana.offset(bucket * 900_000);
      // Stryker disable next-line CallExpression: a memo, as above
      this.offsets.set(bucket, offset);
    }
    return offset;
  }
}

/** The tick instants: the grid from `from` to `to` (inclusive) minus the asleep intervals, plus each wake-up. */
export function tickInstants(
  fromMs: number,
  toMs: number,
  asleep: readonly [number, number][],
  tickMs: number,
): number[] {
  const isAsleep = (t: number): boolean => asleep.some(([a, b]) => a <= t && t < b);
  const out = new Set<number>();
  for (let t = fromMs; t <= toMs; t += tickMs) if (!isAsleep(t)) out.add(t);
  // Waking up is a tick of its own (the agent's 'resume' re-check), off the 30 s grid.
  for (const [, wake] of asleep) if (wake >= fromMs && wake <= toMs && !isAsleep(wake)) out.add(wake);
  return [...out].sort((a, b) => a - b);
}

export function simulate(input: SimulationInput): SimulationResult {
  const started = performance.now();
  const zone = input.options.zone;
  const clock = new SimulationClock(input.from, zone);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-simulate-'));
  const notifier = new RecordingNotifier(clock);
  const trayStates: SimulationResult['trayStates'] = [];
  let windowsOpened = 0;
  let ticks = 0;
  let recomputations: number;
  try {
    const store = openStore({ dir, clock, log: silentLogger });
    try {
      // A throw-away database: durability on every write would only make a month of ticks slow.
      store.db.pragma('synchronous = OFF');
      const checklists = new ChecklistService({ store, clock, inventory: () => input.inventory });
      const plan: PlanInput = {
        inventory: input.inventory,
        profile: input.profile,
        options: input.options,
        language: input.language ?? 'fr',
      };
      const scheduler = new Scheduler({
        clock,
        store,
        plan: () => plan,
        notifier,
        checklists,
        onOpenWindow: (kind) => {
          if (kind === 'checklist') windowsOpened++;
        },
        log: silentLogger,
        // The last tick only matters to a restart, and a simulation never restarts: save it hourly, not every
        // 5 minutes (the writes were a third of the run time).
        persistEveryMs: 3_600_000,
      });
      const asleep = (input.asleep ?? []).map((i) => [i.start.toMillis(), i.end.toMillis()] as [number, number]);
      let pending = false;
      let problem = false;
      let last: TrayState | null = null;
      let refresh = true;
      for (const t of tickInstants(
        input.from.toMillis(),
        input.to.toMillis(),
        asleep,
        input.tickMs ?? SIMULATION_TICK_MS,
      )) {
        clock.setMillis(t);
        ticks++;
        const result = scheduler.tick();
        // Runs only change when the scheduler creates one (nobody answers a checklist in a simulation).
        if (result.changed || refresh) {
          pending = checklists.pendingRun() !== null;
          problem = checklists.hasUnresolvedProblem(problemSince(clock.now()));
          refresh = false;
        }
        const now = clock.now();
        const { current, next } = scheduler.windowsAt(now);
        const state = trayState({
          now,
          inventory: { state: 'ok', since: null },
          current,
          next,
          pendingRun: pending,
          problem,
        });
        if (state !== last) {
          trayStates.push({ at: iso(now), state });
          last = state;
        }
      }
      recomputations = scheduler.cache.recomputations;
    } finally {
      store.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    notifications: notifier.shown.map((n) => ({
      at: n.at,
      kind: n.kind,
      windowStart: n.windowStart,
      windowEnd: n.windowEnd,
      title: n.title,
      body: n.body,
    })),
    trayStates,
    stats: { ticks, recomputations, windowsOpened, elapsedMs: Math.round(performance.now() - started) },
  };
}
