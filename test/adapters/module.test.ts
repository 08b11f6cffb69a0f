import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateError } from '../../src/candidates/adapter.js';
import { moduleAdapter } from '../../src/candidates/adapters/module.js';
import { call, makeContext, makeItem } from './helpers.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'evals-module-'));
  await writeFile(
    path.join(dir, 'typed.ts'),
    `interface Item { id: string; input: string }
export default async function answer(item: Item): Promise<string> {
  return 'ts answered ' + item.id;
}
export async function detailed(item: Item) {
  return { text: 'detailed ' + item.input, citations: ['billing/refunds.md'], contexts: [{ id: 'billing/refunds.md', text: '14 days' }] };
}
export async function broken() {
  return { answer: 'no text field' };
}
export const notAFunction = 42;
`,
  );
  await writeFile(
    path.join(dir, 'plain.mjs'),
    `export async function respond(item, { signal }) {
  return { text: 'mjs answered ' + item.id + (signal.aborted ? ' (aborted)' : '') };
}
`,
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const create = (options: { path: string; export?: string }) => moduleAdapter.create(moduleAdapter.options.parse(options), makeContext({ configDir: dir }));

describe('module adapter', () => {
  it('calls the default export of a .ts module, resolving the path against configDir, and wraps a string result', async () => {
    const candidate = await create({ path: 'typed.ts' });
    await expect(candidate.generate(makeItem({ id: 'q-7' }), call())).resolves.toEqual({ text: 'ts answered q-7' });
  });

  it('passes an object result through, validated', async () => {
    const candidate = await create({ path: 'typed.ts', export: 'detailed' });
    const output = await candidate.generate(makeItem({ input: 'refunds?' }), call());
    expect(output).toEqual({
      text: 'detailed refunds?',
      citations: ['billing/refunds.md'],
      contexts: [{ id: 'billing/refunds.md', text: '14 days' }],
    });
  });

  it('loads a named export of a .mjs module and hands it the call options', async () => {
    const candidate = await create({ path: 'plain.mjs', export: 'respond' });
    await expect(candidate.generate(makeItem({ id: 'x' }), call())).resolves.toEqual({ text: 'mjs answered x' });
  });

  it("rejects a result that is not an answer with kind 'bad_output'", async () => {
    const candidate = await create({ path: 'typed.ts', export: 'broken' });
    const error = await candidate.generate(makeItem(), call()).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(CandidateError);
    expect((error as CandidateError).kind).toBe('bad_output');
  });

  it('fails at create time when the export is missing or not a function', async () => {
    await expect(create({ path: 'typed.ts', export: 'nope' })).rejects.toThrow(/does not export a function as "nope"/);
    await expect(create({ path: 'typed.ts', export: 'notAFunction' })).rejects.toThrow(/does not export a function/);
    await expect(create({ path: 'plain.mjs' })).rejects.toThrow(/does not export a function as "default"/);
  });

  it('fails at create time when the file does not exist', async () => {
    await expect(create({ path: 'missing.mjs' })).rejects.toThrow(/cannot load module candidate/);
  });
});
