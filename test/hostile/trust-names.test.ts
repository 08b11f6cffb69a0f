import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calls, committed, expectEnd, hostileProject, read, runCli, withBaseline, write } from './helpers-trust.js';

// Principle 4: names and checks are validated before anything runs; nothing is written, nothing is called.
async function refused(dir: string, argv: string[], message: RegExp): Promise<void> {
  const before = committed(dir);
  const n = calls(dir).length;
  expectEnd(await runCli(argv, dir), 2, message);
  expect(calls(dir).length).toBe(n);
  expect(committed(dir)).toEqual(before);
}

const run = ['run', '--candidate', 'count', '--suite', 'mini'];

describe('golden-set names and checks', () => {
  it.each([
    [
      'a slice named "all"',
      (s: string) => s.replace('"slices": ["math"]', '"slices": ["all"]'),
      /mini\.jsonl:1: .*slice name "all" is reserved for the overall row/,
    ],
    [
      'a slice named ".."',
      (s: string) => s.replace('"slices": ["math"]', '"slices": [".."]'),
      /mini\.jsonl:1: .*slice names may not be "\." or "\.\." or contain/,
    ],
    ['a slice with a path separator', (s: string) => s.replace('"slices": ["geo"]', '"slices": ["geo/../x"]'), /mini\.jsonl:2: .*slice names may not/],
    [
      'equals with no reference',
      (s: string) => s.replace('"reference": "Paris", ', ''),
      /mini\.jsonl:2: check "equals" cannot be evaluated: needs a "value" or the item's "reference"/,
    ],
    [
      'a misspelt reference',
      (s: string) => s.replace('"reference": "Paris"', '"refrence": "Paris"'),
      /mini\.jsonl:2: check "equals" cannot be evaluated: .*\(is "refrence" a misspelt "reference"\?\)/,
    ],
    [
      'numeric with a reference that is no number',
      (s: string) =>
        s.replace(
          '"reference": "9", "slices": ["math"], "checks": [{"type": "equals"}]',
          '"reference": "nine", "slices": ["math"], "checks": [{"type": "numeric"}]',
        ),
      /mini\.jsonl:4: check "numeric" cannot be evaluated: the reference "nine" holds no number/,
    ],
    [
      'choice with a reference that is no letter',
      (s: string) => s.replace('"checks": [{"type": "equals"}]}', '"checks": [{"type": "choice"}]}'),
      /mini\.jsonl:1: check "choice" cannot be evaluated: the reference "4" is not a choice letter/,
    ],
    ['a misspelt check parameter', (s: string) => s.replace('[{"type": "equals"}]', '[{"type": "equals", "vaule": "4"}]'), /mini\.jsonl:1: .*vaule/],
  ])('%s is exit 2 with file:line, before any call', async (_name, breakIt, message) => {
    const dir = hostileProject();
    await withBaseline(dir);
    write(dir, 'mini.jsonl', breakIt(read(dir, 'mini.jsonl')));
    await refused(dir, run, message);
  });

  it("a suite check that cannot be evaluated on an item says it came from the suite's checks", async () => {
    const dir = hostileProject();
    write(dir, 'mini.jsonl', read(dir, 'mini.jsonl').replace('"reference": "Lima", ', ''));
    write(
      dir,
      'evals.config.ts',
      read(dir, 'evals.config.ts').replace(
        "goldenSets: ['mini.jsonl'], gate: { maxErrors: 0 }",
        "goldenSets: ['mini.jsonl'], checks: [{ type: 'normalized-equals' }], gate: { maxErrors: 0 }",
      ),
    );
    await refused(dir, run, /mini\.jsonl:3: check "normalized-equals" \(from the suite's checks\) cannot be evaluated/);
  });

  it('duplicate CSV headers are exit 2 naming the column', async () => {
    const dir = hostileProject();
    write(dir, 'mini.csv', 'id,input,reference,reference\na,"What is 2 + 2?",4,5\n');
    write(
      dir,
      'evals.config.ts',
      read(dir, 'evals.config.ts').replace("goldenSets: ['mini.jsonl'], gate: { maxErrors: 0 }", "goldenSets: ['mini.csv'], gate: { maxErrors: 0 }"),
    );
    await refused(dir, run, /mini\.csv:1: .*column "reference" appears twice in the header/);
  });

  it('a JSONL golden set with a byte-order mark is read as in CSV', async () => {
    const dir = hostileProject();
    write(dir, 'mini.jsonl', `\uFEFF${read(dir, 'mini.jsonl')}`);
    expectEnd(await runCli([...run, '--quiet'], dir), 0);
    expect(JSON.parse(read(dir, 'reports/mini/count.json')).summary.n).toBe(4);
  });
});

describe('suite and candidate names', () => {
  it('suite ".." with candidate "README" is exit 2 and README.md is untouched', async () => {
    const dir = hostileProject();
    write(dir, 'README.md', 'mine\n');
    write(
      dir,
      'evals.config.ts',
      read(dir, 'evals.config.ts')
        .replace('suites: {', "suites: {\n    '..': { goldenSets: ['mini.jsonl'] },")
        .replace('candidates: {', "candidates: {\n    README: { kind: 'prompt', adapter: { type: 'module', path: 'count.mjs' } },"),
    );
    expectEnd(await runCli(['run', '--candidate', 'README', '--suite', '..'], dir), 2, /evals\.config\.ts: .*suite names may not be "\." or "\.\."/);
    expect(read(dir, 'README.md')).toBe('mine\n');
    expect(existsSync(path.join(dir, 'README.json'))).toBe(false);
    expect(calls(dir)).toEqual([]);
  });

  it.each([
    ['a candidate named "."', "    '.': { kind: 'prompt', adapter: { type: 'module', path: 'count.mjs' } },", /candidate ids may not be "\." or "\.\."/],
    ['a candidate with a slash', "    'a/b': { kind: 'prompt', adapter: { type: 'module', path: 'count.mjs' } },", /candidate ids are letters, digits/],
  ])('%s is exit 2', async (_name, line, message) => {
    const dir = hostileProject();
    write(dir, 'evals.config.ts', read(dir, 'evals.config.ts').replace('candidates: {', `candidates: {\n${line}`));
    await refused(dir, run, message);
  });

  it("a config timeout past Node's timer limit is exit 2", async () => {
    const dir = hostileProject();
    write(dir, 'evals.config.ts', read(dir, 'evals.config.ts').replace('suites: {', 'timeoutSeconds: 9999999,\n  suites: {'));
    await refused(dir, run, /timeoutSeconds.*at most 86400 seconds/);
  });
});

describe('flag values', () => {
  it.each([
    [['--timeout', '999999'], /--timeout takes at most 86400 seconds \(a day; Node's timers cannot wait much longer\), got "999999"/],
    [['--timeout', '-1'], /--timeout takes a number above 0, got "-1"|--timeout.*argument/],
    [['--timeout=-1'], /--timeout takes a number above 0, got "-1"/],
    [['--shard', '1/1e20'], /--shard takes i\/n with 1 <= i <= n/],
    [['--shard', '1/100000000000000000000'], /--shard takes at most 10000 shards/],
    [['--shard', '0/3'], /--shard takes i\/n/],
    [['--concurrency', '0'], /--concurrency takes a whole number above 0, got "0"/],
    [['--concurrency=-4'], /--concurrency takes a whole number above 0, got "-4"/],
    [['--sample', '1e20'], /--sample takes a whole number above 0, got "1e20"/],
    [['--seed=-1'], /--seed takes a whole number, got "-1"/],
  ])('%j is exit 2 with a clear message, before any call', async (flags, message) => {
    const dir = hostileProject();
    await withBaseline(dir);
    await refused(dir, [...run, ...flags], message);
    expect(readdirSync(dir)).not.toContain('.evals-shards');
  });
});
