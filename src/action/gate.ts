import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { errorMessage, ExitCode, UserError } from '../errors.js';
import { escapeData } from '../reports/github.js';
import { ensureCommit, ensureTag } from './base-commit.js';
import { pullRequestOf, readEvent } from './event.js';
import { readInputs } from './inputs.js';
import { setOutputs } from '../util/github-outputs.js';
import { packagePath } from '../util/package-path.js';
import { runArgs } from './run-args.js';

const bin = packagePath('bin/evals.js');
/** The end of evals' stderr is kept to name the reason in the job's error annotation. */
const KEEP_STDERR = 4000;

/**
 * The Action's "Run and gate" step (action.yml): runs this package's `evals run` against the
 * pull request's base, and records the outcome as step outputs. The exit code is an output, not
 * this step's result: the comment step runs first, the last step fails the job.
 */
async function main(env: NodeJS.ProcessEnv): Promise<number> {
  const inputs = readInputs(env);
  const cwd = process.cwd();
  const pr = pullRequestOf(env['GITHUB_EVENT_NAME'], readEvent(env));
  const log = (line: string) => process.stdout.write(`${line}\n`);
  if (pr) ensureCommit(cwd, pr.baseSha, log);
  if (inputs.driftRef) ensureTag(cwd, inputs.driftRef, log);
  const out = path.join(env['RUNNER_TEMP'] ?? cwd, 'evals-action', String(process.pid));
  mkdirSync(out, { recursive: true });
  const files = { summary: path.join(out, 'summary.md'), junit: path.join(out, 'junit.xml') };
  const plan = runArgs(inputs, pr, files);
  process.stdout.write(`evals: baseline: ${plan.baseline}\n`);
  const { code, stderrTail } = await runEvals(plan.argv, env);
  setOutputs(env, { 'exit-code': String(code), passed: String(code === ExitCode.ok), summary: files.summary, junit: files.junit });
  if (code === ExitCode.badInput) {
    const hint = stderrTail.includes('--allow-unscored') ? '\nIn the Action: set the secret, or allow-unscored: true.' : '';
    process.stdout.write(`::error title=evals: bad usage, config or input::${escapeData(lastLines(stderrTail) + hint)}\n`);
  }
  return ExitCode.ok;
}

function runEvals(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderrTail: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...argv], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let tail = '';
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-KEEP_STDERR);
    });
    child.on('error', reject);
    // A signal (the job cancelled) counts as a run that could not finish.
    child.on('close', (code) => resolve({ code: code ?? ExitCode.runIncomplete, stderrTail: tail }));
  });
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-6).join('\n');
}

main(process.env).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stdout.write(`::error title=evals action::${escapeData(errorMessage(err))}\n`);
    process.exit(err instanceof UserError ? err.exitCode : ExitCode.runIncomplete);
  },
);
