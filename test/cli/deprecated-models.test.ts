import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runCli } from './harness.js';

// claude-sonnet-4-5 reached end-of-life on 2026-11-30: these warnings read the real clock, and stay true after that day.
const RETIRED =
  '"judges.claude.model": claude-sonnet-4-5 reached end-of-life on 2026-11-30: calls to it fail. Move to a current model (docs.anthropic.com/en/docs/resources/model-deprecations).';

/** The mini fixture with a judge on the retired model; the judge judges nothing, so no run calls it. */
function project(): string {
  const dir = copyFixture('mini');
  const config = readFileSync(path.join(dir, 'evals.config.ts'), 'utf8');
  writeFileSync(
    path.join(dir, 'evals.config.ts'),
    config.replace('  candidates: {', "  judges: { claude: { provider: 'anthropic', model: 'claude-sonnet-4-5' } },\n  candidates: {"),
  );
  return dir;
}

describe('a config naming a retired model', () => {
  it('evals validate names the file, the field, the model and its end-of-life date, and still exits 0', async () => {
    const { code, stdout, stderr } = await runCli(['validate'], project());
    expect(code).toBe(0);
    expect(stdout).toContain('config evals.config.ts: ok');
    expect(stderr).toBe(`warning: evals.config.ts: ${RETIRED}\n`);
  });

  it('evals validate gives the line of the field in a YAML config', async () => {
    const dir = copyFixture('mini');
    rmSync(path.join(dir, 'evals.config.ts'));
    writeFileSync(
      path.join(dir, 'evals.config.yaml'),
      'suites:\n  math:\n    goldenSets: [mini.jsonl]\njudges:\n  claude:\n    provider: anthropic\n    model: claude-sonnet-4-5\ncandidates:\n  echo:\n    kind: prompt\n    adapter: { type: module, path: echo.ts }\n',
    );
    const { code, stderr } = await runCli(['validate'], dir);
    expect(code).toBe(0);
    expect(stderr).toBe(`warning: evals.config.yaml:7: ${RETIRED}\n`);
  });

  it('evals run warns in one line on stderr and runs as before', async () => {
    const dir = project();
    const { code, stdout, stderr } = await runCli(['run', '--candidate', 'echo', '--suite', 'mini', '--quiet'], dir);
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]).toBe(`warning: evals.config.ts: ${RETIRED}`);
    expect(stderr.match(/^warning:/gm)).toHaveLength(1);
    expect(stdout).toContain('report: reports/mini/echo.json');
  });
});
