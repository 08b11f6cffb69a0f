import type { LimitFunction } from 'p-limit';

/**
 * Runs `run` over a stream of calls under `limit`, streaming: at most 2 x concurrency calls are
 * queued at any time, so a plan of a million calls is never held as a million promises. Stops
 * scheduling on Ctrl-C (`interrupt`) or on the first call that throws, waits for what is in
 * flight, and rethrows that first failure. Every paid call of every command goes through here
 * (src/runner/execute.ts for candidates, src/runner/tasks.ts for judgments).
 */
export async function schedule<C>(
  calls: Iterable<C> | AsyncIterable<C>,
  limit: LimitFunction,
  interrupt: AbortSignal,
  run: (call: C) => Promise<void>,
): Promise<void> {
  // A counter and one waiter, not Promise.race over the tasks in flight: each race attached a
  // handler to every pending task, 100 per scheduled call, which dominated the runner's own CPU.
  let inFlight = 0;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const settled = () => {
    inFlight--;
    wake?.();
  };
  const waitUntil = async (ready: () => boolean) => {
    while (!ready()) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  };
  for await (const call of calls) {
    if (interrupt.aborted || failure) break;
    inFlight++;
    limit(() => run(call)).then(settled, (error: unknown) => {
      failure ??= { error };
      settled();
    });
    await waitUntil(() => inFlight < limit.concurrency * 2 || failure !== undefined);
  }
  await waitUntil(() => inFlight === 0);
  if (failure) throw failure.error;
}
