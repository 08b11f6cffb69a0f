import { stripControl } from '../reports/plain-text.js';

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything a command touches of the outside world, so tests can drive commands in-process. */
export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  /**
   * Where the progress bar draws, with its own cursor control; stderr when not given. It is the
   * one stream left raw by `plainTextIO`, and only the harness's own counts are written to it.
   */
  progress?: OutStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Fires on Ctrl-C. */
  interrupt: AbortSignal;
}

/**
 * The real process: SIGINT (Ctrl-C) or SIGTERM (a CI runner cancelling, `kill`) aborts the run
 * cleanly: command candidates' process groups are ended, the journal kept, "Interrupted" printed,
 * exit 3. A second signal exits at once (128 + the signal's number).
 */
export function processIO(): CliIO {
  const controller = new AbortController();
  const stop = (signal: 'SIGINT' | 'SIGTERM', code: number) => () => {
    if (controller.signal.aborted) process.exit(code);
    process.stderr.write(`\nStopping (${signal}): finishing the journal (Ctrl-C again to quit at once)...\n`);
    controller.abort();
  };
  process.on('SIGINT', stop('SIGINT', 130));
  process.on('SIGTERM', stop('SIGTERM', 143));
  // `evals run ... | head` closes the pipe early: stop writing quietly instead of crashing.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, interrupt: controller.signal };
}

/** A stream whose text is stripped of terminal control sequences; its TTY facts are kept. */
function plainStream(stream: OutStream): OutStream {
  return {
    write: (text: string) => stream.write(stripControl(text)),
    ...(stream.isTTY === undefined ? {} : { isTTY: stream.isTTY }),
    ...(stream.columns === undefined ? {} : { columns: stream.columns }),
  };
}

/**
 * Answers, ids, slice names and error excerpts are untrusted: printed raw, an ANSI or OSC sequence
 * in them could recolour, rewrite or hide lines ("gate: passed") or set the terminal's title and
 * clipboard. Every command writes through these plain streams; evals itself prints no control
 * sequence except the progress bar's, which keeps the raw stream.
 */
export function plainTextIO(io: CliIO): CliIO {
  return { ...io, progress: io.progress ?? io.stderr, stdout: plainStream(io.stdout), stderr: plainStream(io.stderr) };
}
