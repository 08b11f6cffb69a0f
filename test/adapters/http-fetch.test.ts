import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepAliveFetch } from '../../src/models/http-fetch.js';

describe('keepAliveFetch', () => {
  let server: Server;
  let origin: string;
  const sockets = new Set<unknown>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      sockets.add(req.socket);
      let body = '';
      req.on('data', (d: Buffer) => (body += d));
      req.on('end', () => {
        if (req.url === '/empty') return res.writeHead(204).end();
        if (req.url === '/gzip') return res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' }).end(gzipSync('{"zipped":true}'));
        if (req.url === '/hang') return;
        res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'req_1' });
        res.end(JSON.stringify({ method: req.method, body, auth: req.headers.authorization ?? null, length: req.headers['content-length'] ?? null }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends method, headers and body, returns status, headers and JSON, and reuses one connection', async () => {
    const fetch = keepAliveFetch();
    sockets.clear();
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${origin}/echo`, {
        method: 'POST',
        headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
        body: '{"ünï":1}',
      });
      expect(response.status).toBe(201);
      expect(response.ok).toBe(true);
      expect(response.headers.get('x-request-id')).toBe('req_1');
      expect(await response.json()).toEqual({ method: 'POST', body: '{"ünï":1}', auth: 'Bearer k', length: String(Buffer.byteLength('{"ünï":1}')) });
    }
    expect(sockets.size).toBe(1);
  });

  it('gives a 204 no body and decompresses gzip', async () => {
    const fetch = keepAliveFetch();
    const empty = await fetch(`${origin}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    const zipped = await fetch(`${origin}/gzip`);
    expect(await zipped.json()).toEqual({ zipped: true });
    expect([zipped.headers.get('content-encoding'), zipped.headers.get('content-type')]).toEqual([null, 'application/json']);
  });

  it('rejects with an AbortError when the signal fires, and a TypeError when nothing listens', async () => {
    const fetch = keepAliveFetch();
    const controller = new AbortController();
    const pending = fetch(`${origin}/hang`, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(fetch('http://127.0.0.1:1/')).rejects.toThrow(TypeError);
  });

  it('hands bodies it does not handle to the built-in fetch', async () => {
    const calls: unknown[] = [];
    const fetch = keepAliveFetch(async (input) => {
      calls.push(input);
      return new Response('fallback');
    });
    const form = new FormData();
    form.set('purpose', 'batch');
    expect(await (await fetch(`${origin}/echo`, { method: 'POST', body: form })).text()).toBe('fallback');
    expect(calls).toHaveLength(1);
  });
});
