import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commandHelp } from '../../src/cli/help.js';

const root = path.join(import.meta.dirname, '..', '..');
// `any`: workflow YAML is free-form; these tests read a few known fields and fail loudly if they move.
const load = (file: string) => parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, any>;

describe('the GitHub Action and example workflows', () => {
  it('action.yml runs evals with flags the CLI has, comments once by marker, and fails on the exit code', () => {
    const action = load('action.yml');
    expect(action.runs.using).toBe('composite');
    expect(action.inputs.candidates.required).toBe(true);
    const script = action.runs.steps.map((s: { run?: string; with?: { script?: string } }) => `${s.run ?? ''}${s.with?.script ?? ''}`).join('\n');
    for (const flag of ['--candidate', '--suite', '--config', '--summary', '--junit']) {
      expect(script).toContain(flag);
      expect(commandHelp('run')).toContain(flag);
    }
    expect(script).toContain('<!-- evals-gate -->');
    expect(script).toMatch(/updateComment[\s\S]*createComment/);
    const last = action.runs.steps.at(-1);
    expect(last.run).toMatch(/1\) .*exit 1/);
  });

  it('the gate workflow deploys only after the evals job', () => {
    const workflow = load('.github/workflows/evals-gate.yml');
    expect(workflow.jobs.deploy.needs).toBe('evals');
    expect(workflow.jobs.evals.steps.some((s: { uses?: string }) => s.uses === './')).toBe(true);
  });

  it('the sharded workflow runs a matrix of shards and merges them', () => {
    const workflow = load('.github/workflows/evals-sharded.yml');
    expect(workflow.jobs.shard.strategy.matrix.shard).toEqual([1, 2, 3]);
    const shardRun = workflow.jobs.shard.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
    expect(shardRun).toMatch(/--shard \$\{\{ matrix\.shard \}\}\/3/);
    expect(workflow.jobs.merge.needs).toBe('shard');
    expect(workflow.jobs.merge.steps.map((s: { run?: string }) => s.run ?? '').join('\n')).toContain('evals merge');
  });
});
