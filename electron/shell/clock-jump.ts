/**
 * Electron has no "system time changed" event, yet issue 3 asks for a re-check at a time change (a PC whose
 * clock was fixed by the domain controller, a manual change). So compare how far the wall clock moved with how
 * far a monotonic clock moved: a gap larger than the tolerance is a jump. Suspend also shows up as a jump on
 * platforms whose monotonic clock stops during sleep — a harmless extra re-check next to 'resume'.
 */
import type { Clock } from '../core/clock';

export interface ClockJumpDeps {
  clock: Clock;
  /** Milliseconds from a monotonic source (performance.now). */
  monotonicMs(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  onJump(): void;
  /** How often to look (the core ticks every ≤ 30 s anyway; this only makes the re-check immediate). */
  intervalMs?: number;
  toleranceMs?: number;
}

export class ClockJumpDetector {
  private handle: unknown = null;
  private lastWall = 0;
  private lastMono = 0;

  constructor(private readonly deps: ClockJumpDeps) {}

  start(): void {
    if (this.handle !== null) return;
    this.mark();
    this.handle = this.deps.setInterval(() => this.check(), this.deps.intervalMs ?? 15_000);
  }

  /** Compares both clocks since the last look; reports a jump and starts again from now. */
  check(): boolean {
    const wallDelta = this.deps.clock.now().toMillis() - this.lastWall;
    const monoDelta = this.deps.monotonicMs() - this.lastMono;
    this.mark();
    const jumped = Math.abs(wallDelta - monoDelta) > (this.deps.toleranceMs ?? 60_000);
    if (jumped) this.deps.onJump();
    return jumped;
  }

  stop(): void {
    if (this.handle === null) return;
    this.deps.clearInterval(this.handle);
    this.handle = null;
  }

  private mark(): void {
    this.lastWall = this.deps.clock.now().toMillis();
    this.lastMono = this.deps.monotonicMs();
  }
}
