import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/harness.js';
import { commitAll, git, gitProject } from '../git-project.js';
import { startGitHubServer, type GitHubServer } from '../servers/github-server.js';
import { simulateAction, type ActionRun } from './simulate.js';
import { KEYS, startJudgeServer, type JudgeServer } from '../judges/helpers.js';

const root = path.join(import.meta.dirname, '..', '..');
const packageName = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string }).name;
const REPOSITORY = 'acme/app';
const TOKEN = 'ghs_simulated_token_0123456789';

/** Forgets the capitals of the last `count` long-tail items (q-16 backwards). */
function forget(dir: string, count: number): void {
  const file = path.join(dir, 'answers.json');
  const answers = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  for (let i = 16; i > 16 - count; i -= 1) delete answers[`q-${String(i).padStart(2, '0')}`];
  writeFileSync(file, `${JSON.stringify(answers, null, 2)}\n`);
}

interface Origin {
  dir: string;
  base: string;
  branches: Record<'lowered' | 'harmless', string>;
}

/**
 * The repository on "GitHub": main with the candidate's report; `lowered`, a PR that forgets five
 * long-tail capitals and commits the lower report with -u; `harmless`, a PR that changes a note.
 */
async function makeOrigin(configure?: (config: string) => string, env: NodeJS.ProcessEnv = {}): Promise<Origin> {
  const dir = gitProject('gated');
  const config = path.join(dir, 'evals.config.mjs');
  if (configure) writeFileSync(config, configure(readFileSync(config, 'utf8')));
  expect((await runCli(['run', '--candidate', 'bot', '--quiet'], dir, undefined, env)).code).toBe(0);
  const base = commitAll(dir, 'base');
  git(dir, 'checkout', '-q', '-b', 'lowered');
  forget(dir, 5);
  expect((await runCli(['run', '--candidate', 'bot', '-u', '--quiet'], dir, undefined, env)).code).toBe(0);
  const lowered = commitAll(dir, 'forget five capitals; lower the baseline with -u');
  git(dir, 'checkout', '-q', '-b', 'harmless', base);
  writeFileSync(path.join(dir, 'NOTES.md'), 'A note.\n');
  const harmless = commitAll(dir, 'a note');
  // GitHub serves any reachable commit by sha; a local repository needs to be told to.
  git(dir, 'config', 'uploadpack.allowReachableSHA1InWant', 'true');
  return { dir, base, branches: { lowered, harmless } };
}

/** actions/checkout's default: the head commit only (depth 1), so the base must be fetched. */
function checkout(origin: Origin, branch: keyof Origin['branches']): string {
  const parent = mkdtempSync(path.join(tmpdir(), 'evals-workspace-'));
  const workspace = path.join(parent, 'app');
  git(parent, 'clone', '-q', '--depth', '1', '--branch', branch, `file://${origin.dir}`, workspace);
  // The project has evals installed: this package, as `npm install` would link it.
  mkdirSync(path.join(workspace, 'node_modules', path.dirname(packageName)), { recursive: true });
  symlinkSync(root, path.join(workspace, 'node_modules', packageName), 'dir');
  return workspace;
}

function pullRequestEvent(origin: Origin, branch: keyof Origin['branches'], options: { fork?: boolean; labels?: string[] } = {}): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'evals-event-')), 'event.json');
  const event = {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      base: { ref: 'main', sha: origin.base, repo: { full_name: REPOSITORY } },
      head: { ref: branch, sha: origin.branches[branch], repo: { full_name: options.fork ? 'someone/app' : REPOSITORY } },
      labels: (options.labels ?? []).map((name) => ({ name })),
    },
  };
  writeFileSync(file, JSON.stringify(event));
  return file;
}

