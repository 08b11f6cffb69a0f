import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report-schema.js';
import type { RecordedRequest } from '../servers/loopback.js';
import { completionReply, jsonReply, lastUserContent, requestedJsonSchema, startOpenAIServer, type OpenAIServer } from '../servers/openai-server.js';
import { cloneForPack, exec, mustExec, repo, userEnv, writeProject, type Ran } from './npm.js';

/**
 * The package as a new team gets it: `npm pack` (prepack builds dist/), the tarball installed into
 * a project outside the repository, a config importing from the package name, `npx evals`.
 */

const KEY = 'sk-test-fake';
const PER_SLICE = 10;
const questions = ['head', 'long-tail'].flatMap((slice) =>
  Array.from({ length: PER_SLICE }, (_, i) => ({ id: `${slice}-${i}`, slice, code: `${slice === 'head' ? 'H' : 'T'}${100 + i}` })),
);

/** The stand-in candidate knows every code; as `degraded-model` it no longer knows the long tail's. */
function candidateReply(request: RecordedRequest) {
  const model = (request.body as { model: string }).model;
  const question = questions.find((q) => lastUserContent(request).includes(`part ${q.id}?`));
  const knows = question && !(model === 'degraded-model' && question.slice === 'long-tail');
  return completionReply(knows ? `Part ${question.id} has order code ${question.code}.` : 'That part has no order code I know of.', { model });
}

/**
 * The stand-in judge scores 5 when the answer states an order code, 1 otherwise; as the
 * examples/plugins escalation judge, it says an answer escalates when it hands the case to a human agent.
 */
function judgeReply(request: RecordedRequest) {
  if (requestedJsonSchema(request)?.name === 'escalation_verdict') {
    return jsonReply({ reasoning: 'read it', escalates: /<answer-\w+>[^<]*human agent/.test(lastUserContent(request)) });
  }
  const good = /has order code [HT]\d+/.test(request.rawBody);
  return jsonReply({ reasoning: good ? 'states the code' : 'no code', score: good ? 5 : 1 });
}

let work: string;
let tarball: string;
let files: string[];
let project: string;
let server: OpenAIServer;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'evals-pack-'));
  const clone = cloneForPack(path.join(work, 'clone'));
  const packed = await mustExec('npm', ['pack', '--json', '--pack-destination', work], clone);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(work, info!.filename);
  files = info!.files.map((f) => f.path);

  // As `mkdir my-project && cd my-project && npm install --save-dev evals-gate` leaves it.
  project = path.join(work, 'my-project');
  mkdirSync(project);
  writeProject(project, tarball);
  await mustExec('npm', ['ci', '--offline', '--no-audit', '--no-fund'], project);

  server = await startOpenAIServer((request) => (requestedJsonSchema(request) ? judgeReply(request) : candidateReply(request)));
}, 240_000);

afterAll(async () => {
  await server?.close();
});

