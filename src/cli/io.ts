export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything a command touches of the outside world, so tests can drive commands in-process. */
export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Fires on Ctrl-C. */
  interrupt: AbortSignal;
}

/** The real process: SIGINT aborts the run cleanly; a second Ctrl-C exits at once. */
export function processIO(): CliIO {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('\nStopping: finishing the journal (Ctrl-C again to quit at once)...\n');
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  // `evals run ... | head` closes the pipe early: stop writing quietly instead of crashing.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, interrupt: controller.signal };
}
