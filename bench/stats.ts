/** Timing helpers of the benchmarks (real time is the point here; this is not a test). */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** One warm-up run (JIT, caches), then the median of `runs` timed runs, in ms. */
export async function timeMedian(
  runs: number,
  fn: () => unknown | Promise<unknown>,
  onSample?: () => void,
  warmUp = true,
): Promise<number> {
  if (warmUp) {
    await fn();
    onSample?.();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    onSample?.();
  }
  return Math.round(median(times) * 10) / 10;
}

/** Peak resident set size seen by `sample()` calls and a background poll. */
export class RssPeak {
  private peak = process.memoryUsage().rss;
  private readonly timer: ReturnType<typeof setInterval>;
  constructor(everyMs = 20) {
    this.timer = setInterval(() => this.sample(), everyMs);
  }
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }
  /** Peak so far, in MB (one decimal). */
  mb(): number {
    this.sample();
    return Math.round((this.peak / (1024 * 1024)) * 10) / 10;
  }
  stop(): number {
    clearInterval(this.timer);
    return this.mb();
  }
}
