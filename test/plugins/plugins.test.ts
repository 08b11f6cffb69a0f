import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report-schema.js';
import { registerPlugins } from '../../src/plugins/register.js';
import { Registry } from '../../src/util/registry.js';
import { pathToFileURL } from 'node:url';
import { copyFixture, runCli } from '../cli/harness.js';

/**
 * The public API as built (npm run build): configs and plugin modules here are .mjs, which Node
 * imports itself, so no test pays for jiti transpiling the sources (seconds per config load).
 */
const api = pathToFileURL(path.resolve(import.meta.dirname, '../../dist/index.js')).href;

/** A plugin module in the fixture folder: a check and a reporter, from the public API. */
const pluginModule = `import { defineCheck, defineReporter, failed, passed, z } from ${JSON.stringify(api)};
export const shouts = defineCheck({
  type: 'shouts',
  summary: 'the answer is in capitals',
  params: z.strictObject({ minLength: z.number().int().positive().default(1) }),
  run: ({ output }, { minLength }) => (output.text.length >= minLength && output.text === output.text.toUpperCase() ? passed() : failed('not shouted')),
});
export const count = defineReporter({ name: 'count', summary: 'items', perReport: { suffix: '.count.txt', render: ({ report }) => String(report.summary.n) } });
export default [shouts, count];
`;

function project(config: string, golden?: string): string {
  const dir = copyFixture('mini');
  writeFileSync(path.join(dir, 'shouts.mjs'), pluginModule);
  rmSync(path.join(dir, 'evals.config.ts'));
  writeFileSync(path.join(dir, 'evals.config.mjs'), config);
  if (golden) writeFileSync(path.join(dir, 'mini.jsonl'), golden);
  return dir;
}

const golden = [
  { id: 'q-01', input: 'What is 2 + 2?', checks: [{ type: 'shouts' }] },
  { id: 'q-02', input: 'Capital of France?', checks: [{ type: 'shouts', minLength: 3 }] },
]
  .map((row) => JSON.stringify(row))
  .join('\n');

const config = (plugins: string, extra = '') => `import { shouts, count } from './shouts.mjs';
export default {
  plugins: ${plugins},
  suites: { mini: { goldenSets: ['mini.jsonl'] ${extra} } },
  candidates: { echo: { kind: 'prompt', adapter: { type: 'module', path: 'echo.ts' } } },
};
`;

afterAll(() => {
  // Leave the registries as a fresh process has them, whatever ran last.
  registerPlugins([]);
});

describe('plugins in a config', () => {
  it('a plugin check is used in golden sets like a built-in, and a plugin reporter writes beside the report', async () => {
    const dir = project(config('[shouts, count]'), golden);
    const ran = await runCli(['run', '--quiet'], dir);
    expect(ran.code, ran.stderr).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports/mini/echo.json'), 'utf8')));
    // echo answers "4" (shouted: no letters to lower) and "Paris" (not shouted).
    expect(report.items.map((item) => [item.id, item.scores['shouts']])).toEqual([
      ['q-01', 1],
      ['q-02', 0],
    ]);
    expect(readFileSync(path.join(dir, 'reports/mini/echo.count.txt'), 'utf8')).toBe('2');
    expect(ran.stdout).toContain('.count.txt beside it');
  });

  it("a bad option of a plugin check is exit 2 with file:line and the field, as a built-in's is", async () => {
    const bad = `${golden}\n${JSON.stringify({ id: 'q-03', input: 'x', checks: [{ type: 'shouts', minLenght: 3 }] })}\n`;
    const ran = await runCli(['validate'], project(config('[shouts]'), bad));
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('mini.jsonl:3: "checks.0": unknown key "minLenght"; did you mean "minLength"?');
    const builtIn = await runCli(['validate'], project(config('[shouts]'), bad.replace('"shouts","minLenght":3', '"contains","valus":["x"]')));
    expect(builtIn.stderr).toContain('mini.jsonl:3: "checks.0": unknown key "valus"; did you mean "values"?');
  });

  it('a module path is imported for its default export; from YAML the error names the line of the entry', async () => {
    const dir = project(config("['./shouts.mjs']"), golden);
    expect((await runCli(['validate'], dir)).code).toBe(0);
    // Another file: Node keeps an imported module for the life of the process.
    writeFileSync(path.join(dir, 'missing.config.mjs'), config("['./missing.mjs']"));
    const missing = await runCli(['validate', '--config', 'missing.config.mjs'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.config\.mjs: "plugins\.0": \.\/missing\.mjs: cannot load/);

    writeFileSync(path.join(dir, 'not-a-plugin.mjs'), 'export default { type: "x" };\n');
    const yaml = ['plugins:', '  - ./shouts.mjs', '  - ./not-a-plugin.mjs', 'suites:', '  mini: { goldenSets: [mini.jsonl] }'].join('\n');
    writeFileSync(path.join(dir, 'evals.config.yaml'), yaml);
    const notPlugin = await runCli(['validate', '--config', 'evals.config.yaml'], dir);
    expect(notPlugin.code).toBe(2);
    expect(notPlugin.stderr).toContain('evals.config.yaml:3: "plugins.1": ./not-a-plugin.mjs: expected a plugin');
  });

  it('a plugin may not take a built-in name, and a plugin object must be one', async () => {
    const clash = `import { defineCheck, passed, z } from ${JSON.stringify(api)};
export default { plugins: [defineCheck({ type: 'contains', summary: '', params: z.strictObject({}), run: () => passed() })], suites: { mini: { goldenSets: ['mini.jsonl'] } } };
`;
    const dir = project(clash);
    const ran = await runCli(['validate'], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('evals.config.mjs: "plugins": check type "contains" is built in; give yours another name');

    writeFileSync(
      path.join(dir, 'plain.config.mjs'),
      `export default { plugins: [{ type: 'x', run: () => null }], suites: { mini: { goldenSets: ['mini.jsonl'] } } };\n`,
    );
    const plain = await runCli(['validate', '--config', 'plain.config.mjs'], dir);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('"plugins.0": expected a plugin');
  });

  it("one config's plugins are gone when the next config loads", async () => {
    const withPlugin = project(config('[shouts]'), golden);
    expect((await runCli(['validate'], withPlugin)).code).toBe(0);
    const without = project(config('[]'), golden);
    const ran = await runCli(['validate'], without);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('mini.jsonl:1: "checks.0.type": unknown check type "shouts"');
  });
});

describe('Registry', () => {
  it('keeps built-ins, replaces plugin entries as a set, and refuses a taken name without changing anything', () => {
    const registry = new Registry<number>('thing', [['a', 1]]);
    registry.replacePlugins([['b', 2]]);
    expect([...registry.keys()]).toEqual(['a', 'b']);
    expect(() =>
      registry.replacePlugins([
        ['c', 3],
        ['a', 4],
      ]),
    ).toThrow('thing "a" is built in');
    expect(() =>
      registry.replacePlugins([
        ['c', 3],
        ['c', 4],
      ]),
    ).toThrow('two plugins define the thing "c"');
    expect([...registry.entries()]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    registry.replacePlugins([]);
    expect([...registry.keys()]).toEqual(['a']);
  });
});
