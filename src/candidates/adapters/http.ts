import { z } from 'zod';
import { UserError } from '../../errors.js';
import { getPath } from '../../models/dotted-path.js';
import { redact } from '../../models/redact.js';
import { secretValues } from '../secret-env.js';
import { CandidateError, defineAdapter } from '../adapter.js';
import type { CandidateOutput } from '../../contracts/candidate-output.js';
import { excerpt, itemPayload, readAnswer } from './external.js';

const ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

function envNames(value: string): string[] {
  return [...value.matchAll(ENV_REFERENCE)].map((m) => m[1] ?? '');
}

/** Header values with `${NAME}` filled from `env`; resolved per call so the values are never kept. */
function resolveHeaders(headers: Record<string, string>, env: NodeJS.ProcessEnv) {
  const secrets: string[] = [];
  const resolved: Record<string, string> = {};
  for (const [name, template] of Object.entries(headers)) {
    resolved[name] = template.replace(ENV_REFERENCE, (_, variable: string) => {
      const value = env[variable];
      if (value === undefined) throw new CandidateError(`header "${name}" needs the environment variable ${variable}, which is not set`, 'http');
      secrets.push(value);
      return value;
    });
  }
  return { resolved, secrets };
}

const ResponsePathSchema = z.strictObject({
  text: z.string().min(1),
  citations: z.string().min(1).optional(),
  contexts: z.string().min(1).optional(),
});

function mapResponse(body: unknown, paths: z.infer<typeof ResponsePathSchema> | undefined): unknown {
  if (!paths) return body;
  const mapped: Record<string, unknown> = { text: getPath(body, paths.text) };
  if (paths.citations) mapped['citations'] = getPath(body, paths.citations);
  if (paths.contexts) mapped['contexts'] = getPath(body, paths.contexts);
  return mapped;
}

export const httpAdapter = defineAdapter({
  type: 'http',
  summary: 'an HTTP endpoint that gets the item as JSON (POST) and answers JSON',
  options: z.strictObject({
    url: z.url({ protocol: /^https?$/ }),
    /** Values may reference environment variables as `${NAME}`, so secrets stay out of config. */
    headers: z.record(z.string(), z.string()).default({}),
    body: z.literal('item').default('item'),
    /** Where the answer's fields sit in the response, as dotted paths; the response is the answer itself when omitted. */
    responsePath: ResponsePathSchema.optional(),
  }),
  async create(options, context) {
    const missing = Object.values(options.headers)
      .flatMap(envNames)
      .filter((name) => context.env[name] === undefined);
    if (missing.length > 0) {
      throw new UserError(`candidate "${context.candidateId}": headers need environment variable(s) ${[...new Set(missing)].join(', ')}, not set`);
    }
    const envSecrets = secretValues(context.env, context.secretEnv ?? []);
    return {
      async generate(item, { signal }): Promise<CandidateOutput> {
        const { resolved, secrets: headerSecrets } = resolveHeaders(options.headers, context.env);
        const secrets = [...headerSecrets, ...envSecrets];
        // Redacted before it is cut short: a cut through a key would leave its first part behind.
        const quoted = (body: string) => excerpt(redact(body, secrets));
        const timeout = AbortSignal.timeout(context.timeoutMs);
        let response: Response;
        let text: string;
        try {
          response = await fetch(options.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json', ...resolved },
            body: JSON.stringify(itemPayload(item)),
            signal: AbortSignal.any([signal, timeout]),
          });
          text = await response.text();
        } catch (err) {
          if (signal.aborted) throw new CandidateError('the call was aborted', 'timeout');
          if (timeout.aborted) throw new CandidateError(`no answer from ${options.url} within ${context.timeoutMs} ms`, 'timeout');
          const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
          throw new CandidateError(redact(`request to ${options.url} failed${cause}`, secrets), 'http');
        }
        if (!response.ok) {
          throw new CandidateError(`HTTP ${response.status} from ${options.url}: ${quoted(text)}`, 'http');
        }
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw new CandidateError(`response is not JSON: ${quoted(text)}`, 'bad_output');
        }
        const result = readAnswer(mapResponse(body, options.responsePath));
        if ('problem' in result) {
          throw new CandidateError(redact(`invalid answer: ${result.problem}; response: ${quoted(text)}`, secrets), 'bad_output');
        }
        return result.answer;
      },
    };
  },
});
