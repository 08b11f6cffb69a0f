import { errorMessage } from '../../errors.js';

export type JsonExtraction = { ok: true; value: unknown } | { ok: false; error: string };

/** A fenced code block: its info string (language) and body. */
const FENCE = /```[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)```/g;

function parse(text: string): JsonExtraction {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, error: errorMessage(err) };
  }
}

/**
 * The JSON an answer carries: the whole trimmed text, or else the body of the first ```json
 * fenced block that parses, or else the first bare ``` block that parses. Blocks tagged with
 * another language (```python) are never read as JSON. On failure, the error names why.
 */
export function extractJson(text: string): JsonExtraction {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'empty answer' };
  const whole = parse(trimmed);
  if (whole.ok) return whole;
  const blocks = [...trimmed.matchAll(FENCE)].map((m) => ({ lang: (m[1] ?? '').toLowerCase(), body: m[2] ?? '' }));
  const candidates = [...blocks.filter((b) => b.lang === 'json'), ...blocks.filter((b) => b.lang === '')];
  if (candidates.length === 0) return { ok: false, error: `not JSON and no json code block (${whole.error})` };
  let firstError: string | undefined;
  for (const block of candidates) {
    const result = parse(block.body.trim());
    if (result.ok) return result;
    firstError ??= result.error;
  }
  return { ok: false, error: `code block is not valid JSON (${firstError})` };
}
