import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { loadGoldenSets } from '../../src/goldensets/load.js';
import { readJsonlRows } from '../../src/goldensets/rows.js';

const dir = mkdtempSync(path.join(tmpdir(), 'evals-gs-'));
function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}
async function errorOf(promise: Promise<unknown>): Promise<UserError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

describe('loadGoldenSets (JSONL)', () => {
  it('loads items, keeps extra fields as metadata and records origins', async () => {
    const p = file(
      'ok.jsonl',
      [
        JSON.stringify({ id: 'a', input: 'Q1', reference: 'R', slices: ['head'], sources: ['x.md'], team: 'billing' }),
        '',
        JSON.stringify({ id: 'b', input: [{ role: 'user', content: 'Q2' }], checks: [{ type: 'equals', value: 'R' }] }),
      ].join('\n'),
    );
    const items = await loadGoldenSets([p]);
    expect(items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(items[0]?.metadata).toEqual({ team: 'billing' });
    expect(items[0]?.origin.line).toBe(1);
    expect(items[1]?.origin.line).toBe(3);
    expect(items[1]?.slices).toEqual([]);
    expect(items[1]?.checks[0]).toMatchObject({ type: 'equals', name: 'equals', params: { value: 'R' } });
  });

  it('splits lines at \\n, \\r\\n and a lone \\r, as readline did, whatever the read chunks', async () => {
    const row = (id: string) => JSON.stringify({ id, input: 'Q é', slices: ['head'], checks: [{ type: 'contains', values: ['x'] }] });
    const text = `\uFEFF${row('a')}\r\n${row('b')}\r${row('c')}\n\r\n${row('d')}\r\n`;
    const p = file('endings.jsonl', text);
    // Chunks of 1 to 7 bytes split every \r\n and every multi-byte character somewhere.
    for (let chunk = 1; chunk <= 7; chunk++) {
      expect([...readJsonlRows(p, p, chunk)].map((r) => [r.row['id'], r.line, r.row['input']])).toEqual([
        ['a', 1, 'Q é'],
        ['b', 2, 'Q é'],
        ['c', 3, 'Q é'],
        ['d', 5, 'Q é'],
      ]);
    }
    const items = await loadGoldenSets([p]);
    expect(items.map((i) => i.origin.line)).toEqual([1, 2, 3, 5]);
    // Equal check lists are validated once and shared.
    expect(items[0]?.checks).toBe(items[3]?.checks);
    expect(items[0]?.checks[0]).toMatchObject({ type: 'contains', name: 'contains', params: { values: ['x'] } });
    const torn = file('endings-bad.jsonl', `${text}{"id": "z", "input": \r\n`);
    expect((await errorOf(loadGoldenSets([torn]))).message).toMatch(new RegExp(`^${torn}:6: malformed JSON`));
  });

  it('names file and line for malformed JSON', async () => {
    const p = file('bad.jsonl', `${JSON.stringify({ id: 'a', input: 'q' })}\n{"id": "b", "input": \n`);
    const err = await errorOf(loadGoldenSets([p]));
    expect(err.message).toMatch(/bad\.jsonl:2: malformed JSON/);
    expect(err.exitCode).toBe(2);
  });

  it('names the missing field', async () => {
    const p = file('missing.jsonl', `${JSON.stringify({ id: 'a' })}\n`);
    const err = await errorOf(loadGoldenSets([p]));
    expect(err.message).toBe(`${p}:1: "input" is missing`);
  });

  it('rejects duplicate ids, pointing at the first', async () => {
    const p = file('dup.jsonl', [{ id: 'a', input: 'q' }, { id: 'b', input: 'q' }, { id: 'a', input: 'q2' }].map((r) => JSON.stringify(r)).join('\n'));
    const err = await errorOf(loadGoldenSets([p]));
    expect(err.message).toBe(`${p}:3: duplicate id "a" (first at ${p}:1)`);
  });

  it('rejects an unknown check type with the known ones listed', async () => {
    const p = file('check.jsonl', JSON.stringify({ id: 'a', input: 'q', checks: [{ type: 'telepathy' }] }));
    const err = await errorOf(loadGoldenSets([p]));
    expect(err.message).toMatch(/check\.jsonl:1: "checks\.0\.type": unknown check type "telepathy" \(known: .*equals/);
  });

  it('rejects a check with a misspelt parameter', async () => {
    const p = file('param.jsonl', JSON.stringify({ id: 'a', input: 'q', checks: [{ type: 'equals', valeu: 'x' }] }));
    const err = await errorOf(loadGoldenSets([p]));
    expect(err.message).toMatch(/param\.jsonl:1: .*valeu/);
  });

  it('gathers several bad rows into one message', async () => {
    const p = file('many.jsonl', [{ id: 'a' }, { input: 'q' }].map((r) => JSON.stringify(r)).join('\n'));
    const err = await errorOf(loadGoldenSets([p]));
    expect(err.message.split('\n')).toEqual([`${p}:1: "input" is missing`, `${p}:2: "id" is missing`]);
  });

  it('shows paths the way the caller names them', async () => {
    const p = file('shown.jsonl', JSON.stringify({ id: 'a' }));
    const err = await errorOf(loadGoldenSets([p], () => 'goldensets/shown.jsonl'));
    expect(err.message).toBe('goldensets/shown.jsonl:1: "input" is missing');
  });
});

describe('loadGoldenSets (CSV)', () => {
  it('splits list columns on ";" and parses JSON columns', async () => {
    const p = file(
      'ok.csv',
      'id,input,reference,slices,sources,checks,team\n' +
        'a,"What is, in short, Lumen?",A notes app,head;long-tail,intro.md,"[{""type"":""equals""}]",support\n' +
        'b,"multi\nline question",,,,,\n',
    );
    const items = await loadGoldenSets([p]);
    expect(items[0]).toMatchObject({ id: 'a', input: 'What is, in short, Lumen?', slices: ['head', 'long-tail'], sources: ['intro.md'] });
    expect(items[0]?.metadata).toEqual({ team: 'support' });
    expect(items[0]?.checks[0]?.type).toBe('equals');
    expect(items[1]).toMatchObject({ id: 'b', input: 'multi\nline question', origin: { line: 3 } });
  });

  it('names file and line for a broken quote', async () => {
    const p = file('quote.csv', 'id,input\na,ok\nb,"broken"quote\n');
    const err = await errorOf(loadGoldenSets([p]));
    expect(err.message).toMatch(/quote\.csv:3: bad CSV: Invalid Closing Quote/);
  });

  it('names file and line for a missing input', async () => {
    const p = file('noinput.csv', 'id,input\na,ok\nb,\n');
    const err = await errorOf(loadGoldenSets([p]));
    expect(err.message).toBe(`${p}:3: "input" is missing`);
  });
});

describe('loadGoldenSets (files)', () => {
  it('rejects a missing file and an unknown extension', async () => {
    expect((await errorOf(loadGoldenSets([path.join(dir, 'nope.jsonl')]))).message).toMatch(/nope\.jsonl: golden set not found/);
    const p = file('set.txt', 'x');
    expect((await errorOf(loadGoldenSets([p]))).message).toMatch(/golden sets are \.jsonl or \.csv/);
  });

  it('finds duplicate ids across files', async () => {
    const a = file('a.jsonl', JSON.stringify({ id: 'x', input: 'q' }));
    const b = file('b.csv', 'id,input\nx,q\n');
    expect((await errorOf(loadGoldenSets([a, b]))).message).toBe(`${b}:2: duplicate id "x" (first at ${a}:1)`);
  });
});
