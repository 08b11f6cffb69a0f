import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { evaluate, interpolate, type ExpressionContext } from './expressions.js';

/** github.run_id of every simulated run. */
export const RUN_ID = '4242';

interface ActionStep {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number>;
  'working-directory'?: string;
}

interface ActionFile {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface StepRecord {
  name: string;
  /** `ran` for run steps, `skipped` when `if` said no; `uses` steps are never run, only resolved. */
  status: 'ran' | 'skipped' | 'uses';
  code?: number;
  stdout?: string;
  stderr?: string;
  /** A uses step's `with`, its expressions resolved, to check what it would have been given. */
  with?: Record<string, string>;
}

export interface ActionRun {
  /** What GitHub would report for the job: failed when a step that ran exited non-zero. */
  failed: boolean;
  outputs: Record<string, string>;
  steps: StepRecord[];
  /** The job summary ($GITHUB_STEP_SUMMARY) after every step. */
  summary: string;
  log: string;
}

export interface SimulateOptions {
  /** The folder holding action.yml (GITHUB_ACTION_PATH). */
  actionDir: string;
  /** The checkout (GITHUB_WORKSPACE). */
  workspace: string;
  inputs: Record<string, string>;
  /** The runner's environment: GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_API_URL, secrets passed as env, … */
  env: NodeJS.ProcessEnv;
  /** github.token. */
  token: string;
}

/**
 * Runs a composite action the way the runner does, as far as a test can: every `run:` step in
 * bash (`bash --noprofile --norc -eo pipefail`, as GitHub runs `shell: bash`) with its own
 * GITHUB_OUTPUT file, `${{ }}` expressions evaluated (expressions.ts), `if:` honoured, later
 * steps skipped after a failure unless their `if` says always(). `uses:` steps (setup-node,
 * cache) are not run; their `if` and `with` are evaluated and recorded.
 */
export async function simulateAction(options: SimulateOptions): Promise<ActionRun> {
  const action = parse(readFileSync(path.join(options.actionDir, 'action.yml'), 'utf8')) as ActionFile;
  if (action.runs.using !== 'composite') throw new Error('only composite actions are simulated');
  const temp = mkdtempSync(path.join(tmpdir(), 'evals-runner-'));
  const summaryFile = path.join(temp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  for (const name of Object.keys(options.inputs)) if (!action.inputs[name]) throw new Error(`action.yml has no input "${name}"`);

  const ids = new Set(action.runs.steps.map((s) => s.id).filter(Boolean));
  const stepOutputs = new Map<string, Record<string, string>>();
  const baseContext = (failed: boolean): ExpressionContext => ({
    failed,
    workspace: options.workspace,
    lookup(parts) {
      const [scope, ...rest] = parts;
      if (scope === 'inputs') {
        const name = rest.join('.');
        const spec = action.inputs[name];
        if (!spec) throw new Error(`action.yml reads inputs.${name}, which it does not declare`);
        const given = options.inputs[name];
        if (given !== undefined) return given;
        if (spec.required) throw new Error(`input ${name} is required`);
        return interpolate(String(spec.default ?? ''), baseContext(false));
      }
      if (scope === 'steps' && rest[1] === 'outputs' && rest.length === 3) {
        if (!ids.has(rest[0])) throw new Error(`action.yml reads steps.${rest[0]}, which is no step id`);
        return stepOutputs.get(rest[0] as string)?.[rest[2] as string] ?? '';
      }
      if (parts.join('.') === 'github.token') return options.token;
      if (parts.join('.') === 'runner.os') return 'Linux';
      if (parts.join('.') === 'github.run_id') return RUN_ID;
      throw new Error(`context ${parts.join('.')} is not simulated`);
    },
  });

  const records: StepRecord[] = [];
  let failed = false;
  let log = '';
  for (const [index, step] of action.runs.steps.entries()) {
    const name = step.name ?? step.uses ?? `step ${index + 1}`;
    const context = baseContext(failed);
    const condition = step.if === undefined ? !failed : evaluate(step.if.replace(/^\$\{\{|\}\}$/g, ''), context);
    // A step without always()/failure() in its `if` does not run after a failure, as on GitHub.
    const runs = condition !== false && condition !== '' && (!failed || /always\(\)|failure\(\)/.test(step.if ?? ''));
    if (!runs) {
      records.push({ name, status: 'skipped' });
      continue;
    }
    if (step.uses) {
      records.push({ name, status: 'uses', with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v), context)])) });
      continue;
    }
    if (step.shell !== 'bash' || step.run === undefined) throw new Error(`${name}: only shell: bash run steps are simulated`);
    const outputFile = path.join(temp, `output-${index}`);
    writeFileSync(outputFile, '');
    const scriptFile = path.join(temp, `step-${index}.sh`);
    writeFileSync(scriptFile, interpolate(step.run, context));
    const env: NodeJS.ProcessEnv = {
      ...options.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_ACTION_PATH: options.actionDir,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: temp,
      RUNNER_OS: 'Linux',
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, interpolate(String(v), context)])),
    };
    const cwd = path.resolve(options.workspace, interpolate(step['working-directory'] ?? '.', context));
    const started = Date.now();
    const result = await bash(scriptFile, cwd, env);
    log += `## ${name} (${Date.now() - started} ms)\n${result.stdout}${result.stderr}`;
    if (step.id) stepOutputs.set(step.id, parseOutputs(readFileSync(outputFile, 'utf8')));
    records.push({ name, status: 'ran', ...result });
    if (result.code !== 0) failed = true;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, interpolate(v.value, baseContext(failed))]));
  return { failed, outputs, steps: records, summary: readFileSync(summaryFile, 'utf8'), log };
}

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** GITHUB_OUTPUT lines: `name=value` and the multiline `name<<DELIMITER … DELIMITER`. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const multi = /^([^=<]+)<<(.+)$/.exec(line);
    if (multi) {
      const end = lines.indexOf(multi[2] as string, i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: ${multi[1]} has no closing ${multi[2]}`);
      outputs[multi[1] as string] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}
