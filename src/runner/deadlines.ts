import { CandidateError } from '../candidates/adapter.js';

/** Thrown into calls cut short by Ctrl-C: they are not recorded, and a resumed run does them again. */
export class Interrupted extends Error {}

interface Live {
  controller: AbortController;
  reject(reason: unknown): void;
}

/**
 * Deadlines for the calls of one run. Each call gets one AbortController and one timer; Ctrl-C
 * reaches every call in flight through a single listener on the run-wide interrupt signal, not one
 * listener per call (at concurrency 50 those tripped Node's MaxListenersExceededWarning, and
 * AbortSignal.any keeps each one attached to the run-long signal in Node 20, so memory grew with
 * every call). A call settles as soon as its signal fires, even if the work ignores the signal.
 */
export class Deadlines {
  private readonly live = new Set<Live>();
  private readonly onInterrupt = () => {
    for (const call of this.live) this.cut(call, new Interrupted());
  };

  constructor(private readonly interrupt: AbortSignal) {
    interrupt.addEventListener('abort', this.onInterrupt, { once: true });
  }

  /** Runs `work` with a signal that fires on Ctrl-C or after `ms`. */
  run<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.interrupt.aborted) return Promise.reject(new Interrupted());
    return new Promise<T>((resolve, reject) => {
      const call: Live = { controller: new AbortController(), reject };
      // Node fires a timer longer than 2^31 - 1 ms at once: a long timeout times attempts must not wrap.
      const timer = setTimeout(() => this.cut(call, new CandidateError(`timed out after ${ms} ms`, 'timeout')), Math.min(ms, 2_147_483_647));
      this.live.add(call);
      const done = () => {
        clearTimeout(timer);
        this.live.delete(call);
      };
      work(call.controller.signal).then(
        (value) => {
          done();
          resolve(value);
        },
        (err: unknown) => {
          done();
          reject(err);
        },
      );
    });
  }

  /** Releases the run-wide signal. */
  dispose(): void {
    this.interrupt.removeEventListener('abort', this.onInterrupt);
  }

  private cut(call: Live, reason: unknown): void {
    this.live.delete(call);
    call.controller.abort(reason);
    call.reject(reason);
  }
}
