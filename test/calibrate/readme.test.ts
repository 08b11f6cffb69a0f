import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/harness.js';

const root = path.join(import.meta.dirname, '..', '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Calibrating a judge'), readme.indexOf('## The gate'));
const blocks = [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], body: m[2] as string }));

describe('README "Calibrating a judge"', () => {
  it('runs as written: from the CSV of human labels to the judges compared and recorded', async () => {
    const commands = blocks.filter((b) => b.lang === 'sh').flatMap((b) => b.body.split('\n').filter((line) => line.startsWith('npx evals ')));
    expect(commands).toHaveLength(2);
    // A fresh folder with the repository's shipped data, as a team's checkout would have it.
    const cwd = mkdtempSync(path.join(tmpdir(), 'evals-readme-calibrate-'));
    for (const folder of ['examples', 'calibration']) symlinkSync(path.join(root, folder), path.join(cwd, folder));
    const outputs = [];
    for (const command of commands) {
      const result = await runCli(command.replace(/^npx evals /, '').split(/\s+/), cwd);
      expect(result.stderr, command).toBe('');
      expect(result.code, command).toBe(0);
      outputs.push(result.stdout);
    }
    // The CSV is LLMBar Natural's labels, so the import gives the shipped labels back byte for byte.
    expect(readFileSync(path.join(cwd, 'labels.jsonl'), 'utf8')).toBe(readFileSync(path.join(root, 'calibration', 'llmbar', 'natural.labels.jsonl'), 'utf8'));
    // Every line of the output shown in the README is what the command printed.
    const shown = blocks.find((b) => b.lang === '' && b.body.includes('agreement [95% CI]'));
    for (const line of shown?.body.split('\n').filter(Boolean) ?? ['(no output block)']) expect(outputs[1]).toContain(line);
    const record = JSON.parse(readFileSync(path.join(cwd, 'reports', 'calibration', 'gpt4-vanilla.json'), 'utf8'));
    expect(record).toMatchObject({ judge: 'gpt4-vanilla', kind: 'pairwise', n: 100, agreement: 0.93, labels: 'labels.jsonl' });
  });
});
