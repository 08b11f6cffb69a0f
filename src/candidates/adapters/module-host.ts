import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { GoldenItem } from '../../goldensets/item.js';
import { CandidateError } from '../adapter.js';

/**
 * A module candidate runs in a worker thread, not in the harness's own thread, because it is the
 * user's code: `process.exit` in a worker ends only the worker, an uncaught exception or an
 * unhandled rejection ends it with an 'error' event, and a synchronous loop blocks only it. Each
 * ends the calls in flight in an error (counted like any other) and the next call starts a fresh
 * worker. The alternative, patching process.exit and catching global errors in the harness,
 * cannot stop a blocked thread and cannot tell which call an asynchronous error came from. The
 * price is a message each way per call (tens of microseconds; item and answer are cloned).
 *
 * The worker's code is plain JavaScript in a string so that it runs the same from src/ (tests)
 * and dist/; it loads the module as src/util/import-module.ts loads a config (jiti for TypeScript).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const { file, exportName, jitiPath } = workerData;
const describe = (err) => (err instanceof Error ? err.message : String(err));
// An unhandled rejection is rethrown so it ends the worker like an uncaught exception, named.
process.on('unhandledRejection', (reason) => {
  throw new Error('unhandled promise rejection: ' + describe(reason));
});
const calls = new Map();
async function load() {
  if (/\\.(c|m)?js$/.test(file)) return import(pathToFileURL(file).href);
  const { createJiti } = require(jitiPath);
  return createJiti(file, { moduleCache: false, fsCache: false, interopDefault: false }).import(file);
}
const loaded = load().then(
  (mod) => {
    const fn = mod[exportName];
    parentPort.postMessage({ type: 'loaded', isFunction: typeof fn === 'function' });
    return fn;
  },
  (err) => {
    parentPort.postMessage({ type: 'loaded', error: describe(err) });
    return undefined;
  },
);
parentPort.on('message', async (msg) => {
  if (msg.type === 'abort') return calls.get(msg.id)?.abort();
  if (msg.type === 'ping') return parentPort.postMessage({ type: 'pong' });
  const controller = new AbortController();
  calls.set(msg.id, controller);
  try {
    const fn = await loaded;
    const result = await fn(msg.item, { signal: controller.signal, epoch: msg.epoch });
    parentPort.postMessage({ type: 'result', id: msg.id, result });
  } catch (err) {
    const kind = err && typeof err.kind === 'string' ? err.kind : undefined;
    const name = err && typeof err.name === 'string' ? err.name : undefined;
    parentPort.postMessage({ type: 'error', id: msg.id, message: describe(err), name, kind });
  } finally {
    calls.delete(msg.id);
  }
});
`;

type FromWorker =
  | { type: 'loaded'; isFunction?: boolean; error?: string }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; message: string; name?: string; kind?: string }
  | { type: 'pong' };

interface Pending {
  worker: Worker;
  resolve(result: unknown): void;
  reject(err: Error): void;
}

const KINDS = new Set(['crash', 'timeout', 'bad_output', 'http', 'api', 'missing']);

/**
 * After a call is aborted, how long the worker has to answer a ping before it is taken for stuck
 * (a synchronous loop) and replaced. New calls wait for that verdict rather than queue behind a
 * blocked thread. A healthy worker answers in well under a millisecond.
 */
const RESPONSIVE_MS = 500;

export interface ModuleHostOptions {
  file: string;
  exportName: string;
}

/** One worker running one module candidate, restarted after it dies. */
export class ModuleHost {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** Why a worker is ending, when the harness or an 'error' event knows. */
  private readonly endings = new WeakMap<Worker, string>();
  private watchdog: NodeJS.Timeout | undefined;
  /** Settles once a worker under suspicion has answered its ping or been replaced. */
  private verdict: Promise<void> | undefined;
  private cleared: (() => void) | undefined;

  constructor(private readonly options: ModuleHostOptions) {}

  /** Starts the worker and loads the module; throws CandidateError ('missing') when it cannot. */
  start(): Promise<void> {
    this.ready ??= this.spawn();
    return this.ready;
  }

