import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { shardFromFlag } from '../../src/runner/shard.js';
import { copyFixture, runCli } from '../cli/harness.js';

describe('--shard auto', () => {
  it('reads the shard from a GitHub matrix (EVALS_SHARD_*), GitLab (CI_NODE_*) or a Kubernetes Indexed Job', () => {
    expect(shardFromFlag('auto', { EVALS_SHARD_INDEX: '2', EVALS_SHARD_TOTAL: '3' })).toEqual({ index: 2, count: 3 });
    expect(shardFromFlag('auto', { CI_NODE_INDEX: '4', CI_NODE_TOTAL: '4' })).toEqual({ index: 4, count: 4 });
    expect(shardFromFlag('auto', { JOB_COMPLETION_INDEX: '0', EVALS_SHARD_TOTAL: '5' })).toEqual({ index: 1, count: 5 });
    // The explicit variables win over what the runner sets.
    expect(shardFromFlag('auto', { EVALS_SHARD_INDEX: '1', EVALS_SHARD_TOTAL: '2', CI_NODE_INDEX: '2', CI_NODE_TOTAL: '2' })).toEqual({ index: 1, count: 2 });
    expect(shardFromFlag('2/3', {})).toEqual({ index: 2, count: 3 });
  });

  it('says which variables to set when there are none, or they name no shard', () => {
    expect(() => shardFromFlag('auto', {})).toThrow(
      /EVALS_SHARD_INDEX \+ EVALS_SHARD_TOTAL, CI_NODE_INDEX \+ CI_NODE_TOTAL, JOB_COMPLETION_INDEX \+ EVALS_SHARD_TOTAL/,
    );
    expect(() => shardFromFlag('auto', { JOB_COMPLETION_INDEX: '3' })).toThrow(/EVALS_SHARD_TOTAL is not/);
    expect(() => shardFromFlag('auto', { JOB_COMPLETION_INDEX: '3', EVALS_SHARD_TOTAL: '3' })).toThrow(UserError);
    expect(() => shardFromFlag('auto', { CI_NODE_INDEX: '0', CI_NODE_TOTAL: '3' })).toThrow(/CI_NODE_INDEX=0/);
    expect(() => shardFromFlag('auto', { EVALS_SHARD_INDEX: 'x', EVALS_SHARD_TOTAL: '3' })).toThrow(UserError);
  });

  it('runs the shard the environment names, and a missing one is a usage error (exit 2)', async () => {
    const dir = copyFixture('mini');
    const run = await runCli(['run', '--candidate', 'echo', '--suite', 'mini', '--quiet', '--shard', 'auto'], dir, new AbortController().signal, {
      CI_NODE_INDEX: '2',
      CI_NODE_TOTAL: '3',
    });
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(dir, '.evals-shards'))).toEqual(['mini.echo.shard-2-of-3.jsonl']);
    const none = await runCli(['run', '--candidate', 'echo', '--suite', 'mini', '--quiet', '--shard', 'auto'], dir, new AbortController().signal, {});
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--shard auto: no shard in the environment/);
  });
});
