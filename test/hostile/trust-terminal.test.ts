import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { committed, expectEnd, failItems, hostileProject, read, runCli, withBaseline, write } from './helpers-trust.js';

// Principle 8, the terminal: untrusted text (ids, answers, error excerpts) is printed as text.
const OSC_TITLE = '\u001b]0;pwned\u0007';
const CLEAR_LINE = '\u001b[2K\r';
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('control sequences never reach the terminal', () => {
  it('an id and an error excerpt carrying OSC/CSI sequences are printed as plain text', async () => {
    const dir = hostileProject();
    const id = `q-${OSC_TITLE}evil`;
    write(
      dir,
      'mini.jsonl',
      `${read(dir, 'mini.jsonl')}${JSON.stringify({ id, input: `Fake ${CLEAR_LINE}gate: passed`, reference: `x${CLEAR_LINE}gate: passed` })}\n`,
    );
    failItems(dir, [id]);
    const result = await runCli(['run', '--candidate', 'count', '--suite', 'lenient'], dir);
    expectEnd(result, ExitCode.ok, /upstream refused q-evil/);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(CONTROL);
  });

  it('a bad-input message quoting a golden-set id strips its control sequences too', async () => {
    const dir = hostileProject();
    const before = await withBaseline(dir);
    const row = JSON.stringify({ id: 'q-\u001b[31mred', input: 'Twice?' });
    write(dir, 'mini.jsonl', `${read(dir, 'mini.jsonl')}${row}\n${row}\n`);
    const result = await runCli(['run', '--candidate', 'count', '--suite', 'mini'], dir);
    expectEnd(result, ExitCode.badInput, /duplicate id "q-red"/);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(CONTROL);
    expect(committed(dir)).toEqual(before);
  });
});
