import { z } from 'zod';
import { extractJson } from './json-extract.js';
import { failed, passed } from './outcome.js';
import { defineCheck } from './types.js';

/** The answer is valid JSON: the whole text, or a ```json / bare ``` fenced block. */
export const json = defineCheck({
  type: 'json',
  summary: 'answer is valid JSON (whole text or a fenced code block)',
  params: z.strictObject({}),
  run({ output }) {
    const extracted = extractJson(output.text);
    return extracted.ok ? passed() : failed(`invalid JSON: ${extracted.error}`);
  },
});
