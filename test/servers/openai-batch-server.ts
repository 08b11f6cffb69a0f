import { answerAs, batchLine, isFate, settle, tick, type BatchScript, type StoredBatch } from './batch-script.js';
import { startLoopbackServer, type Handler, type LoopbackServer, type RecordedRequest, type Reply } from './loopback.js';
import { openaiEcho, openaiErrorReply, sentApiKey } from './openai-server.js';

/**
 * A loopback stand-in for the OpenAI Batch API: POST /v1/files (multipart upload, purpose
 * batch), POST /v1/batches, GET /v1/batches/:id (validating -> in_progress -> completed, or
 * expired / cancelled, with request_counts), GET /v1/files/:id/content (output and error files),
 * POST /v1/batches/:id/cancel. Lines are answered by the script; any other request goes to the
 * live handler (POST /v1/chat/completions).
 */

export interface StoredFile {
  id: string;
  purpose: string;
  filename: string;
  content: string;
}

export interface OpenAIBatchServer extends LoopbackServer {
  baseURL: string;
  batches: Map<string, StoredBatch>;
  files: Map<string, StoredFile>;
  script: BatchScript;
  /** When set, batches created from now on fail validation with this message. */
  failValidation: string | undefined;
  /** The POST /v1/batches requests received. */
  creates(): RecordedRequest[];
}

export interface OpenAIBatchServerOptions extends Partial<BatchScript> {
  apiKey?: string;
  live?: Handler;
}

const ENDPOINT = '/v1/chat/completions';
const ROUTE = /^\/v1\/(batches|files)\/([^/?]+)(\/content|\/cancel)?$/;

