import { describe, expect, it } from 'vitest';
import { extractJson } from '../../src/scoring/checks/json-extract.js';
import { check, input, specErrors } from './helpers.js';

describe('extractJson', () => {
  it('reads the whole trimmed text', () => {
    expect(extractJson('  {"a": 1}\n')).toEqual({ ok: true, value: { a: 1 } });
    expect(extractJson('[1, 2]')).toEqual({ ok: true, value: [1, 2] });
  });

  it('reads a ```json fenced block inside prose', () => {
    const text = 'Here you go:\n```json\n{"status": "ok"}\n```\nAnything else?';
    expect(extractJson(text)).toEqual({ ok: true, value: { status: 'ok' } });
  });

  it('reads a bare ``` block, preferring a json-tagged one', () => {
    expect(extractJson('```\n{"x": true}\n```')).toEqual({ ok: true, value: { x: true } });
    const both = '```\n{"bare": 1}\n```\n```JSON\n{"tagged": 1}\n```';
    expect(extractJson(both)).toEqual({ ok: true, value: { tagged: 1 } });
  });

  it('never reads a block tagged with another language', () => {
    const result = extractJson('```python\n{"a": 1}\n```');
    expect(result.ok).toBe(false);
  });

  it('fails with the parse error on broken JSON', () => {
    const result = extractJson('{"a": 1,}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/no json code block/);
    const block = extractJson('```json\n{"a": }\n```');
    expect(block.ok).toBe(false);
    if (!block.ok) expect(block.error).toMatch(/^code block is not valid JSON/);
  });

  it('fails on an empty answer', () => {
    expect(extractJson('   ')).toEqual({ ok: false, error: 'empty answer' });
  });
});

describe('json check', () => {
  it('passes on valid JSON and fails with a reason otherwise', () => {
    expect(check({ type: 'json' }, input('{"ok": true}'))).toEqual({ pass: true, score: 1 });
    const outcome = check({ type: 'json' }, input('Sure! {ok: true}'));
    expect(outcome?.pass).toBe(false);
    expect(outcome?.score).toBe(0);
    expect(outcome?.reason).toMatch(/^invalid JSON: not JSON/);
  });

  it('takes no params', () => {
    expect(specErrors({ type: 'json', strict: true })).not.toEqual([]);
  });
});
