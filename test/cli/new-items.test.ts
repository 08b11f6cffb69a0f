import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { item, items, report } from '../gate/helpers.js';
import { runCli } from './harness.js';

describe('evals diff with new items', () => {
  it("fails on 30 failing new long-tail items the paired rows cannot see, naming the new items' comparison in the terminal, Markdown and JUnit", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-new-items-'));
    const old = [...items('head', 400, 320), ...items('long-tail', 70, 46)];
    const added = Array.from({ length: 30 }, (_, i) => item(`long-tail-new-${String(i).padStart(2, '0')}`, ['long-tail'], false));
    writeFileSync(path.join(dir, 'base.json'), JSON.stringify(report([...old, item('head-gone', ['head'], true)], { candidate: 'bot' })));
    writeFileSync(path.join(dir, 'head.json'), JSON.stringify(report([...old, ...added], { candidate: 'bot' })));
    writeFileSync(
      path.join(dir, 'evals.config.mjs'),
      `export default ${JSON.stringify({ suites: { support: { goldenSets: ['none.jsonl'], longTail: ['long-tail'], gate: { maxDrop: 0.02 } } } })};\n`,
    );

    const { code, stdout } = await runCli(['diff', 'base.json', 'head.json', '--summary', 'diff.md', '--junit', 'gate.xml'], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /✗ long-tail \/ pass on 30 new items: 0\.00 against the baseline's 0\.66 on 70 items \(−65\.7 points, .*Fisher's exact test\) exceeds the 2-point tolerance/,
    );
    expect(stdout).toContain(
      "The 470 items present in both with the same slices are compared in pairs; 30 new items unpaired, with their slice's baseline pass rate. Not compared: 1 removed item (head-gone).",
    );
    expect(readFileSync(path.join(dir, 'diff.md'), 'utf8')).toMatch(/\| long-tail \(long tail\) \| 30 \| 0\.00 \| 70 \| 0\.66 \| −65\.7 .* ❌ \|/);
    expect(readFileSync(path.join(dir, 'gate.xml'), 'utf8')).toMatch(/<failure message="long-tail \/ pass on 30 new items[^"]*" type="new-items">/);
  });
});
