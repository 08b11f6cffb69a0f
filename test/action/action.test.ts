import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateAction, validateWorkflow, type ValidationState } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commandHelp } from '../../src/cli/help.js';

const root = path.join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
// `any`: workflow YAML is free-form; these tests read a few known fields and fail loudly if they move.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML, read by path in assertions that fail if a path is wrong.
const load = (file: string) => parse(read(file)) as Record<string, any>;
const WORKFLOWS = ['.github/workflows/evals-gate.yml', '.github/workflows/evals-sharded.yml'];

/** The README's example workflow: the yaml block of the "GitHub Action" section that has `on:`. */
function readmeWorkflow(): string {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('### GitHub Action'));
  const block = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string).find((b) => /^on:/m.test(b));
  if (!block) throw new Error('README: the GitHub Action section has no workflow example');
  return block;
}

function errors(state: ValidationState): string[] {
  return state.errors.map((e) => `${'path' in e ? e.path : ''} ${e.title}${e.detail ? `: ${e.detail}` : ''}`);
}

describe('the GitHub Action and example workflows', () => {
  // @action-validator/core checks action.yml and workflows against the action and workflow JSON
  // schemas (SchemaStore's), compiled to wasm: no binary download, works offline.
  it('action.yml, the example workflows and the README example are valid (action-validator)', () => {
    expect(errors(validateAction(read('action.yml')))).toEqual([]);
    for (const file of WORKFLOWS) expect(errors(validateWorkflow(read(file))), file).toEqual([]);
    expect(errors(validateWorkflow(readmeWorkflow()))).toEqual([]);
    // The validator does catch mistakes: a composite step with neither `uses` nor `shell`.
    expect(errors(validateAction('name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n    - run: echo\n')).length).toBeGreaterThan(0);
  });

  it('every inputs.* and steps.* that action.yml reads is declared, and the README example passes only declared inputs', () => {
    const text = read('action.yml');
    const action = load('action.yml');
    const ids = new Set(action.runs.steps.map((s: { id?: string }) => s.id).filter(Boolean));
    for (const [, name] of text.matchAll(/inputs\.([\w-]+)/g)) expect(action.inputs, `inputs.${name}`).toHaveProperty([name as string]);
    for (const [, id] of text.matchAll(/steps\.([\w-]+)\.outputs/g)) expect(ids.has(id), `steps.${id}`).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML, as above.
    const example = parse(readmeWorkflow()) as Record<string, any>;
    const uses = Object.values(example.jobs as Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>)
      .flatMap((job) => job.steps ?? [])
      .filter((s: { uses?: string }) => /evals@|^\.\/$/.test(s.uses ?? ''));
    expect(uses.length).toBeGreaterThan(0);
    for (const step of uses) for (const input of Object.keys(step.with ?? {})) expect(action.inputs, `README input ${input}`).toHaveProperty([input]);
  });

  it("the README example is the repository's own gate workflow, with `uses: ./` for the published name", () => {
    const own = read('.github/workflows/evals-gate.yml').replace(/^#.*\n/gm, '');
    expect(
      readmeWorkflow()
        .replace(/^#.*\n/gm, '')
        .replace(/uses: \S+\/evals@v\d+/, 'uses: ./'),
    ).toBe(own);
  });

  it('the flags the Action passes to evals run are flags evals run has', () => {
    const script = read('src/action/run-args.ts');
    const flags = [...script.matchAll(/'(--[a-z-]+)'/g)].map((m) => m[1] as string);
    expect(flags).toEqual(
      expect.arrayContaining([
        '--candidate',
        '--suite',
        '--config',
        '--summary',
        '--junit',
        '--baseline-ref',
        '--allow-baseline-change',
        '--allow-unscored',
        '--drift-ref',
      ]),
    );
    for (const flag of flags) expect(commandHelp('run'), flag).toContain(flag);
  });

  it('sets up Node only when the one on the PATH is missing or older than 20.19', () => {
    const action = load('action.yml');
    const check = action.runs.steps.find((s: { id?: string }) => s.id === 'node');
    const setup = action.runs.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/setup-node@'));
    expect(setup.if).toBe("steps.node.outputs.setup == 'true'");
    const bin = mkdtempSync(path.join(tmpdir(), 'evals-fake-node-'));
    const outcome = (pathPrefix: string, rest = process.env['PATH']) => {
      const output = path.join(mkdtempSync(path.join(tmpdir(), 'evals-node-out-')), 'out');
      writeFileSync(output, '');
      execFileSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', check.run], { env: { PATH: `${pathPrefix}${rest}`, GITHUB_OUTPUT: output } });
      return readFileSync(output, 'utf8').trim();
    };
    expect(outcome('')).toBe('setup=false');
    // An old Node on the PATH: a `node` that reports version 18.20.0.
    writeFileSync(
      path.join(bin, 'node'),
      `#!${process.execPath}\nObject.defineProperty(process.versions, 'node', { value: '18.20.0' });\nrequire('node:vm').runInThisContext(process.argv[process.argv.indexOf('-e') + 1]);\n`,
      { mode: 0o755 },
    );
    expect(outcome(`${bin}:`)).toBe('setup=true');
    // No node at all: a PATH with bash only.
    const bashOnly = mkdtempSync(path.join(tmpdir(), 'evals-bash-only-'));
    symlinkSync(execFileSync('bash', ['-c', 'command -v bash'], { encoding: 'utf8' }).trim(), path.join(bashOnly, 'bash'));
    expect(outcome('', bashOnly)).toBe('setup=true');
  });

  it('the gate workflow deploys only after the evals job', () => {
    const workflow = load('.github/workflows/evals-gate.yml');
    expect(workflow.jobs.deploy.needs).toBe('evals');
    expect(workflow.jobs.evals.steps.some((s: { uses?: string }) => s.uses === './')).toBe(true);
    expect(workflow.on.pull_request.types).toContain('labeled');
  });

  it('the sharded workflow runs a matrix of shards and merges them', () => {
    const workflow = load('.github/workflows/evals-sharded.yml');
    expect(workflow.jobs.shard.strategy.matrix.shard).toEqual([1, 2, 3]);
    const step = workflow.jobs.shard.steps.find((s: { run?: string }) => s.run?.includes('--shard'));
    expect(step.run).toMatch(/--shard auto/);
    expect(step.env).toEqual({ EVALS_SHARD_INDEX: '${{ matrix.shard }}', EVALS_SHARD_TOTAL: '${{ strategy.job-total }}' });
    expect(workflow.jobs.merge.needs).toBe('shard');
    expect(workflow.jobs.merge.steps.map((s: { run?: string }) => s.run ?? '').join('\n')).toContain('evals merge');
  });
});
