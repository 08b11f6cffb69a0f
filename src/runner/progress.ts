import { resultPasses, type ItemResult } from '../contracts/item-result.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  result(result: ItemResult): void;
  finish(): void;
}

const BAR_WIDTH = 24;
const TTY_REFRESH_MS = 100;
const PLAIN_EVERY_MS = 5_000;

/**
 * Progress of one suite x candidate: a redrawn bar on a terminal; on CI (not a TTY) a plain
 * line every few seconds, so logs stay readable and long runs still show they are alive.
 */
export function createProgress(
  stream: ProgressStream,
  label: string,
  total: number,
  alreadyDone: number,
  now: () => number = Date.now,
  /** Judged metrics that do not gate (judge below its minAgreement): as in the report, they fail no item. */
  ungated: ReadonlySet<string> = new Set(),
): Progress {
  const started = now();
  let done = alreadyDone;
  let passed = 0;
  let counted = 0;
  let errors = 0;
  let lastDraw = 0;

  const line = (): string => {
    const ranNow = done - alreadyDone;
    const elapsed = now() - started;
    const eta = ranNow > 0 ? ((total - done) * elapsed) / ranNow : undefined;
    // The same pass as the report's: checks and judged metrics, errors as failures.
    const rate = counted > 0 ? `pass ${Math.round((100 * passed) / counted)}%` : 'pass –';
    return `${done}/${total} ${rate} errors ${errors} ETA ${eta === undefined ? '–' : formatDuration(eta)}`;
  };

  const draw = (force: boolean) => {
    const t = now();
    if (stream.isTTY) {
      if (!force && t - lastDraw < TTY_REFRESH_MS) return;
      const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
      stream.write(`\r\x1b[2K${label} ${bar} ${line()}`);
    } else {
      if (!force && t - lastDraw < PLAIN_EVERY_MS) return;
      stream.write(`${label} ${line()}\n`);
    }
    lastDraw = t;
  };

  if (!stream.isTTY) lastDraw = started;
  return {
    result(result) {
      done++;
      if (result.error) errors++;
      const pass = resultPasses(result, ungated);
      if (pass !== undefined) counted++;
      if (pass) passed++;
      draw(false);
    },
    finish() {
      draw(true);
      if (stream.isTTY) stream.write('\n');
    },
  };
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
