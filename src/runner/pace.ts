import type { TrafficMonitor } from '../models/traffic.js';

export interface PaceOptions {
  /** The configured concurrency: the ceiling the pace returns to. */
  max: number;
  /** No second cut within this long after a cut: one burst of 429s is one signal. */
  cooldownMs?: number;
  /** Successful responses needed, per slot in use, before one more slot is opened. */
  successesPerStep?: number;
  now?: () => number;
  /** Called with the new concurrency whenever it changes. */
  onChange(concurrency: number): void;
}

/**
 * Additive-increase, multiplicative-decrease pacing, as TCP does for congestion: a 429 halves the
 * calls in flight; a run of successes opens one slot again, up to the configured concurrency. The
 * SDKs retry each 429 themselves (honouring retry-after); this keeps a storm from burning those
 * retries by sending fewer calls at once until it passes.
 */
export class Pace implements TrafficMonitor {
  private current: number;
  private lastCut = -Infinity;
  private successes = 0;
  private readonly cooldownMs: number;
  private readonly successesPerStep: number;
  private readonly now: () => number;

  constructor(private readonly options: PaceOptions) {
    this.current = options.max;
    this.cooldownMs = options.cooldownMs ?? 2_000;
    this.successesPerStep = options.successesPerStep ?? 2;
    this.now = options.now ?? Date.now;
  }

  get concurrency(): number {
    return this.current;
  }

  response(status: number): void {
    if (status === 429) return this.cut();
    if (status >= 200 && status < 300) this.succeed();
  }

  private cut(): void {
    this.successes = 0;
    const t = this.now();
    if (t - this.lastCut < this.cooldownMs) return;
    this.lastCut = t;
    this.set(Math.max(1, Math.floor(this.current / 2)));
  }

  private succeed(): void {
    if (this.current >= this.options.max) return;
    this.successes++;
    if (this.successes >= this.current * this.successesPerStep) {
      this.successes = 0;
      this.set(this.current + 1);
    }
  }

  private set(value: number): void {
    if (value === this.current) return;
    this.current = value;
    this.options.onChange(value);
  }
}
