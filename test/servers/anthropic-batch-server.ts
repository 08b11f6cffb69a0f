import { anthropicEcho, anthropicErrorReply, sentApiKey } from './anthropic-server.js';
import { answerAs, batchLine, isFate, settle, tick, type BatchScript, type StoredBatch } from './batch-script.js';
import { startLoopbackServer, type Handler, type LoopbackServer, type RecordedRequest, type Reply } from './loopback.js';

/**
 * A loopback stand-in for the Anthropic Message Batches API: POST /v1/messages/batches, GET
 * /v1/messages/batches/:id (processing_status in_progress for `pollsUntilEnded` checks, then
 * ended), GET .../results (JSONL, only once ended), POST .../cancel. Each batched request is
 * answered by the script (live reply builders, or expired/canceled); every other request goes to
 * the live handler (POST /v1/messages), so a live retry reaches the same server.
 */

export interface AnthropicBatchServer extends LoopbackServer {
  baseURL: string;
  batches: Map<string, StoredBatch>;
  /** Change it between calls to script the next batches. */
  script: BatchScript;
  /** The POST /v1/messages/batches requests received. */
  creates(): RecordedRequest[];
}

export interface AnthropicBatchServerOptions extends Partial<BatchScript> {
  /** When set, requests carrying another key get the API's 401. */
  apiKey?: string;
  live?: Handler;
}

const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const BATCHES = /^\/v1\/messages\/batches\/([^/?]+)(\/results|\/cancel)?$/;

export async function startAnthropicBatchServer(options: AnthropicBatchServerOptions = {}): Promise<AnthropicBatchServer> {
  const script: BatchScript = { pollsUntilEnded: 1, answer: answerAs(anthropicEcho), reverseResults: true, ...options };
  const batches = new Map<string, StoredBatch>();
  let answered = 0;
  let origin = '';
  const live = options.live ?? anthropicEcho;

  const describe = async (batch: StoredBatch, ended: boolean) => {
    const counts = { processing: batch.lines.length, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
    if (ended) {
      counts.processing = 0;
      for (const { answer } of await settle(batch, server.script, () => answered++)) {
        if (isFate(answer)) counts[answer.fate] += 1;
        else counts[(answer.status ?? 200) < 300 ? 'succeeded' : 'errored'] += 1;
      }
    }
    return {
      id: batch.id,
      type: 'message_batch',
      processing_status: ended ? 'ended' : 'in_progress',
      request_counts: counts,
      created_at: '2026-01-01T00:00:00Z',
      expires_at: '2026-01-02T00:00:00Z',
      ended_at: ended ? '2026-01-01T01:00:00Z' : null,
      cancel_initiated_at: batch.canceled ? '2026-01-01T00:30:00Z' : null,
      archived_at: null,
      results_url: ended ? `${origin}/v1/messages/batches/${batch.id}/results` : null,
    };
  };

  const create = async (request: RecordedRequest): Promise<Reply> => {
    const requests = (request.body as { requests?: Array<{ custom_id?: unknown; params?: unknown }> } | undefined)?.requests;
    if (!Array.isArray(requests) || requests.length === 0) return anthropicErrorReply(400, 'invalid_request_error', 'requests: at least one request');
    const ids = requests.map((r) => r.custom_id);
    const bad = ids.find((id) => typeof id !== 'string' || !CUSTOM_ID.test(id));
    if (bad !== undefined) return anthropicErrorReply(400, 'invalid_request_error', `custom_id: invalid ${String(bad)}`);
    if (new Set(ids).size !== ids.length) return anthropicErrorReply(400, 'invalid_request_error', 'custom_id: must be unique');
    const id = `msgbatch_test_${batches.size + 1}`;
    const batch: StoredBatch = {
      id,
      lines: requests.map((r) => batchLine(r.custom_id as string, r.params, '/v1/messages')),
      polls: 0,
      canceled: false,
    };
    batches.set(id, batch);
    return { json: await describe(batch, false) };
  };

  const results = async (batch: StoredBatch): Promise<Reply> => {
    const answers = await settle(batch, server.script, () => answered++);
    const text = answers
      .map(({ line, answer }) => {
        if (isFate(answer)) return { custom_id: line.customId, result: { type: answer.fate } };
        if ((answer.status ?? 200) < 300) return { custom_id: line.customId, result: { type: 'succeeded', message: answer.json } };
        return { custom_id: line.customId, result: { type: 'errored', error: answer.json } };
      })
      .map((entry) => JSON.stringify(entry))
      .join('\n');
    return { headers: { 'content-type': 'application/binary' }, text: `${text}\n` };
  };

  const handler: Handler = async (request, index) => {
    if (request.method === 'POST' && request.path === '/v1/messages/batches') return create(request);
    const match = BATCHES.exec(request.path);
    if (!match) return live(request, index);
    const batch = batches.get(match[1] ?? '');
    if (!batch) return anthropicErrorReply(404, 'not_found_error', `no batch ${match[1]}`);
    if (match[2] === '/cancel' && request.method === 'POST') {
      if (!batch.answers) batch.canceled = true;
      return { json: await describe(batch, true) };
    }
    if (match[2] === '/results') {
      if (!batch.answers) return anthropicErrorReply(400, 'invalid_request_error', 'the batch has not ended');
      return results(batch);
    }
    return { json: await describe(batch, tick(batch, server.script)) };
  };

  const base = await startLoopbackServer(handler, {
    guard: (request) =>
      options.apiKey !== undefined && sentApiKey(request) !== options.apiKey
        ? anthropicErrorReply(401, 'authentication_error', 'invalid x-api-key')
        : undefined,
  });
  origin = base.origin;
  const server: AnthropicBatchServer = Object.assign(base, {
    baseURL: base.origin,
    batches,
    script,
    creates: () => base.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages/batches'),
  });
  return server;
}
