import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it, for assertions on what an SDK actually sent. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1/messages`. */
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  body: unknown;
  /** Date.now() when the request arrived, to check retry delays. */
  receivedAt: number;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as is, when `json` is not given. */
  text?: string;
  /** Wait this long before answering (to provoke client timeouts). */
  delayMs?: number;
}

/** Decides the reply to a request; `index` counts the requests since this handler was installed, from 0. */
export type Handler = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: RecordedRequest[];
  /** Replaces the handler, e.g. to script one test's replies. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/** Answers the given replies in order, then keeps repeating the last one. */
export function inSequence(...replies: Array<Reply | Handler>): Handler {
  return (request, index) => {
    const step = replies[Math.min(index, replies.length - 1)];
    if (step === undefined) throw new Error('inSequence needs at least one reply');
    return typeof step === 'function' ? step(request, index) : step;
  };
}

export interface LoopbackOptions {
  /** Runs before the handler on every request; a reply it returns is sent instead (e.g. a 401 for a wrong key). */
  guard?: (request: RecordedRequest) => Reply | undefined;
}

/** An HTTP server on 127.0.0.1 and an ephemeral port that records every request and answers through `handler`. */
export async function startLoopbackServer(initial: Handler, options: LoopbackOptions = {}): Promise<LoopbackServer> {
  let handler = initial;
  let handlerSince = 0;
  const requests: RecordedRequest[] = [];
  // Pending delayed replies, cancelled on close so a finished test leaves no timers behind.
  const delays = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = rawBody ? JSON.parse(rawBody) : undefined;
      } catch {
        body = undefined;
      }
      const request: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        rawBody,
        body,
        receivedAt: Date.now(),
      };
      const index = requests.length - handlerSince;
      requests.push(request);
      void (async () => {
        let reply: Reply;
        try {
          reply = options.guard?.(request) ?? (await handler(request, index));
        } catch (err) {
          reply = { status: 500, text: `test handler failed: ${String(err)}` };
        }
        if (reply.delayMs) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              delays.delete(timer);
              resolve();
            }, reply.delayMs);
            delays.add(timer);
          });
        }
        // The client may have given up (timeout, abort) while we waited.
        if (res.destroyed) return;
        const payload = reply.json === undefined ? (reply.text ?? '') : JSON.stringify(reply.json);
        res.writeHead(reply.status ?? 200, {
          'content-type': reply.json === undefined ? 'text/plain' : 'application/json',
          ...reply.headers,
        });
        res.end(payload);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
      handlerSince = requests.length;
    },
    close() {
      for (const timer of delays) clearTimeout(timer);
      delays.clear();
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
