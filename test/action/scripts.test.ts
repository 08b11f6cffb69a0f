import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../src/action/cache-inputs.js';
import { pullRequestOf } from '../../src/action/event.js';
import { readInputs } from '../../src/action/inputs.js';
import { commentMarker } from '../../src/action/marker.js';
import { setOutputs } from '../../src/util/github-outputs.js';
import { runArgs } from '../../src/action/run-args.js';
import { loadConfig } from '../../src/config/load.js';
import { UserError } from '../../src/errors.js';
import { copyFixture } from '../cli/harness.js';
import { parseOutputs } from './simulate.js';

const sha = 'a'.repeat(40);
const event = (fields: { head?: string | null; labels?: string[] } = {}) => ({
  pull_request: {
    number: 3,
    base: { ref: 'main', sha, repo: { full_name: 'acme/app' } },
    head: { sha: 'b'.repeat(40), repo: fields.head === null ? null : { full_name: fields.head ?? 'acme/app' } },
    labels: (fields.labels ?? []).map((name) => ({ name })),
  },
});

describe("the Action's scripts", () => {
  it('reads the pull request of a pull_request event only; a fork is a head from another repository (or a deleted one)', () => {
    expect(pullRequestOf('pull_request', event())).toEqual({ number: 3, baseSha: sha, baseRef: 'main', fork: false, labels: [] });
    expect(pullRequestOf('pull_request', event({ head: 'someone/app' }))?.fork).toBe(true);
    expect(pullRequestOf('pull_request', event({ head: null }))?.fork).toBe(true);
    expect(pullRequestOf('push', event())).toBeUndefined();
    expect(pullRequestOf('pull_request', { pull_request: { number: 3 } })).toBeUndefined();
  });

  it('one comment marker per suites x candidates, whatever their order; nothing in it can end the HTML comment', () => {
    expect(commentMarker('', 'rag-v2')).toBe('<!-- evals-gate suites=(default) candidates=rag-v2 -->');
    expect(commentMarker('b, a', 'y,x')).toBe(commentMarker('a,b', 'x,y'));
    expect(commentMarker('qa', 'bot')).not.toBe(commentMarker('', 'bot'));
    expect(commentMarker('x-->', 'a b')).toBe('<!-- evals-gate suites=x--_ candidates=a_b -->');
  });

  it('builds the run: --baseline-ref on a pull request, the opt-ins when given, extra args last', () => {
    const inputs = readInputs({ EVALS_CANDIDATES: 'bot', EVALS_ARGS: ' --sample 20  --seed 7 ', EVALS_SUITES: '' });
    const files = { summary: '/t/s.md', junit: '/t/j.xml' };
    expect(runArgs(inputs, undefined, files).argv).toEqual([
      'run',
      '--config',
      'evals.config.ts',
      '--candidate',
      'bot',
      '--summary',
      '/t/s.md',
      '--junit',
      '/t/j.xml',
      '--sample',
      '20',
      '--seed',
      '7',
    ]);
    const pr = pullRequestOf('pull_request', event())!;
    expect(runArgs(inputs, pr, files).argv).toContain('--baseline-ref');
    expect(runArgs(inputs, pr, files).argv).not.toContain('--allow-baseline-change');
    const labelled = pullRequestOf('pull_request', event({ labels: ['evals:accept-baseline'] }))!;
    expect(runArgs(inputs, labelled, files).argv).toContain('--allow-baseline-change');
    const optedIn = readInputs({ EVALS_CANDIDATES: 'bot', EVALS_ALLOW_BASELINE_CHANGE: 'true', EVALS_ALLOW_UNSCORED: 'true' });
    expect(runArgs(optedIn, pr, files).argv).toEqual(expect.arrayContaining(['--allow-baseline-change', '--allow-unscored']));
    expect(runArgs(inputs, pr, files).argv).not.toContain('--allow-unscored');
    // The label does nothing outside a pull request, where there is no base to compare with.
    expect(runArgs(optedIn, undefined, files).argv).not.toContain('--allow-baseline-change');
    // The drift anchor goes through on every event; without the input, evals picks its default.
    expect(runArgs(inputs, pr, files).argv).not.toContain('--drift-ref');
    const anchored = readInputs({ EVALS_CANDIDATES: 'bot', EVALS_DRIFT_REF: ' v1.4 ' });
    expect(runArgs(anchored, undefined, files).argv.slice(-2)).toEqual(['--drift-ref', 'v1.4']);
    expect(runArgs(anchored, pr, files).argv).toEqual(expect.arrayContaining(['--baseline-ref', '--drift-ref', 'v1.4']));
  });

  it('bad inputs are usage errors naming the input', () => {
    expect(() => readInputs({})).toThrow(UserError);
    expect(() => readInputs({})).toThrow(/input candidates/);
    expect(() => readInputs({ EVALS_CANDIDATES: 'bot', EVALS_ALLOW_BASELINE_CHANGE: 'yes' })).toThrow(/input allow-baseline-change.*"true" or "false"/);
  });

  it('writes outputs GitHub reads back exactly, newlines included', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'evals-out-')), 'output');
    writeFileSync(file, '');
    setOutputs({ GITHUB_OUTPUT: file }, { report: 'a.json\nb.json', passed: 'true' });
    setOutputs({ GITHUB_OUTPUT: file }, { trick: 'x\nEOF\npassed=false' });
    expect(parseOutputs(readFileSync(file, 'utf8'))).toEqual({ report: 'a.json\nb.json', passed: 'true', trick: 'x\nEOF\npassed=false' });
  });

  it('the cache key follows the config, golden sets and rubrics, not the reports', async () => {
    const dir = copyFixture('mini');
    const key = async () => cacheKey(await loadConfig(undefined, dir), [], 'evals-cache-');
    const first = await key();
    expect(first).toMatch(/^evals-cache-[0-9a-f]{32}$/);
    writeFileSync(path.join(dir, 'report-like.json'), '{}');
    expect(await key()).toBe(first);
    writeFileSync(path.join(dir, 'mini.jsonl'), `${readFileSync(path.join(dir, 'mini.jsonl'), 'utf8')}\n`);
    const second = await key();
    expect(second).not.toBe(first);
    writeFileSync(path.join(dir, 'rubrics.md'), 'not in the rubrics folder');
    expect(await key()).toBe(second);
    mkdirSync(path.join(dir, 'rubrics'));
    writeFileSync(path.join(dir, 'rubrics', 'answer.yaml'), 'id: answer\n');
    expect(await key()).not.toBe(second);
  });
});
