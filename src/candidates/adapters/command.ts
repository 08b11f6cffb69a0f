import { spawn } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';
import { CandidateError, defineAdapter } from '../adapter.js';
import type { CandidateOutput } from '../../contracts/candidate-output.js';
import { excerpt, itemPayload, readAnswer } from './external.js';
import { redact } from '../../models/redact.js';
import { secretValues, withoutSecrets } from '../secret-env.js';

const STDOUT_CAP = 10 * 1024 * 1024;
const STDERR_CAP = 64 * 1024;
const STDERR_SHOWN = 500;
/** Process groups are a POSIX notion; on Windows only the child itself can be signalled. */
const GROUPS = process.platform !== 'win32';

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Why the harness stopped the child, if it did. */
  stopped?: 'timeout' | 'aborted' | 'stdout_cap';
  spawnError?: Error;
}

interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  input: string;
  timeoutMs: number;
  killGraceMs: number;
  signal: AbortSignal;
}

/**
 * Runs argv without a shell, feeds `input` on stdin, and resolves once the child is gone. On
 * timeout or abort the whole process group gets SIGTERM, then SIGKILL after the grace period, so
 * a script's own children die with it. Hand-written over execFile: execFile kills only the direct
 * child and has no SIGTERM-then-SIGKILL escalation.
 */
function runChild(argv: readonly [string, ...string[]], options: RunOptions): Promise<ChildRun> {
  return new Promise((resolve) => {
    const [program, ...args] = argv;
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env,
      shell: false,
      detached: GROUPS,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = Buffer.alloc(0);
    let stopped: ChildRun['stopped'];
    let spawnError: Error | undefined;
    let killTimer: NodeJS.Timeout | undefined;

    const send = (sig: NodeJS.Signals) => {
      try {
        if (GROUPS && child.pid !== undefined) process.kill(-child.pid, sig);
        else child.kill(sig);
      } catch {
        // ESRCH: the group is already gone.
      }
    };
    const stop = (reason: NonNullable<ChildRun['stopped']>) => {
      if (stopped) return;
      stopped = reason;
      send('SIGTERM');
      killTimer = setTimeout(() => send('SIGKILL'), options.killGraceMs);
    };
    const onAbort = () => stop('aborted');
    const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (options.signal.aborted) stop('aborted');

    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > STDOUT_CAP) return stop('stdout_cap');
      stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      // Keep the tail: the last lines of stderr are the ones that explain a crash.
      stderr = Buffer.concat([stderr, chunk]);
      if (stderr.length > STDERR_CAP) stderr = stderr.subarray(stderr.length - STDERR_CAP);
    });
    // A child that exits without reading stdin makes our write fail with EPIPE; its exit status tells the story.
    child.stdin.on('error', () => undefined);
    child.on('error', (err) => {
      spawnError = err;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      options.signal.removeEventListener('abort', onAbort);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: stderr.toString('utf8'),
        ...(stopped ? { stopped } : {}),
        ...(spawnError ? { spawnError } : {}),
      });
    });
    child.stdin.end(options.input);
  });
}

function stderrTail(stderr: string): string {
  const trimmed = stderr.trim();
  if (!trimmed) return '';
  const tail = trimmed.length > STDERR_SHOWN ? `…${trimmed.slice(-STDERR_SHOWN)}` : trimmed;
  return `; stderr: ${tail}`;
}

/** The answer a finished run printed, or the error that says why there is none. */
function interpret(run: ChildRun, program: string, timeoutMs: number): CandidateOutput {
  if (run.spawnError) throw new CandidateError(`cannot start ${program}: ${run.spawnError.message}`, 'crash');
  if (run.stopped === 'timeout') throw new CandidateError(`${program} did not finish within ${timeoutMs} ms and was killed`, 'timeout');
  if (run.stopped === 'aborted') throw new CandidateError(`the call was aborted; ${program} was killed`, 'timeout');
  if (run.stopped === 'stdout_cap') throw new CandidateError(`${program} printed more than ${STDOUT_CAP} bytes and was killed`, 'bad_output');
  if (run.code !== 0) {
    const how = run.signal ? `was killed by ${run.signal}` : `exited with code ${run.code}`;
    throw new CandidateError(`${program} ${how}${stderrTail(run.stderr)}`, 'crash');
  }
  let json: unknown;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    throw new CandidateError(`${program} printed no JSON answer: ${excerpt(run.stdout) || '(empty stdout)'}`, 'bad_output');
  }
  const result = readAnswer(json);
  if ('problem' in result) {
    throw new CandidateError(`${program} printed an invalid answer: ${result.problem}; stdout: ${excerpt(run.stdout)}`, 'bad_output');
  }
  return result.answer;
}

export const commandAdapter = defineAdapter({
  type: 'command',
  summary: 'a program that reads the item as JSON on stdin and prints its answer as JSON',
  options: z.strictObject({
    /** Program then arguments, passed as they are: never through a shell. */
    command: z.array(z.string().min(1)).min(1),
    /** Working directory, relative to the config file's folder (default: that folder). */
    cwd: z.string().min(1).optional(),
    /** Added to the harness's environment. */
    env: z.record(z.string(), z.string()).default({}),
    /**
     * Secret variables of the harness's environment to pass on (e.g. `['OPENAI_API_KEY']`): the
     * program gets none of them otherwise (provider keys, `apiKeyEnv`s, `*_API_KEY`, `*_TOKEN`...).
     */
    passEnv: z.array(z.string().min(1)).default([]),
    /** Time between SIGTERM and SIGKILL when the program must be stopped. */
    killGraceMs: z.number().int().nonnegative().default(2000),
  }),
  async create(options, context) {
    const [program, ...args] = options.command;
    // The schema requires a program; this only narrows the type.
    if (program === undefined) throw new CandidateError('command is empty', 'missing');
    const cwd = path.resolve(context.configDir, options.cwd ?? '.');
    const configured = context.secretEnv ?? [];
    const env = { ...withoutSecrets(context.env, configured, options.passEnv), ...options.env };
    // What the program prints is redacted of every secret it was given or could have read.
    const secrets = [...secretValues(context.env, configured), ...secretValues(options.env, configured)];
    return {
      async generate(item, { signal }) {
        const run = await runChild([program, ...args], {
          cwd,
          env,
          input: `${JSON.stringify(itemPayload(item))}\n`,
          timeoutMs: context.timeoutMs,
          killGraceMs: options.killGraceMs,
          signal,
        });
        return interpret({ ...run, stdout: redact(run.stdout, secrets), stderr: redact(run.stderr, secrets) }, program, context.timeoutMs);
      },
    };
  },
});