export async function startOpenAIBatchServer(options: OpenAIBatchServerOptions = {}): Promise<OpenAIBatchServer> {
  const script: BatchScript = { pollsUntilEnded: 2, answer: answerAs(openaiEcho), reverseResults: true, ...options };
  const batches = new Map<string, StoredBatch & { inputFileId: string; failed?: string }>();
  const files = new Map<string, StoredFile>();
  /** Batch id -> its output and error file ids, once it has ended. */
  const outputs = new Map<string, { outputFileId?: string; errorFileId?: string }>();
  let answered = 0;
  const live = options.live ?? openaiEcho;

  const addFile = (purpose: string, filename: string, content: string): StoredFile => {
    const file = { id: `file-test${files.size + 1}`, purpose, filename, content };
    files.set(file.id, file);
    return file;
  };
  const fileObject = (file: StoredFile) => ({
    id: file.id,
    object: 'file',
    bytes: Buffer.byteLength(file.content),
    created_at: 1_700_000_000,
    filename: file.filename,
    purpose: file.purpose,
    status: 'processed',
  });

  const upload = async (request: RecordedRequest): Promise<Reply> => {
    const type = String(request.headers['content-type'] ?? '');
    const form = await new Response(request.rawBody, { headers: { 'content-type': type } }).formData();
    const file = form.get('file');
    if (!(file instanceof Blob)) return openaiErrorReply(400, 'invalid_request', 'file is missing');
    const name = (file as Blob & { name?: string }).name ?? 'upload';
    return { json: fileObject(addFile(String(form.get('purpose')), name, await file.text())) };
  };

  const create = (request: RecordedRequest): Reply => {
    const body = request.body as { input_file_id?: string; endpoint?: string; completion_window?: string };
    const input = files.get(body.input_file_id ?? '');
    if (!input || input.purpose !== 'batch') return openaiErrorReply(400, 'invalid_request', 'input_file_id: no batch file');
    if (body.endpoint !== ENDPOINT || body.completion_window !== '24h') return openaiErrorReply(400, 'invalid_request', 'bad endpoint or window');
    const parsed = input.content
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { custom_id: string; method: string; url: string; body: unknown });
    const ids = parsed.map((l) => l.custom_id);
    const invalid = parsed.some((l) => l.method !== 'POST' || l.url !== ENDPOINT) || new Set(ids).size !== ids.length;
    const id = `batch_test${batches.size + 1}`;
    const failed = server.failValidation ?? (invalid ? 'invalid lines or duplicate custom_id' : undefined);
    batches.set(id, {
      id,
      inputFileId: input.id,
      lines: parsed.map((l) => batchLine(l.custom_id, l.body, ENDPOINT)),
      polls: 0,
      canceled: false,
      ...(failed ? { failed } : {}),
    });
    return { json: describe(id, false) };
  };

  const finish = async (batch: StoredBatch) => {
    if (outputs.has(batch.id)) return;
    const output: string[] = [];
    const error: string[] = [];
    for (const [n, { line, answer }] of (await settle(batch, server.script, () => answered++)).entries()) {
      const base = { id: `batch_req_${batch.id}_${n}`, custom_id: line.customId };
      if (isFate(answer)) {
        const code = answer.fate === 'expired' ? 'batch_expired' : 'batch_cancelled';
        error.push(JSON.stringify({ ...base, response: null, error: { code, message: `This request was not run (${answer.fate}).` } }));
        continue;
      }
      const status = answer.status ?? 200;
      const entry = JSON.stringify({ ...base, response: { status_code: status, request_id: `req_${n}`, body: answer.json }, error: null });
      (status < 300 ? output : error).push(entry);
    }
    const file = (rows: string[], name: string) => (rows.length === 0 ? undefined : addFile('batch_output', name, `${rows.join('\n')}\n`).id);
    const outputFileId = file(output, `${batch.id}_output.jsonl`);
    const errorFileId = file(error, `${batch.id}_error.jsonl`);
    outputs.set(batch.id, { ...(outputFileId ? { outputFileId } : {}), ...(errorFileId ? { errorFileId } : {}) });
  };

  const statusOf = (batch: StoredBatch & { failed?: string }, ended: boolean): string => {
    if (batch.failed) return 'failed';
    if (!ended) return batch.polls <= 1 ? 'validating' : 'in_progress';
    if (batch.canceled) return 'cancelled';
    return batch.answers?.some((a) => isFate(a.answer) && a.answer.fate === 'expired') ? 'expired' : 'completed';
  };

  function describe(id: string, ended: boolean) {
    const batch = batches.get(id);
    if (!batch) throw new Error(`no batch ${id}`);
    const total = batch.lines.length;
    const succeeded = (batch.answers ?? []).filter((a) => !isFate(a.answer) && (a.answer.status ?? 200) < 300).length;
    // While in progress, show some requests done, as the real API does.
    const completed = ended ? succeeded : Math.floor((total * Math.max(0, batch.polls - 1)) / server.script.pollsUntilEnded);
    const files = outputs.get(id);
    return {
      id,
      object: 'batch',
      endpoint: ENDPOINT,
      input_file_id: batch.inputFileId,
      completion_window: '24h',
      created_at: 1_700_000_000,
      status: statusOf(batch, ended),
      request_counts: { total, completed, failed: ended ? total - completed : 0 },
      ...(batch.failed ? { errors: { object: 'list', data: [{ code: 'invalid_request', message: batch.failed, line: 1 }] } } : {}),
      ...(files?.outputFileId ? { output_file_id: files.outputFileId } : {}),
      ...(files?.errorFileId ? { error_file_id: files.errorFileId } : {}),
    };
  }

  const handler: Handler = async (request, index) => {
    if (request.method === 'POST' && request.path === '/v1/files') return upload(request);
    if (request.method === 'POST' && request.path === '/v1/batches') return create(request);
    const match = ROUTE.exec(request.path);
    if (!match) return live(request, index);
    const [, kind, id = '', action] = match;
    if (kind === 'files') {
      const file = files.get(id);
      if (!file) return openaiErrorReply(404, 'not_found', `no file ${id}`);
      return action === '/content' ? { headers: { 'content-type': 'application/octet-stream' }, text: file.content } : { json: fileObject(file) };
    }
    const batch = batches.get(id);
    if (!batch) return openaiErrorReply(404, 'not_found', `no batch ${id}`);
    if (action === '/cancel') batch.canceled = !batch.answers;
    const ended = Boolean(batch.failed) || batch.canceled || tick(batch, server.script);
    if (ended && !batch.failed) await finish(batch);
    return { json: describe(id, ended) };
  };

  const base = await startLoopbackServer(handler, {
    guard: (request) =>
      options.apiKey !== undefined && sentApiKey(request) !== options.apiKey
        ? openaiErrorReply(401, 'invalid_api_key', 'Incorrect API key provided.')
        : undefined,
  });
  const server: OpenAIBatchServer = Object.assign(base, {
    baseURL: `${base.origin}/v1`,
    batches,
    files,
    script,
    failValidation: undefined as string | undefined,
    creates: () => base.requests.filter((r) => r.method === 'POST' && r.path === '/v1/batches'),
  });
  return server;
}
