import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateError } from '../../src/candidates/adapter.js';
import { commandAdapter } from '../../src/candidates/adapters/command.js';
import { call, makeContext, makeItem } from './helpers.js';

let dir: string;
const node = process.execPath;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'evals-command-'));
  const scripts: Record<string, string> = {
    // Answers with what it received, so tests can see the exact payload.
    'answer.mjs': `let raw = '';
process.stdin.on('data', (c) => (raw += c));
process.stdin.on('end', () => {
  const item = JSON.parse(raw);
  process.stdout.write(JSON.stringify({ text: item.input, citations: ['a.md'], debug: 'not part of an answer' }));
});`,
    'text-only.mjs': `process.stdin.resume(); process.stdin.on('end', () => console.log(JSON.stringify({ text: 'just text' })));`,
    'crash.mjs': `process.stderr.write('x'.repeat(2000) + '\\nTraceback: the index is corrupt\\n'); process.exit(3);`,
    'hang.mjs': `setInterval(() => {}, 1000);`,
    'stubborn.mjs': `process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); console.error('ready');`,
    // Starts a grandchild that would outlive it, and records the grandchild's pid.
    'family.mjs': `import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
writeFileSync(process.argv[2], String(g.pid));
setInterval(() => {}, 1000);`,
    'not-json.mjs': `console.log('Sure! The answer is 42.');`,
    'wrong-shape.mjs': `console.log(JSON.stringify({ answer: 42 }));`,
  };
  for (const [name, source] of Object.entries(scripts)) await writeFile(path.join(dir, name), source);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function create(options: Record<string, unknown>, timeoutMs = 10_000) {
  return commandAdapter.create(commandAdapter.options.parse(options), makeContext({ configDir: dir, timeoutMs, env: { PATH: process.env['PATH'] } }));
}

async function failure(promise: Promise<unknown>): Promise<CandidateError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(CandidateError);
  return error as CandidateError;
}

/** Running, as opposed to gone or a zombie (a killed orphan stays one until init reaps it). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('command adapter', () => {
  it('returns the printed answer, keeping only the answer fields', async () => {
    const candidate = await create({ command: [node, 'answer.mjs'] });
    const output = await candidate.generate(makeItem({ input: 'Refunds?' }), call());
    expect(output).toEqual({ text: 'Refunds?', citations: ['a.md'] });
  });

  it('sends the item without origin on stdin, with argv and env passed through', async () => {
    await writeFile(
      path.join(dir, 'dump.mjs'),
      `let raw = ''; process.stdin.on('data', (c) => (raw += c)); process.stdin.on('end', () =>
  console.log(JSON.stringify({ text: JSON.stringify({ item: JSON.parse(raw), argv: process.argv.slice(2), mode: process.env.CANDIDATE_MODE }) })));`,
    );
    const candidate = await create({ command: [node, 'dump.mjs', '--mode', 'fast'], env: { CANDIDATE_MODE: 'test' } });
    const item = makeItem({ id: 'q1', input: 'Refunds?', slices: ['billing'], metadata: { tier: 'gold' } });
    const seen = JSON.parse((await candidate.generate(item, call())).text) as Record<string, unknown>;
    expect(seen['argv']).toEqual(['--mode', 'fast']);
    expect(seen['mode']).toBe('test');
    expect(seen['item']).toEqual({ id: 'q1', input: 'Refunds?', slices: ['billing'], sources: [], checks: [], metadata: { tier: 'gold' } });
  });

  it('accepts a bare {"text": ...} answer', async () => {
    const candidate = await create({ command: [node, 'text-only.mjs'] });
    await expect(candidate.generate(makeItem(), call())).resolves.toEqual({ text: 'just text' });
  });

  it("reports a non-zero exit as 'crash' with the exit code and the tail of stderr", async () => {
    const candidate = await create({ command: [node, 'crash.mjs'] });
    const error = await failure(candidate.generate(makeItem(), call()));
    expect(error.kind).toBe('crash');
    expect(error.message).toMatch(/exited with code 3/);
    expect(error.message).toMatch(/Traceback: the index is corrupt/);
    // Only the tail: 2000 x's do not all make it into the message.
    expect(error.message.length).toBeLessThan(800);
  });

  it("kills a program that runs past the timeout and reports 'timeout'", async () => {
    const candidate = await create({ command: [node, 'hang.mjs'] }, 300);
    const started = Date.now();
    const error = await failure(candidate.generate(makeItem(), call()));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/did not finish within 300 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('escalates to SIGKILL when the program ignores SIGTERM', async () => {
    const candidate = await create({ command: [node, 'stubborn.mjs'], killGraceMs: 200 }, 300);
    const started = Date.now();
    const error = await failure(candidate.generate(makeItem(), call()));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it.skipIf(process.platform === 'win32')('kills the whole process group, grandchildren included', async () => {
    const pidFile = path.join(dir, 'grandchild.pid');
    const candidate = await create({ command: [node, 'family.mjs', pidFile] });
    const controller = new AbortController();
    const answer = failure(candidate.generate(makeItem(), { signal: controller.signal }));
    // Cut only once the grandchild is running (its pid written), however slow the machine is.
    await expect.poll(() => readFile(pidFile, 'utf8').catch(() => ''), { timeout: 20_000 }).toMatch(/^\d+$/);
    const grandchild = Number(await readFile(pidFile, 'utf8'));
    expect(alive(grandchild)).toBe(true);
    controller.abort();
    expect((await answer).kind).toBe('timeout');
    await expect.poll(() => alive(grandchild), { timeout: 5_000 }).toBe(false);
  });

  it("stops the program when the call is aborted and reports 'timeout'", async () => {
    const candidate = await create({ command: [node, 'hang.mjs'] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(candidate.generate(makeItem(), { signal: controller.signal }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/aborted/);
  });

  it("reports stdout that is not JSON as 'bad_output' with an excerpt", async () => {
    const candidate = await create({ command: [node, 'not-json.mjs'] });
    const error = await failure(candidate.generate(makeItem(), call()));
    expect(error.kind).toBe('bad_output');
    expect(error.message).toMatch(/no JSON answer: Sure! The answer is 42\./);
  });

  it("reports JSON that is not an answer as 'bad_output'", async () => {
    const candidate = await create({ command: [node, 'wrong-shape.mjs'] });
    const error = await failure(candidate.generate(makeItem(), call()));
    expect(error.kind).toBe('bad_output');
    expect(error.message).toMatch(/"text"/);
  });

  it("reports a program that cannot start as 'crash'", async () => {
    const candidate = await create({ command: ['./no-such-program'] });
    const error = await failure(candidate.generate(makeItem(), call()));
    expect(error.kind).toBe('crash');
    expect(error.message).toMatch(/cannot start \.\/no-such-program: .*ENOENT/);
  });

  it('never lets a shell interpret the item or the arguments', async () => {
    const marker = path.join(dir, 'pwned');
    const hostile = `$(touch ${marker}) \`touch ${marker}\`; touch ${marker} | touch ${marker} && touch ${marker}`;
    const candidate = await create({ command: [node, 'answer.mjs', `$(touch ${marker})`, `; touch ${marker}`] });
    const output = await candidate.generate(makeItem({ input: hostile }), call());
    // The program got the text byte for byte, and nothing ran it.
    expect(output.text).toBe(hostile);
    expect(existsSync(marker)).toBe(false);
  });

  it('rejects a shell string where an argv array is expected', () => {
    expect(commandAdapter.options.safeParse({ command: 'node answer.mjs' }).success).toBe(false);
    expect(commandAdapter.options.safeParse({ command: [] }).success).toBe(false);
  });
});
