import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report-schema.js';
import { runCli } from '../cli/harness.js';

const root = path.join(import.meta.dirname, '..', '..');
const config = 'examples/adapters/evals.config.ts';

/** The README's adapter snippets are this config: they must validate, and the offline ones run. */
describe('examples/adapters (the README snippets)', () => {
  it('validates every adapter block', async () => {
    const { code, stdout } = await runCli(['validate', '--config', config], root);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /my-module \(rag, module\), my-command \(prompt, command\), my-replay \(finetuned, replay\), my-http \(rag, http\), claude-prompt \(prompt, anthropic\)/,
    );
  });

  it('runs the module, command and replay candidates offline', async () => {
    const reportsDir = mkdtempSync(path.join(tmpdir(), 'evals-adapters-'));
    const { code } = await runCli(['run', '--config', config, '--candidate', 'my-module,my-command,my-replay', '--reports-dir', reportsDir, '--quiet'], root);
    expect(code).toBe(0);
    const pass = (c: string) => ReportSchema.parse(JSON.parse(readFileSync(path.join(reportsDir, 'faq', `${c}.json`), 'utf8'))).summary.metrics.pass?.mean;
    expect(pass('my-module')).toBe(1);
    expect(pass('my-replay')).toBe(1);
    expect(pass('my-command')).toBeCloseTo(2 / 3, 4);
  });
});