  private spawn(): Promise<void> {
    const { file, exportName } = this.options;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, exportName, jitiPath: createRequire(import.meta.url).resolve('jiti') },
    });
    this.worker = worker;
    return new Promise<void>((resolve, reject) => {
      let loaded = false;
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'loaded') {
          loaded = true;
          if (message.error !== undefined) reject(new CandidateError(`cannot load module candidate ${file}: ${message.error}`, 'missing'));
          else if (!message.isFunction) reject(new CandidateError(`${file} does not export a function as "${exportName}"`, 'missing'));
          else resolve();
          this.idle();
        } else if (message.type === 'pong') this.clearSuspicion();
        else this.settle(message);
      });
      worker.on('error', (err) => {
        if (!this.endings.has(worker)) this.endings.set(worker, `threw outside a call's promise: ${err.message}`);
      });
      worker.on('exit', (code) => {
        const why = this.endings.get(worker) ?? `called process.exit(${code})`;
        if (this.worker === worker) {
          this.worker = undefined;
          this.ready = undefined;
          this.clearSuspicion();
        }
        if (!loaded) reject(new CandidateError(`cannot load module candidate ${file}: it ${why} while loading`, 'missing'));
        const inFlight = [...this.pending].filter(([, call]) => call.worker === worker);
        for (const [id] of inFlight) this.pending.delete(id);
        const others = inFlight.length > 1 ? ` (with ${inFlight.length - 1} other call(s) in flight, ended too)` : '';
        for (const [, call] of inFlight) call.reject(new CandidateError(`the module candidate ${why}${others}; it was restarted`, 'crash'));
      });
    });
  }

  private settle(message: Extract<FromWorker, { id: number }>): void {
    const call = this.pending.get(message.id);
    if (!call) return;
    this.pending.delete(message.id);
    this.idle();
    if (message.type === 'result') return call.resolve(message.result);
    const kind = message.kind !== undefined && KINDS.has(message.kind) ? (message.kind as CandidateError['kind']) : undefined;
    const error = new CandidateError(message.message, kind ?? (message.name === 'TimeoutError' || message.name === 'AbortError' ? 'timeout' : 'crash'));
    call.reject(error);
  }

  /** An idle worker must not keep the process alive; a busy one must. */
  private idle(): void {
    if (this.pending.size === 0) this.worker?.unref();
    else this.worker?.ref();
  }

  /** Calls the module on one item in the worker. */
  async call(item: GoldenItem, epoch: number | undefined, signal: AbortSignal): Promise<unknown> {
    if (this.verdict) await this.verdict;
    await this.start();
    const worker = this.worker;
    if (!worker) throw new CandidateError('the module candidate is not running', 'crash');
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        if (!this.pending.delete(id)) return;
        this.idle();
        worker.postMessage({ type: 'abort', id });
        this.checkResponsive(worker);
        reject(new CandidateError('the call was aborted', 'timeout'));
      };
      this.pending.set(id, {
        worker,
        resolve: (result) => {
          signal.removeEventListener('abort', onAbort);
          resolve(result);
        },
        reject: (err) => {
          signal.removeEventListener('abort', onAbort);
          reject(err);
        },
      });
      signal.addEventListener('abort', onAbort, { once: true });
      this.idle();
      worker.postMessage({ type: 'call', id, item, epoch });
    });
  }

  /** A call that timed out may have left the worker in a synchronous loop: if it does not answer a ping, it is replaced. */
  private checkResponsive(worker: Worker): void {
    if (this.verdict || this.worker !== worker) return;
    this.verdict = new Promise((resolve) => (this.cleared = resolve));
    this.watchdog = setTimeout(() => {
      this.endings.set(worker, `stopped responding (its thread was still blocked ${RESPONSIVE_MS} ms after a call was aborted)`);
      void worker.terminate();
    }, RESPONSIVE_MS);
    worker.postMessage({ type: 'ping' });
  }

  private clearSuspicion(): void {
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.cleared?.();
    this.cleared = undefined;
    this.verdict = undefined;
  }

  async close(): Promise<void> {
    this.clearSuspicion();
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (worker) {
      this.endings.set(worker, 'was stopped');
      await worker.terminate();
    }
  }
}