describe('the Action, run step by step in a simulated GitHub job', () => {
  let origin: Origin;
  let github: GitHubServer;

  beforeAll(async () => {
    if (!existsSync(path.join(root, 'dist', 'action', 'gate.js'))) throw new Error('run `npm run build` first: the Action runs the built dist/action scripts');
    origin = await makeOrigin();
  }, 120_000);
  // A GitHub stand-in per test: it keeps the comments posted to it, and each test counts its own.
  beforeEach(async () => {
    github = await startGitHubServer({ repository: REPOSITORY, token: TOKEN, existing: [{ issue: 7, body: 'LGTM, a person wrote this' }] });
  });
  afterEach(async () => github?.close());

  const run = (workspace: string, event: string, inputs: Record<string, string>, token = TOKEN): Promise<ActionRun> =>
    simulateAction({
      actionDir: root,
      workspace,
      inputs: { candidates: 'bot', config: 'evals.config.mjs', ...inputs },
      token,
      env: {
        PATH: process.env['PATH'],
        HOME: process.env['HOME'],
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_API_URL: github.url,
        GITHUB_REPOSITORY: REPOSITORY,
      },
    });
  const step = (result: ActionRun, name: RegExp) => result.steps.find((s) => name.test(s.name));
  const evalsComments = () => github.comments.filter((c) => c.body.startsWith('<!-- evals-gate'));

  it('a head that lowers its committed baseline fails against the base, comments once, and a label accepts it on the next run (same comment)', async () => {
    const workspace = checkout(origin, 'lowered');
    const first = await run(workspace, pullRequestEvent(origin, 'lowered'), {});
    expect(first.failed, first.log).toBe(true);
    expect(first.outputs).toMatchObject({ passed: 'false', 'exit-code': '1', comment: 'created' });
    expect(first.outputs['report']).toBe(path.join(workspace, 'reports', 'qa', 'bot.new.json'));
    expect(first.log).toContain(`fetching the base commit ${origin.base}`);
    expect(first.log).toContain('this PR lowers the baseline of long-tail / pass from 1.00 to 0.50');
    expect(step(first, /^Fail on a failed gate/)?.code).toBe(1);
    // The caller's Node (this one, 20.19+) is kept: setup-node does not run.
    expect(step(first, /^Set up Node/)?.status).toBe('skipped');
    expect(step(first, /^Check for Node/)?.stdout).toContain(`using the Node already set up, ${process.version}`);
    // .evals-cache is cached under a key of the golden sets, rubrics and config.
    const key = expect.stringMatching(/^evals-cache-Linux-bot-[0-9a-f]{32}-4242$/);
    expect(step(first, /^Restore answers and verdicts/)?.with).toEqual({
      path: path.join(workspace, '.evals-cache'),
      key,
      'restore-keys': expect.stringMatching(/^evals-cache-Linux-bot-[0-9a-f]{32}-\nevals-cache-Linux-bot-\n$/),
    });
    // Saved although the gate failed, so the next run pays for nothing it has paid for.
    expect(step(first, /^Save answers and verdicts/)).toMatchObject({ status: 'uses', with: { path: path.join(workspace, '.evals-cache'), key } });
    expect(first.summary).toContain('this PR lowers the baseline of long-tail / pass from 1.00 to 0.50');
    expect(evalsComments()).toHaveLength(1);
    const comment = evalsComments()[0];
    expect(comment?.body).toMatch(/^<!-- evals-gate suites=\(default\) candidates=bot -->\n/);
    expect(comment?.body).toContain('this PR lowers the baseline of long-tail / pass from 1.00 to 0.50');

    const accepted = await run(workspace, pullRequestEvent(origin, 'lowered', { labels: ['evals:accept-baseline'] }), {});
    expect(accepted.failed, accepted.log).toBe(false);
    expect(accepted.outputs).toMatchObject({ passed: 'true', 'exit-code': '0', comment: 'updated' });
    expect(accepted.log).toContain('a lower committed report is accepted (label evals:accept-baseline)');
    expect(evalsComments()).toHaveLength(1);
    expect(evalsComments()[0]?.id).toBe(comment?.id);
    expect(evalsComments()[0]?.body).toContain('accepted (--allow-baseline-change)');
    expect(github.comments.find((c) => c.body === 'LGTM, a person wrote this')).toBeDefined();
    const writes = github.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    expect(writes).toEqual([`POST /repos/${REPOSITORY}/issues/7/comments`, `PATCH /repos/${REPOSITORY}/issues/comments/${comment?.id}`]);
    expect(github.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);

    // A second use of the Action in the workflow (other suites) keeps a comment of its own.
    const second = await run(workspace, pullRequestEvent(origin, 'lowered', { labels: ['evals:accept-baseline'] }), { suites: 'qa' });
    expect(second.outputs['comment']).toBe('created');
    expect(evalsComments().map((c) => c.body.split('\n')[0])).toEqual([
      '<!-- evals-gate suites=(default) candidates=bot -->',
      '<!-- evals-gate suites=qa candidates=bot -->',
    ]);
  }, 240_000);

  it('a pull request from a fork (no token) is gated all the same, posts no comment, and the summary says why', async () => {
    const workspace = checkout(origin, 'harmless');
    const before = github.requests.length;
    const result = await run(workspace, pullRequestEvent(origin, 'harmless', { fork: true }), {}, '');
    expect(result.failed, result.log).toBe(false);
    expect(result.outputs).toMatchObject({ passed: 'true', 'exit-code': '0', comment: 'no' });
    expect(github.requests.length).toBe(before);
    expect(result.summary).toContain(
      'no pull-request comment was posted: this pull request comes from a fork, and GitHub gives such runs no token to write with. The gate decided all the same.',
    );
    expect(step(result, /^Fail on a failed gate/)?.stdout).toContain('evals: gate passed');
  }, 240_000);

  it('drift-ref passes the drift anchor through, fetched into the shallow checkout as a tag', async () => {
    git(origin.dir, 'tag', '-f', 'v1', origin.base);
    const workspace = checkout(origin, 'lowered');
    const result = await run(workspace, pullRequestEvent(origin, 'lowered', { labels: ['evals:accept-baseline'] }), { 'drift-ref': 'v1' });
    expect(result.log).toContain('evals: fetching the drift anchor v1');
    // The accepted lower report is 50 points below v1 on 10 long-tail items: shown against v1, not yet significant at alpha 0.01.
    expect(result.log).toMatch(/Drift since v1 \(\d steps?; budget 5 points at alpha 0\.01\): overall −31\.3, long-tail −50\.0, common 0\.0 points \(pass\)/);
    expect(result.summary).toContain('Drift since v1');
    expect(result.outputs).toMatchObject({ passed: 'true', 'exit-code': '0' });
  }, 240_000);

  it('a missing judge key fails the job, naming the metric and the variable, unless allow-unscored', async () => {
    const judge: JudgeServer = await startJudgeServer('anthropic');
    try {
      judge.verdicts(() => ({ reasoning: 'Matches the reference.', verdict: 'correct' }));
      const judged = await makeOrigin(
        (config) =>
          config
            .replace("goldenSets: ['goldensets/qa.jsonl'] }", "goldenSets: ['goldensets/qa.jsonl'], judges: [{ kind: 'reference', judge: 'grader' }] }")
            .replace(
              'candidates: {',
              `judges: { grader: { provider: 'anthropic', model: 'claude-sonnet-4-6', baseURL: '${(judge.server as typeof judge.server & { baseURL: string }).baseURL}', apiKeyEnv: 'GATED_JUDGE_KEY', maxRetries: 0 } },\n  candidates: {`,
            ),
        { GATED_JUDGE_KEY: KEYS.anthropic },
      );
      const workspace = checkout(judged, 'harmless');
      const event = pullRequestEvent(judged, 'harmless');
      const calls = judge.requests.length;
      const missing = await run(workspace, event, {});
      expect(missing.failed, missing.log).toBe(true);
      expect(missing.outputs).toMatchObject({ passed: 'false', 'exit-code': '2' });
      expect(missing.log).toMatch(/reference[^\n]*GATED_JUDGE_KEY|GATED_JUDGE_KEY[^\n]*reference/);
      expect(missing.log).toContain('In the Action: set the secret, or allow-unscored: true.');
      expect(judge.requests.length).toBe(calls);

      const allowed = await run(workspace, event, { 'allow-unscored': 'true' });
      expect(allowed.failed, allowed.log).toBe(false);
      expect(allowed.outputs).toMatchObject({ passed: 'true', 'exit-code': '0' });
      expect(judge.requests.length).toBe(calls);
    } finally {
      await judge.close();
    }
  }, 240_000);
});
