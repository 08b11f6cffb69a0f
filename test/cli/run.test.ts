import { existsSync, readFileSync, writeFileSync, appendFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report-schema.js';
import { copyFixture, runCli } from './harness.js';

const read = (dir: string, p: string) => readFileSync(path.join(dir, p), 'utf8');

describe('evals run', () => {
  it('writes the report set, prints a per-slice table, and is byte-identical on a rerun', async () => {
    const dir = copyFixture('mini');
    writeFileSync(path.join(dir, 'mini.jsonl'), read(dir, 'mini.jsonl').split('\n').slice(0, 4).join('\n'));
    const first = await runCli(['run', '--candidate', 'echo', '--suite', 'mini'], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('mini/echo 4/4 pass 50% errors 0 ETA 0s\n');
    for (const ext of ['json', 'md', 'run.json', 'outputs.jsonl']) expect(existsSync(path.join(dir, `reports/mini/echo.${ext}`))).toBe(true);
    expect(first.stdout).toMatch(/mini · echo \(prompt\)/);
    expect(first.stdout).toMatch(/long-tail \(long tail\)\s+1\s+0\s+0\.00/);

    const report = ReportSchema.parse(JSON.parse(read(dir, 'reports/mini/echo.json')));
    expect(report.summary.n).toBe(4);
    expect(report.summary.metrics.pass?.mean).toBe(0.5);
    expect(report.items.map((i) => [i.id, i.pass])).toEqual([
      ['q-01', true],
      ['q-02', true],
      ['q-03', false],
      ['q-04', false],
    ]);
    expect(report.items[3]?.failures).toEqual(['equals: expected "9", found "6"']);
    expect(report.slices.math?.metrics.pass?.mean).toBe(0.5);

    const json = read(dir, 'reports/mini/echo.json');
    const second = await runCli(['run', '--candidate', 'echo', '--suite', 'mini'], dir);
    expect(second.code).toBe(0);
    expect(read(dir, 'reports/mini/echo.json')).toBe(json);
    expect(read(dir, 'reports/mini/echo.md')).toContain('| pass |');
    const runInfo = JSON.parse(read(dir, 'reports/mini/echo.run.json'));
    expect(runInfo).toMatchObject({ suite: 'mini', candidate: 'echo', planned: 4, resumed: 0 });
  });

  it('records a crash, a hang and garbage as errors with reasons, finishes, and exits 3 over budget', async () => {
    const dir = copyFixture('mini');
    const { code, stderr } = await runCli(['run', '--candidate', 'flaky', '--suite', 'mini', '--quiet'], dir);
    expect(code).toBe(3);
    expect(stderr).toMatch(/3 items ended in an error, over the budget of 0/);
    // A run that could not finish never becomes the baseline: its report goes beside it.
    expect(existsSync(path.join(dir, 'reports/mini/flaky.json'))).toBe(false);
    const report = ReportSchema.parse(JSON.parse(read(dir, 'reports/mini/flaky.new.json')));
    expect(report.summary).toMatchObject({ n: 7, errors: 3 });
    const errors = Object.fromEntries(report.items.filter((i) => i.error).map((i) => [i.id, i.error]));
    expect(errors.crash?.kind).toBe('crash');
    expect(errors.crash?.message).toMatch(/model server refused/);
    expect(errors.hang?.kind).toBe('timeout');
    expect(errors.garbage?.kind).toBe('bad_output');
    expect(report.items.find((i) => i.id === 'q-01')?.pass).toBe(true);
    expect(report.summary.metrics.pass?.mean).toBeCloseTo(4 / 7, 4);

    const lenient = await runCli(['run', '--candidate', 'flaky', '--suite', 'lenient', '--quiet'], dir);
    expect(lenient.code).toBe(0);
  });

  it.each([
    ['malformed JSON', (s: string) => s.replace('"q-02",', '"q-02"'), /mini\.jsonl:2: malformed JSON/],
    ['duplicate id', (s: string) => s.replace('"q-02"', '"q-01"'), /mini\.jsonl:2: duplicate id "q-01" \(first at mini\.jsonl:1\)/],
    ['missing input', (s: string) => s.replace('"input": "Capital of France?", ', ''), /mini\.jsonl:2: "input" is missing/],
  ])('exits 2 on %s with file:line, no stack, and leaves the report alone', async (_name, breakIt, message) => {
    const dir = copyFixture('mini');
    expect((await runCli(['run', '--candidate', 'echo', '--suite', 'mini', '--quiet'], dir)).code).toBe(0);
    const before = read(dir, 'reports/mini/echo.json');
    const mtime = statSync(path.join(dir, 'reports/mini/echo.json')).mtimeMs;
    writeFileSync(path.join(dir, 'mini.jsonl'), breakIt(read(dir, 'mini.jsonl')));
    const { code, stderr } = await runCli(['run', '--candidate', 'echo', '--suite', 'mini'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(read(dir, 'reports/mini/echo.json')).toBe(before);
    expect(statSync(path.join(dir, 'reports/mini/echo.json')).mtimeMs).toBe(mtime);
  });

  it('exits 2 on a CSV with a broken quote, and leaves the report alone', async () => {
    const dir = copyFixture('mini');
    writeFileSync(path.join(dir, 'mini.csv'), 'id,input,reference\na,"What is 2 + 2?",4\nb,"Capital of France?",Paris\n');
    writeFileSync(
      path.join(dir, 'evals.config.ts'),
      read(dir, 'evals.config.ts').replace("goldenSets: ['mini.jsonl'], gate: { maxErrors: 0 }", "goldenSets: ['mini.csv'], gate: { maxErrors: 0 }"),
    );
    expect((await runCli(['run', '--candidate', 'echo', '--suite', 'mini', '--quiet'], dir)).code).toBe(0);
    const before = read(dir, 'reports/mini/echo.json');
    const mtime = statSync(path.join(dir, 'reports/mini/echo.json')).mtimeMs;
    writeFileSync(path.join(dir, 'mini.csv'), 'id,input,reference\na,"What is 2 + 2?",4\nb,"broken"quote,x\n');
    const { code, stderr } = await runCli(['run', '--candidate', 'echo', '--suite', 'mini'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: mini\.csv:3: bad CSV: Invalid Closing Quote/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(read(dir, 'reports/mini/echo.json')).toBe(before);
    expect(statSync(path.join(dir, 'reports/mini/echo.json')).mtimeMs).toBe(mtime);
  });

  it('exits 2 for unknown candidates, suites and flags, and for a config error naming the field', async () => {
    const dir = copyFixture('mini');
    expect(await runCli(['run', '--candidate', 'nope'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown candidate "nope" \(known: echo, flaky, slow\)/),
    });
    expect(await runCli(['run', '--candidate', 'echo', '--suite', 'x'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown suite "x"/) });
    expect(await runCli(['run', '--candidate', 'echo', '--bogus'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown option '--bogus'/) });
    expect(await runCli(['run'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/which candidate\? the config has 3 candidates \(echo, flaky, slow\); pass --candidate <id>/),
    });
    expect(await runCli(['run', '--candidate', 'echo', '--sample', '0'], dir)).toMatchObject({ code: 2 });
    writeFileSync(
      path.join(dir, 'evals.config.ts'),
      read(dir, 'evals.config.ts').replace("kind: 'prompt', adapter: { type: 'module', path: 'echo.ts' }", "kind: 'oracle', adapter: { type: 'module' }"),
    );
    const bad = await runCli(['run', '--candidate', 'echo'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/evals\.config\.ts: "candidates\.echo\.kind": expected one of/);
    expect(bad.stderr).toMatch(/evals\.config\.ts: "candidates\.echo\.adapter\.path" is missing/);
  });

  it('resumes after Ctrl-C without calling answered items again', async () => {
    const dir = copyFixture('mini');
    const controller = new AbortController();
    const calls = () => (existsSync(path.join(dir, 'calls.log')) ? read(dir, 'calls.log').trim().split('\n') : []);
    const timer = setInterval(() => calls().length >= 3 && controller.abort(), 5);
    const first = await runCli(['run', '--candidate', 'slow', '--suite', 'lenient', '--quiet'], dir, controller.signal);
    clearInterval(timer);
    expect(first.code).toBe(3);
    expect(first.stderr).toMatch(/Interrupted: \d\/7 items of lenient\/slow are done and saved/);
    expect(existsSync(path.join(dir, 'reports/lenient/slow.json'))).toBe(false);
    const answeredBefore = calls();
    expect(answeredBefore.length).toBeGreaterThanOrEqual(3);
    expect(answeredBefore.length).toBeLessThan(7);

    const second = await runCli(['run', '--candidate', 'slow', '--suite', 'lenient', '--quiet'], dir);
    expect(second.code).toBe(0);
    const all = calls();
    expect(all).toHaveLength(7);
    expect(new Set(all).size).toBe(7);
    const runInfo = JSON.parse(read(dir, 'reports/lenient/slow.run.json'));
    expect(runInfo.resumed).toBe(answeredBefore.length);
    expect(readdirSync(path.join(dir, '.evals-runs/lenient'))).toEqual([]);

    appendFileSync(path.join(dir, 'calls.log'), '');
    const fresh = await runCli(['run', '--candidate', 'slow', '--suite', 'lenient', '--quiet', '--fresh'], dir);
    expect(fresh.code).toBe(0);
    expect(calls()).toHaveLength(14);
  });
});
