import http from 'node:http';
import https from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { BufferedResponse } from './buffered-response.js';

type Fetch = typeof globalThis.fetch;

/** Statuses whose responses carry no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * A `fetch` for the SDKs' `fetch` option, on node:http with a keep-alive agent. Node's built-in
 * fetch (undici) costs about four times the CPU per call of node:http on a loopback server
 * (web streams, request and response cloning): at concurrency 50 against a fast server that
 * CPU, not the network, set the pace of a run. This handles what the SDKs send for a call — a
 * string or absent body, a buffered reply back (src/models/buffered-response.ts) — and hands anything else (file uploads, streams,
 * Request objects) to the built-in fetch. Like fetch, it rejects with an AbortError when the
 * signal fires and with a TypeError when the connection fails; a kept-alive socket the server
 * had closed meanwhile is retried once on a fresh one, as node's http documentation advises.
 */
export function keepAliveFetch(fallback: Fetch = globalThis.fetch): Fetch {
  const agents = {
    'http:': new http.Agent({ keepAlive: true }),
    'https:': new https.Agent({ keepAlive: true }),
  };
  return async (input, init) => {
    const body = init?.body;
    if (input instanceof Request || (body !== undefined && body !== null && typeof body !== 'string')) return fallback(input, init);
    const url = typeof input === 'string' ? new URL(input) : input;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return fallback(input, init);
    const headers: Record<string, string> = {};
    // The SDKs pass a Headers: read as it is, not copied (a copy sorts the names again).
    const given = init?.headers;
    (given instanceof Headers ? given : new Headers(given)).forEach((value, name) => (headers[name] = value));
    const payload = body === undefined || body === null ? undefined : Buffer.from(body);
    if (payload) headers['content-length'] = String(payload.length);
    const options: http.RequestOptions = { method: init?.method ?? 'GET', headers, agent: agents[url.protocol] };
    const send = url.protocol === 'https:' ? https.request : http.request;
    try {
      return await exchange(send, url, options, payload, init?.signal ?? undefined);
    } catch (err) {
      if (!(err instanceof StaleSocket)) throw err;
      return exchange(send, url, options, payload, init?.signal ?? undefined);
    }
  };
}

class StaleSocket extends Error {}

function abortError(signal: AbortSignal): unknown {
  return signal.reason instanceof Error && signal.reason.name === 'AbortError' ? signal.reason : new DOMException('This operation was aborted', 'AbortError');
}

function exchange(
  send: typeof http.request,
  url: URL,
  options: http.RequestOptions,
  payload: Buffer | undefined,
  signal: AbortSignal | undefined,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const request = send(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('end', () => {
        signal?.removeEventListener('abort', onAbort);
        const status = res.statusCode ?? 0;
        // Name-value pairs straight from the wire go to the Response, which builds its Headers
        // once; `res.headers` is not touched (Node parses it into an object on first read).
        let headers: [string, string][] = [];
        let encoding: string | undefined;
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          const pair: [string, string] = [res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string];
          if (pair[0].toLowerCase() === 'content-encoding') encoding = pair[1];
          headers.push(pair);
        }
        try {
          const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
          const bytes = decode(raw, encoding);
          if (bytes !== raw) headers = headers.filter(([name]) => name.toLowerCase() !== 'content-encoding');
          const bodyAllowed = !NULL_BODY.has(status) && options.method !== 'HEAD';
          resolve(new BufferedResponse(bodyAllowed ? bytes : null, { status, statusText: res.statusMessage ?? '', headers }));
        } catch (err) {
          reject(new TypeError('fetch failed', { cause: err }));
        }
      });
    });
    function fail(err: Error) {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(abortError(signal));
      const code = (err as NodeJS.ErrnoException).code;
      if (request.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) return reject(new StaleSocket());
      reject(new TypeError('fetch failed', { cause: err }));
    }
    function onAbort() {
      request.destroy();
      reject(abortError(signal as AbortSignal));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', fail);
    request.end(payload);
  });
}

function decode(bytes: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(bytes);
    case 'deflate':
      return inflateSync(bytes);
    case 'br':
      return brotliDecompressSync(bytes);
    default:
      return bytes;
  }
}
