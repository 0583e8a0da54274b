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
import type { Notice } from '../../../shared/notices/notice';
import type { Notification } from '../agent-types';
import { BannerModel } from '../banner/model';
import { BannerTimeline, type SimulatedBanner } from '../banner/simulated';
import { windowBanners } from '../banner/windows';
import { ChecklistService } from '../checklist/service';
import { NoticeAnnouncer } from '../notices/service';
import type { Clock } from '../clock';
import { RecordingNotifier } from '../notify/simple';
import { openStore, silentLogger } from '../store';
import type { PlanInput } from './plan-cache';
import { Scheduler } from './scheduler';
import { problemSince, trayState } from './tray';
import { recordElsewhere } from './simulate-verified';
import type { Claim } from '../verified/match';

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
  /** Instants at which the banner open then is acknowledged (`--ack`); each is a tick of its own. */
  acks?: readonly DateTime[];
  tickMs?: number;
  /** Outage notices to replay (`simulate --notices`): each is known from its publication on the virtual clock. */
  notices?: readonly Notice[];
  /**
   * Reports on the share (`--reports`, docs/verified-elsewhere.md) and the simulated workstation's name
   * (`--workstation`): another workstation's report for a window ends its notifications from its submission on.
   */
  elsewhere?: { claims: readonly Claim[]; workstation: string };
}

export interface SimulatedNotification {
  at: string;
  kind: Notification['kind'];
  windowStart: string;
  windowEnd: string;
  title: string;
  body: string;
  /** The outage notice a 'notice', 'notice-end' or checklist toast is about (issue 13). */
  noticeId?: string;
  /** `verified-elsewhere` only: who verified, and when. */
  by?: { workstation: string; initials: string; at: string };
}

export interface SimulationResult {
  notifications: SimulatedNotification[];
  trayStates: { at: string; state: TrayState }[];
  /** The banners shown (issue 12), in opening order. */
  banners: SimulatedBanner[];
  /** `acks` at which no banner was open. */
  unmatchedAcks: string[];
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

/**
 * The tick instants: the grid from `from` to `to` (inclusive) minus the asleep intervals, plus each wake-up and each
 * `extra` instant (an --ack click) that falls in the period while awake.
 */
export function tickInstants(
  fromMs: number,
  toMs: number,
  asleep: readonly [number, number][],
  tickMs: number,
  // Stryker disable next-line ArrayDeclaration: a default only iterated; a non-number fails `t >= fromMs`, never added
  extra: Iterable<number> = [],
): number[] {
  const isAsleep = (t: number): boolean => asleep.some(([a, b]) => a <= t && t < b);
  // An instant exactly at `from` is the grid's first tick anyway (or asleep, and not ticked either way).
  // Stryker disable next-line EqualityOperator: see above
  const notBefore = (t: number): boolean => t >= fromMs;
  const inPeriod = (t: number): boolean => notBefore(t) && t <= toMs && !isAsleep(t);
  const out = new Set<number>();
  for (let t = fromMs; t <= toMs; t += tickMs) if (!isAsleep(t)) out.add(t);
  // Waking up is a tick of its own (the agent's 'resume' re-check), off the 30 s grid.
  for (const [, wake] of asleep) if (inPeriod(wake)) out.add(wake);
  for (const t of extra) if (inPeriod(t)) out.add(t);
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
  let banners: BannerTimeline;
  /** --ack instants not yet ticked (each one is removed when its tick runs). */
  const acks = new Set((input.acks ?? []).map((a) => a.toMillis()));
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
      const onOpenWindow = (kind: string) => {
        // Nobody clicks a toast in a simulation, and the core opens only the checklist by itself.
        // Stryker disable next-line ConditionalExpression: always the checklist, see above
        if (kind === 'checklist') windowsOpened++;
      };
      const scheduler = new Scheduler({
        clock,
        store,
        plan: () => plan,
        notifier,
        checklists,
        onOpenWindow,
        log: silentLogger,
        // The last tick only matters to a restart, and a simulation never restarts: save it hourly, not every
        // 5 minutes (the writes were a third of the run time).
        persistEveryMs: 3_600_000,
      });
      const noticeList = input.notices ?? [];
      const notices = new NoticeAnnouncer({
        clock,
        store,
        notices: () => noticeList,
        plan: () => plan,
        notifier,
        checklists,
        onOpenWindow,
        log: silentLogger,
      });
      // Ticking the notices when there are none changes nothing: a fast path.
      // Stryker disable next-line ConditionalExpression: a fast path, see above
      const hasNotices = noticeList.length !== 0;
      if (input.elsewhere) recordElsewhere(store, scheduler.cache, plan, input.elsewhere);
      banners = new BannerTimeline(
        new BannerModel({
          clock,
          sources: [windowBanners(() => plan, scheduler.cache)],
          store,
          // Stryker disable next-line StringLiteral: a label, under which the model both stores and reads the acks
          workstation: 'simulation',
          // Stryker disable next-line ArrowFunction: the simulated banners carry no text
          language: () => plan.language,
          log: silentLogger,
        }),
      );
      const asleep = (input.asleep ?? []).map((i) => [i.start.toMillis(), i.end.toMillis()] as [number, number]);
      // A fresh store: no run yet, so nothing pending and no problem until a tick creates a run.
      let pending = false;
      let problem = false;
      let last: TrayState | null = null;
      for (const t of tickInstants(
        input.from.toMillis(),
        input.to.toMillis(),
        asleep,
        input.tickMs ?? SIMULATION_TICK_MS,
        acks,
      )) {
        clock.setMillis(t);
        ticks++;
        const result = scheduler.tick();
        const noticesChanged = hasNotices && notices.tick().changed;
        banners.observe(clock.now(), acks.delete(t));
        // Runs only change when the scheduler creates one (nobody answers a checklist in a simulation).
        // Stryker disable next-line ConditionalExpression: a fast path; nothing changes runs but these, nobody answers
        if (result.changed || noticesChanged) {
          pending = checklists.pendingRun() !== null;
          problem = checklists.hasUnresolvedProblem(problemSince(clock.now()));
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
          // With a window in progress the state is in-progress whatever the outage; with no notice there is none.
          // Stryker disable next-line ConditionalExpression,LogicalOperator: fast paths, see above
          outage: current || !hasNotices ? null : notices.outageAt(now),
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
    fs.rmSync(dir, {
      recursive: true,
      // Stryker disable next-line BooleanLiteral: only matters if the folder vanished, and mkdtempSync made it
      force: true,
    });
  }
  return {
    notifications: notifier.shown.map((n) => ({
      at: n.at,
      kind: n.kind,
      windowStart: n.windowStart,
      windowEnd: n.windowEnd,
      title: n.title,
      body: n.body,
      ...(n.noticeId !== undefined ? { noticeId: n.noticeId } : {}),
      ...(n.by ? { by: n.by } : {}),
    })),
    trayStates,
    banners: banners.banners,
    // Clicks while the PC slept or outside the period found no banner either.
    unmatchedAcks: [...banners.unmatchedAcks, ...[...acks].map((ms) => iso(DateTime.fromMillis(ms, { zone })))].sort(
      (a, b) => Date.parse(a) - Date.parse(b),
    ),
    stats: { ticks, recomputations, windowsOpened, elapsedMs: Math.round(performance.now() - started) },
  };
}
