/**
 * Time is a parameter (docs/architecture.md, rule 7): services take a Clock, never read Date.now() or luxon's
 * Settings.now.
 */
import { DateTime } from 'luxon';
import { DEFAULT_ZONE } from '../../shared/schedule/zone';

export interface Clock {
  /** The current instant, in `zone` (default America/Toronto). */
  now(): DateTime;
  readonly zone: string;
}

export class SystemClock implements Clock {
  constructor(readonly zone: string = DEFAULT_ZONE) {}
  now(): DateTime {
    return DateTime.now().setZone(this.zone);
  }
}

/** A clock tests and the simulator move by hand. */
export class ManualClock implements Clock {
  private current: DateTime;
  constructor(
    start: DateTime | string,
    readonly zone: string = DEFAULT_ZONE,
  ) {
    this.current = (typeof start === 'string' ? DateTime.fromISO(start, { zone }) : start).setZone(zone);
    if (!this.current.isValid) throw new Error(`ManualClock: invalid start ${String(start)}`);
  }
  now(): DateTime {
    return this.current;
  }
  set(to: DateTime | string): void {
    const next = typeof to === 'string' ? DateTime.fromISO(to, { zone: this.zone }) : to;
    this.current = next.setZone(this.zone);
  }
  advance(duration: {
    milliseconds?: number;
    seconds?: number;
    minutes?: number;
    hours?: number;
    days?: number;
  }): void {
    this.current = this.current.plus(duration);
  }
}
