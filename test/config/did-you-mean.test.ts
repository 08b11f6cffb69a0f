import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/util/did-you-mean.js';
import { runCli } from '../cli/harness.js';

describe('did you mean', () => {
  it('measures edits case-insensitively', () => {
    expect(editDistance('baseUrl', 'baseURL')).toBe(0);
    expect(editDistance('opneai', 'openai')).toBe(2);
    expect(editDistance('modle', 'model')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests the closest known name only when it is near enough to be a typo', () => {
    expect(closest('baseUrl', ['model', 'baseURL', 'apiKeyEnv'])).toBe('baseURL');
    expect(closest('opneai', ['module', 'command', 'http', 'anthropic', 'openai', 'replay'])).toBe('openai');
    expect(closest('temprature', ['temperature', 'maxTokens'])).toBe('temperature');
    expect(closest('colour', ['model', 'prompt'])).toBeUndefined();
    expect(closest('x', [])).toBeUndefined();
  });
});

/** A folder with a golden set and the given config (ESM, so no TypeScript loader is needed). */
function project(config: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'evals-dym-'));
  writeFileSync(path.join(dir, 'golden.jsonl'), '{"id":"a","input":"hi","reference":"hi"}\n');
  writeFileSync(path.join(dir, 'evals.config.mjs'), `export default ${config};\n`);
  return dir;
}

const suites = `suites: { s: { goldenSets: ['golden.jsonl'] } }`;

describe('config errors name the file, the field and the key meant', () => {
  it('a misspelt adapter option', async () => {
    const dir = project(`{ ${suites}, candidates: { bot: { kind: 'prompt', adapter: { type: 'openai', model: 'm', baseUrl: 'http://127.0.0.1:1/v1' } } } }`);
    const { code, stderr } = await runCli(['validate'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('evals.config.mjs: "candidates.bot.adapter": unknown key "baseUrl"; did you mean "baseURL"?');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a misspelt adapter type', async () => {
    const dir = project(`{ ${suites}, candidates: { bot: { kind: 'prompt', adapter: { type: 'opneai', model: 'm' } } } }`);
    const { code, stderr } = await runCli(['validate'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/evals\.config\.mjs: "candidates\.bot\.adapter\.type": unknown adapter type "opneai"; did you mean "openai"\? \(known: /);
  });

  it('a misspelt key of the config, a suite, and a check', async () => {
    const dir = project(
      `{ suites: { s: { goldenSets: ['golden.jsonl'], checks: [{ type: 'contains', valeus: ['x'] }, { type: 'regexp', pattern: 'x' }] } }, candidates: { bot: { kind: 'prompt', adapter: { type: 'module', path: 'bot.mjs' }, timeoutSecs: 5 } }, reportDir: 'r' }`,
    );
    const { code, stderr } = await runCli(['validate'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('evals.config.mjs: unknown key "reportDir"; did you mean "reportsDir"?');
    expect(stderr).toContain('"candidates.bot": unknown key "timeoutSecs"; did you mean "timeoutSeconds"?');
    expect(stderr).toContain('"suites.s.checks.0": unknown key "valeus"; did you mean "values"?');
    expect(stderr).toMatch(/"suites\.s\.checks\.1\.type": unknown check type "regexp"; did you mean "regex"\?/);
  });

  it('an unknown key with nothing close lists the known ones', async () => {
    const dir = project(`{ ${suites}, candidates: { bot: { kind: 'prompt', adapter: { type: 'module', path: 'bot.mjs', colour: 'red' } } } }`);
    const { stderr } = await runCli(['validate'], dir);
    expect(stderr).toMatch(/"candidates\.bot\.adapter": unknown key "colour" \(known: path/);
  });

  it('several unknown keys in one object: each with its suggestion', async () => {
    const dir = project(`{ ${suites}, candidates: { bot: { kind: 'prompt', adapter: { type: 'openai', model: 'm', baseUrl: 'x', tempr: 1 } } } }`);
    const { stderr } = await runCli(['validate'], dir);
    expect(stderr).toMatch(/"candidates\.bot\.adapter": unknown keys "baseUrl" \(did you mean "baseURL"\?\), "tempr" \(known: model, /);
  });
});