describe('the npm package', () => {
  it('is under 5 MB, holds dist/ built by prepack, the general suite with its licenses, and no tests or reports', () => {
    expect(statSync(tarball).size).toBeLessThan(5 * 1024 * 1024);
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('reports/') || f.startsWith('src/') || f.endsWith('.map'))).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/evals.js',
        'dist/cli/main.js',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/vitest/index.js',
        'dist/vitest/index.d.ts',
        'templates/init/evals.config.ts',
        'templates/html/report.js',
        'templates/html/report.css',
        'goldensets/general/math.jsonl',
        'goldensets/general/LICENSES.md',
        'goldensets/general/gsm8k.LICENSE',
        'goldensets/general/xstest.LICENSE',
        'goldensets/alpaca/LICENSE',
        'goldensets/alpaca/NOTICE.md',
        'recorded/README.md',
        'recorded/xstest/mistralguard.jsonl',
        'rubrics/support-answer.md',
        'LICENSE',
        'README.md',
      ]),
    );
  });

  it('runs from a config that imports the package name, against an OpenAI-compatible candidate and judge; a degraded candidate fails naming the slice', async () => {
    const dir = path.join(project, 'parts-bot');
    mkdirSync(path.join(dir, 'rubrics'), { recursive: true });
    writeFileSync(
      path.join(dir, 'golden.jsonl'),
      questions
        .map((q) =>
          JSON.stringify({ id: q.id, input: `What is the order code of part ${q.id}?`, slices: [q.slice], checks: [{ type: 'contains', values: [q.code] }] }),
        )
        .join('\n'),
    );
    writeFileSync(
      path.join(dir, 'rubrics', 'answer.md'),
      '---\nid: answer\nscale: 1-5\ncriteria:\n  - name: correct\n    description: States the order code.\n---\nGrade the answer.\n',
    );
    const config = (model: string) => `import { defineConfig } from 'evals-gate';

export default defineConfig({
  suites: { parts: { goldenSets: ['golden.jsonl'], longTail: ['long-tail'], judge: 'grader', rubrics: ['answer'] } },
  candidates: { bot: { kind: 'prompt', adapter: { type: 'openai', model: '${model}', baseURL: '${server.baseURL}' } } },
  judges: { grader: { provider: 'openai', model: 'gpt-4.1-mini', baseURL: '${server.baseURL}' } },
});
`;
    const env = userEnv({ OPENAI_API_KEY: KEY });
    writeFileSync(path.join(dir, 'evals.config.ts'), config('gpt-4o-mini'));
    // The server is shared by this file's tests: count this run's requests only.
    const sent = server.requests.length;
    const first = await exec('npx', ['evals', 'run', '--candidate', 'bot', '--quiet'], dir, env);
    expect(first.code, first.stderr).toBe(0);
    const baseline = readFileSync(path.join(dir, 'reports', 'parts', 'bot.json'), 'utf8');
    const report = ReportSchema.parse(JSON.parse(baseline));
    expect(report.slices['long-tail']?.metrics.pass).toMatchObject({ n: PER_SLICE, mean: 1 });
    expect(report.summary.metrics.answer).toMatchObject({ n: 2 * PER_SLICE, mean: 1 });
    const judged = server.requests.slice(sent).filter((r) => requestedJsonSchema(r)).length;
    expect(judged).toBe(2 * PER_SLICE);
    expect(server.requests.slice(sent).every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);

    writeFileSync(path.join(dir, 'evals.config.ts'), config('degraded-model'));
    const degraded = await exec('npx', ['evals', 'run', '--candidate', 'bot', '--quiet'], dir, env);
    expect(degraded.code, degraded.stderr).toBe(1);
    expect(`${degraded.stdout}${degraded.stderr}`).toMatch(/long-tail \/ pass: 1\.00 → 0\.00/);
    expect(`${degraded.stdout}${degraded.stderr}`).not.toMatch(/head \/ pass:/);
    expect(readFileSync(path.join(dir, 'reports', 'parts', 'bot.json'), 'utf8')).toBe(baseline);
    expect(existsSync(path.join(dir, 'reports', 'parts', 'bot.new.json'))).toBe(true);

    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      expect(readFileSync(path.join(entry.parentPath, entry.name), 'utf8'), entry.name).not.toContain(KEY);
    }
  }, 120_000);

  it('README "Use it in your project": init, run offline, commit the baseline, run again', async () => {
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Use it in your project'), readme.indexOf('\n## ', readme.indexOf('## Use it in your project') + 1));
    const git = (...args: string[]) => mustExec('git', args, project);
    const steps: Array<[string, () => Promise<Ran>]> = [
      ['npx evals init', () => exec('npx', ['evals', 'init'], project)],
      ['npx evals run', () => exec('npx', ['evals', 'run', '--quiet'], project)],
      [
        'git add -A && git commit -m "evals: baseline"',
        async () => (await git('init', '-q'), await git('add', '-A'), git('commit', '-q', '-m', 'evals: baseline')),
      ],
      ['npx evals run', () => exec('npx', ['evals', 'run', '--quiet'], project)],
    ];
    const outputs: string[] = [];
    for (const [command, run] of steps) {
      expect(section, 'the README shows the command the test runs').toContain(command);
      const ran = await run();
      expect(ran.code, `${command}\n${ran.stdout}\n${ran.stderr}`).toBe(0);
      outputs.push(ran.stdout);
    }
    expect(outputs[0]).toContain('wrote    .github/workflows/evals.yml');
    expect(outputs[1]).toContain('no baseline yet');
    expect(outputs[3]).toContain('gate: passed (against reports/faq/my-candidate.json');
    // The rerun changed nothing committed: caches, journals and per-run files are git-ignored.
    expect((await git('status', '--porcelain')).stdout).toBe('');
    expect((await git('ls-files')).stdout.split('\n')).toEqual(expect.arrayContaining(['reports/faq/my-candidate.json', 'evals.config.ts', '.gitignore']));
  }, 120_000);

  it('ships the general suite and recorded outputs that `evals forgetting` runs on from the installed package', async () => {
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Use it in your project'));
    const config = /```ts\n(\/\/ forgetting\.config\.ts[\s\S]*?)```/.exec(section)?.[1];
    expect(config, 'README: the forgetting.config.ts example').toBeDefined();
    writeFileSync(path.join(project, 'forgetting.config.ts'), config!);
    const command = 'npx evals forgetting --config forgetting.config.ts --candidate mistral-guard';
    expect(section).toContain(command);
    const ran = await exec('npx', ['evals', 'forgetting', '--config', 'forgetting.config.ts', '--candidate', 'mistral-guard', '--quiet'], project);
    expect(ran.code, ran.stderr).toBe(1);
    expect(ran.stdout).toMatch(/✗ over-refusal \/ pass: kept 8\d\.\d% of the base/);
    expect(existsSync(path.join(project, 'reports', 'safety', 'mistral-guard.forgetting.json'))).toBe(true);
  }, 120_000);

  it('runs examples/plugins, whose config imports only from the package: its own check, judge kind, adapter and reporter; a bad option of its check is exit 2 with file:line', async () => {
    const dir = path.join(project, 'plugins-example');
    cpSync(path.join(repo, 'examples', 'plugins'), dir, { recursive: true });
    const env = userEnv({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseURL });
    const ran = await exec('npx', ['evals', 'run', '--quiet'], dir, env);
    expect(ran.code, ran.stderr).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports', 'tickets', 'desk.json'), 'utf8')));
    expect(report.summary.metrics).toMatchObject({ 'ticket-id': { n: 5, mean: 0.8 }, escalation: { n: 6 } });
    expect(report.summary.metrics['escalation']?.mean).toBeCloseTo(5 / 6, 3);
    expect(JSON.parse(readFileSync(path.join(dir, 'reports', 'tickets', 'desk.slack.json'), 'utf8'))).toMatchObject({
      text: 'evals tickets · desk: pass 67% of 6 items, 0 errors',
    });

    appendFileSync(path.join(dir, 'tickets.jsonl'), `${JSON.stringify({ id: 'bad', input: 'T-1001?', checks: [{ type: 'ticket-id', known: 'T-1001' }] })}\n`);
    const bad = await exec('npx', ['evals', 'run', '--quiet'], dir, env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('tickets.jsonl:7: "checks.0.known": expected array, received string');
  }, 120_000);
});
