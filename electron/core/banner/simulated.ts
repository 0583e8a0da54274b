/**
 * The banners of a simulation (`simulate … --json`, "banners"; issue 12, "Headless contract"): the real banner model
 * looked at after every simulated tick, each banner from the tick that first shows it (the window's start, or the
 * wake-up after a sleep) to the one that no longer does — closed by an acknowledgement (`--ack`) at that instant,
 * or at the window's end. A banner still open when the simulation stops closes at its window's end.
 */
import type { DateTime } from 'luxon';
import type { BannerModel } from './model';

export interface SimulatedBanner {
  opensAt: string;
  closesAt: string;
  reason: 'window' | 'notice';
  windowStart: string;
  windowEnd: string;
  applications: string[];
}

function iso(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

export class BannerTimeline {
  readonly banners: SimulatedBanner[] = [];
  /** --ack instants at which no banner was open (the command refuses them). */
  readonly unmatchedAcks: string[] = [];
  private open: { key: string; endMs: number; entry: SimulatedBanner } | null = null;

  constructor(private readonly model: BannerModel) {}

  /** After the scheduler's tick at `now`; `ack`: someone clicks "J'ai pris connaissance" at this instant. */
  observe(now: DateTime, ack: boolean): void {
    this.follow(now);
    if (!ack) return;
    if (!this.open) {
      this.unmatchedAcks.push(iso(now));
      return;
    }
    this.model.acknowledge({ key: this.open.key, initials: '' });
    this.open.entry.closesAt = iso(now);
    this.open = null;
    // An overlapping window's banner comes next, at the same instant.
    this.follow(now);
  }

  private follow(now: DateTime): void {
    const view = this.model.current();
    if (this.open && this.open.key !== view?.key) {
      if (now.toMillis() < this.open.endMs) this.open.entry.closesAt = iso(now);
      this.open = null;
    }
    if (!view || this.open) return;
    const entry: SimulatedBanner = {
      opensAt: iso(now),
      // Until something closes it earlier: the window's end.
      closesAt: view.windowEnd,
      reason: view.reason,
      windowStart: view.windowStart,
      windowEnd: view.windowEnd,
      applications: view.applications,
    };
    this.banners.push(entry);
    this.open = { key: view.key, endMs: Date.parse(view.windowEnd), entry };
  }
}
