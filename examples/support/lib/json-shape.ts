// Reads an answer shape that a question spells out, e.g.
//   Answer as JSON {"answer": string, "steps": string[], "source": string}
// and fills it. Only rag-v2 uses this: the other candidates ignore format instructions.

export type FieldType = 'string' | 'string[]' | 'number' | 'boolean';

export interface Field {
  key: string;
  type: FieldType;
}

export interface JsonRequest {
  fields: Field[];
  /** The question with the format instruction removed, for retrieval. */
  question: string;
}

/** The facts a candidate found, from which any requested shape is filled. */
export interface AnswerParts {
  answer: string;
  sentences: string[];
  steps: string[];
  sources: string[];
}

const FIELD = /"?([A-Za-z_][A-Za-z0-9_]*)"?\s*:\s*(string\[\]|number|boolean|string)/g;

/** The requested JSON shape, or null when the question does not ask for JSON. */
export function parseJsonRequest(question: string): JsonRequest | null {
  if (!/\bJSON\b/i.test(question)) return null;
  const shape = /\{[^{}]*\}/.exec(question);
  if (!shape) return null;
  const fields = [...shape[0].matchAll(FIELD)].map((m) => ({ key: m[1] ?? '', type: (m[2] ?? 'string') as FieldType }));
  if (fields.length === 0) return null;
  const instruction = new RegExp(`[^.?!]*\\bJSON\\b[^{]*${escape(shape[0])}[.]?`, 'i');
  const rest = question.replace(instruction, ' ').replace(shape[0], ' ');
  return { fields, question: rest.replace(/\s+/g, ' ').trim() };
}

export function fillShape(fields: readonly Field[], parts: AnswerParts): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, type } of fields) out[key] = fieldValue(key, type, parts);
  return out;
}

function fieldValue(key: string, type: FieldType, parts: AnswerParts): unknown {
  const source = /^(source|sources|doc|docs|page|pages)$/i.test(key);
  switch (type) {
    case 'string[]':
      if (source) return parts.sources;
      return /step/i.test(key) && parts.steps.length > 0 ? parts.steps : parts.sentences;
    case 'number':
      return firstNumber(parts.answer);
    case 'boolean':
      return !negated(parts.sentences[0] ?? parts.answer);
    case 'string':
      return source ? (parts.sources[0] ?? '') : parts.answer;
  }
}

/** The first number written in the text ("$9.99" -> 9.99, "10,000" -> 10000; not the 2 of "2FA"), or null. */
export function firstNumber(text: string): number | null {
  const m = /(?<![\w.])\d[\d,]*(?:\.\d+)?(?!\w)/.exec(text);
  return m ? Number(m[0].replace(/,/g, '')) : null;
}

/** Whether a sentence states that something is not the case (used for yes/no fields). */
export function negated(sentence: string): boolean {
  return /\b(not|no|never|cannot|can't|doesn't|isn't|aren't|won't)\b/i.test(sentence);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
