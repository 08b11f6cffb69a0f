import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GITIGNORE_LINES, INIT_FILES } from '../../src/init/files.js';
import { ReportSchema } from '../../src/report-schema.js';
import { runCli } from '../cli/harness.js';

const repo = path.resolve(import.meta.dirname, '..', '..');

function emptyDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'evals-init-'));
}

/** Makes `import ... from 'evals-gate'` resolve in `dir` to this repository, as an install would. */
function linkPackage(dir: string): void {
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(repo, path.join(dir, 'node_modules', 'evals-gate'), 'dir');
}

describe('evals init', () => {
  it('writes a starter project into an empty folder that runs at once, offline, and passes', async () => {
    const dir = emptyDir();
    linkPackage(dir);
    const init = await runCli(['init'], dir);
    expect(init.code).toBe(0);
    for (const { target } of INIT_FILES) {
      expect(existsSync(path.join(dir, target)), target).toBe(true);
      expect(init.stdout).toContain(`wrote    ${target}`);
    }
    expect(readFileSync(path.join(dir, 'evals.config.ts'), 'utf8')).toContain("import { defineConfig } from 'evals-gate';");
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining([...GITIGNORE_LINES]));
    // Installed (here: linked), so the next steps do not ask for an install.
    expect(init.stdout).not.toContain('npm install');

    const run = await runCli(['run', '--quiet'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // No key: the judged rubric is listed as not scored, the exact checks gate.
    expect(run.stdout).toMatch(/not scored: answer-quality .*OPENAI_API_KEY is not set/);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports', 'faq', 'my-candidate.json'), 'utf8')));
    expect(Object.keys(report.slices)).toEqual(expect.arrayContaining(['head', 'long-tail', 'out-of-scope']));
    expect(report.summary.metrics.pass?.mean).toBe(1);

    // The committed report is now the baseline: a rerun compares with it and passes.
    const again = await runCli(['run', '--quiet'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('no baseline yet');
  });

  it('never overwrites: existing files are skipped and said so, .gitignore only gains the missing lines', async () => {
    const dir = emptyDir();
    writeFileSync(path.join(dir, 'evals.config.ts'), 'export default {};\n');
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n.evals-cache/');
    const { code, stdout } = await runCli(['init'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('skipped  evals.config.ts (exists; left as it is)');
    expect(readFileSync(path.join(dir, 'evals.config.ts'), 'utf8')).toBe('export default {};\n');
    expect(existsSync(path.join(dir, 'goldensets', 'faq.jsonl'))).toBe(true);
    const ignore = readFileSync(path.join(dir, '.gitignore'), 'utf8');
    expect(ignore.startsWith('node_modules/\n.evals-cache/\n')).toBe(true);
    expect(ignore.match(/^\.evals-cache\/$/gm)).toHaveLength(1);
    expect(ignore).toContain('reports/**/*.new.*');
    // Not installed here: the next steps start with the install.
    expect(stdout).toContain('npm install --save-dev evals-gate');

    const second = await runCli(['init'], dir);
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('wrote');
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe(ignore);
  });

  it('takes a folder, and refuses a file or a second folder with exit 2', async () => {
    const dir = emptyDir();
    expect((await runCli(['init', 'starter'], dir)).code).toBe(0);
    expect(existsSync(path.join(dir, 'starter', 'candidates', 'my-candidate.ts'))).toBe(true);
    writeFileSync(path.join(dir, 'file.txt'), '');
    const onFile = await runCli(['init', 'file.txt'], dir);
    expect(onFile).toMatchObject({ code: 2, stderr: 'error: file.txt: not a folder\n' });
    expect((await runCli(['init', 'a', 'b'], dir)).code).toBe(2);
    expect((await runCli(['init', '--force'], dir)).code).toBe(2);
  });

  it("writes a valid workflow that uses the repository's Action with declared inputs and the starter candidate", async () => {
    const dir = emptyDir();
    await runCli(['init'], dir);
    const text = readFileSync(path.join(dir, '.github', 'workflows', 'evals.yml'), 'utf8');
    expect(validateWorkflow(text).errors).toEqual([]);
    // `any`: workflow YAML is free-form; the few fields read here fail loudly if they move.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML, read by path in assertions.
    const workflow = parse(text) as Record<string, any>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML, as above.
    const action = parse(readFileSync(path.join(repo, 'action.yml'), 'utf8')) as Record<string, any>;
    const step = workflow.jobs.evals.steps.find((s: { uses?: string }) => s.uses?.includes('/evals@'));
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    expect(readme.slice(readme.indexOf('### GitHub Action'))).toContain(`uses: ${step.uses}`);
    for (const input of Object.keys(step.with)) expect(action.inputs, input).toHaveProperty([input]);
    expect(readFileSync(path.join(dir, 'evals.config.ts'), 'utf8')).toContain(`'${step.with.candidates}': {`);
    expect(Object.keys(step.env)).toEqual(['OPENAI_API_KEY']);
  });
});
