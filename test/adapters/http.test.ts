import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CandidateError } from '../../src/candidates/adapter.js';
import { httpAdapter } from '../../src/candidates/adapters/http.js';
import { UserError } from '../../src/errors.js';
import { startLoopbackServer, type LoopbackServer } from '../servers/loopback.js';
import { call, makeContext, makeItem } from './helpers.js';

const TOKEN = 'tok-live-9f8e7d6c5b4a';
let server: LoopbackServer;

beforeEach(async () => {
  server = await startLoopbackServer(() => ({ json: { text: 'default' } }));
});
afterEach(async () => {
  await server.close();
});

function create(options: Record<string, unknown>, context: Parameters<typeof makeContext>[0] = {}) {
  return httpAdapter.create(httpAdapter.options.parse({ url: `${server.origin}/answer`, ...options }), makeContext(context));
}

async function failure(promise: Promise<unknown>): Promise<CandidateError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(CandidateError);
  return error as CandidateError;
}

describe('http adapter', () => {
  it('POSTs the item without origin as JSON and returns the answer', async () => {
    server.handle(() => ({ json: { text: 'Within 14 days.', citations: ['billing/refunds.md'] } }));
    const candidate = await create({});
    const item = makeItem({ id: 'r1', input: 'Refund window?', sources: ['billing/refunds.md'], metadata: { lang: 'en' } });
    const output = await candidate.generate(item, call());
    expect(output).toEqual({ text: 'Within 14 days.', citations: ['billing/refunds.md'] });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/answer');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({
      id: 'r1',
      input: 'Refund window?',
      slices: [],
      sources: ['billing/refunds.md'],
      checks: [],
      metadata: { lang: 'en' },
    });
  });

  it('resolves ${ENV} in header values at call time, from the context env', async () => {
    const env: NodeJS.ProcessEnv = { SERVICE_TOKEN: TOKEN };
    const candidate = await create({ headers: { authorization: 'Bearer ${SERVICE_TOKEN}', 'x-team': 'evals' } }, { env });
    await candidate.generate(makeItem(), call());
    env['SERVICE_TOKEN'] = 'tok-rotated-000000000';
    await candidate.generate(makeItem(), call());
    expect(server.requests.map((r) => r.headers['authorization'])).toEqual([`Bearer ${TOKEN}`, 'Bearer tok-rotated-000000000']);
    expect(server.requests[0]?.headers['x-team']).toBe('evals');
  });

  it('fails at create time, naming the variable, when a header references an unset one', async () => {
    const error = await create({ headers: { authorization: 'Bearer ${MISSING_TOKEN}' } }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/MISSING_TOKEN/);
  });

  it('maps fields out of a nested response with responsePath', async () => {
    server.handle(() => ({
      json: { result: { answer: 'Yes.', refs: ['a.md'] }, docs: [{ id: 'a.md', text: 'Refunds within 14 days' }] },
    }));
    const candidate = await create({ responsePath: { text: 'result.answer', citations: 'result.refs', contexts: 'docs' } });
    await expect(candidate.generate(makeItem(), call())).resolves.toEqual({
      text: 'Yes.',
      citations: ['a.md'],
      contexts: [{ id: 'a.md', text: 'Refunds within 14 days' }],
    });
  });

  it("reports a responsePath that finds no text as 'bad_output'", async () => {
    server.handle(() => ({ json: { result: {} } }));
    const candidate = await create({ responsePath: { text: 'result.answer' } });
    const error = await failure(candidate.generate(makeItem(), call()));
    expect(error.kind).toBe('bad_output');
    expect(error.message).toMatch(/"text"/);
  });

  it("reports a non-2xx status as 'http' with the status and a short excerpt, never the secret", async () => {
    // A misbehaving server that echoes the credential back in its error page.
    server.handle((request) => ({ status: 503, text: `upstream down; you sent ${request.headers['authorization']} ${'.'.repeat(5000)}` }));
    const candidate = await create({ headers: { authorization: 'Bearer ${SERVICE_TOKEN}' } }, { env: { SERVICE_TOKEN: TOKEN } });
    const error = await failure(candidate.generate(makeItem(), call()));
    expect(error.kind).toBe('http');
    expect(error.message).toMatch(/HTTP 503/);
    expect(error.message).toMatch(/upstream down/);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message.length).toBeLessThan(400);
  });

  it("reports a body that is not JSON as 'bad_output'", async () => {
    server.handle(() => ({ text: '<html>maintenance</html>' }));
    const candidate = await create({});
    const error = await failure(candidate.generate(makeItem(), call()));
    expect(error.kind).toBe('bad_output');
    expect(error.message).toMatch(/not JSON: <html>maintenance<\/html>/);
  });

  it("gives up after the context's timeout with kind 'timeout'", async () => {
    server.handle(() => ({ json: { text: 'late' }, delayMs: 2_000 }));
    const candidate = await create({}, { timeoutMs: 200 });
    const started = Date.now();
    const error = await failure(candidate.generate(makeItem(), call()));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/within 200 ms/);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('stops when the call is aborted', async () => {
    server.handle(() => ({ json: { text: 'late' }, delayMs: 2_000 }));
    const candidate = await create({});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(candidate.generate(makeItem(), { signal: controller.signal }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/aborted/);
  });

  it("reports a refused connection as 'http'", async () => {
    const closed = await startLoopbackServer(() => ({ json: { text: 'unused' } }));
    await closed.close();
    const candidate = await create({ url: `${closed.origin}/answer` });
    const error = await failure(candidate.generate(makeItem(), call()));
    expect(error.kind).toBe('http');
    expect(error.message).toMatch(/failed/);
  });
});
