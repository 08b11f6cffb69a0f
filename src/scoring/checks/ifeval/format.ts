import { z } from 'zod';
import { Count, NoKwargs, defineInstruction } from './instruction.js';
import { DIGIT, DOT, LINE_END, LINE_START, S, countMatches, kwargPattern, strip } from './python.js';

/** Markdown bullets: a line starting with `*` (not `**`) or `-`, after optional whitespace. */
const STAR_BULLET = new RegExp(`${LINE_START}${S}*\\*[^*]${DOT}*${LINE_END}`, 'gu');
const DASH_BULLET = new RegExp(`${LINE_START}${S}*-${DOT}*${LINE_END}`, 'gu');
const HIGHLIGHT = /\*[^\n*]*\*/g;
const DOUBLE_HIGHLIGHT = /\*\*[^\n*]*\*\*/g;
/** Greedy, as in the reference: two titles on one line read as one `<<a>> and <<b>>`. */
const TITLE = /<<[^\n]+>>/g;
const CONSTRAINED_OPTIONS = ['My answer is yes.', 'My answer is no.', 'My answer is maybe.'];

/**
 * Highlights `*text*` and `**text**`, as the reference counts them: the first pattern sees only
 * the empty `**` ends of a bold section, the second the section itself; empty ones do not count.
 */
function countHighlights(response: string): number {
  const single = [...response.matchAll(HIGHLIGHT)].filter((m) => strip(strip(m[0], '*')) !== '').length;
  const double = [...response.matchAll(DOUBLE_HIGHLIGHT)].filter((m) => strip(m[0].slice(2, -2)) !== '').length;
  return single + double;
}

/** Python's json.loads also takes NaN, Infinity and -Infinity, which JSON.parse refuses. */
const PYTHON_CONSTANTS = /"(?:[^"\\]|\\.)*"|(?<![\w.+-])(-?Infinity|NaN)(?!\w)/g;

function isPythonJson(text: string): boolean {
  try {
    JSON.parse(text.replace(PYTHON_CONSTANTS, (match, constant?: string) => (constant ? '0' : match)));
    return true;
  } catch {
    return false;
  }
}

const removePrefix = (text: string, prefix: string) => (text.startsWith(prefix) ? text.slice(prefix.length) : text);
const removeSuffix = (text: string, suffix: string) => (text.endsWith(suffix) ? text.slice(0, -suffix.length) : text);

/** The response without a surrounding markdown code fence, as the reference strips it before parsing. */
function unfenced(response: string): string {
  let text = strip(response);
  for (const fence of ['```json', '```Json', '```JSON', '```']) text = removePrefix(text, fence);
  return strip(removeSuffix(text, '```'));
}

/** detectable_format:* — bullets, highlights, sections, JSON, a title, a fixed answer. */
export const formatInstructions = [
  defineInstruction(
    'detectable_format:number_bullet_lists',
    z.strictObject({ num_bullets: Count }),
    (response, { num_bullets }) => countMatches(response, STAR_BULLET) + countMatches(response, DASH_BULLET) === num_bullets,
  ),
  defineInstruction('detectable_format:constrained_response', NoKwargs, (response) => {
    const text = strip(response);
    return CONSTRAINED_OPTIONS.some((option) => text.includes(option));
  }),
  defineInstruction(
    'detectable_format:number_highlighted_sections',
    z.strictObject({ num_highlights: Count }),
    (response, { num_highlights }) => countHighlights(response) >= num_highlights,
  ),
  defineInstruction(
    'detectable_format:multiple_sections',
    z.strictObject({ section_spliter: z.string().min(1), num_sections: Count }),
    (response, { section_spliter, num_sections }) => {
      // The reference splits on the marker and counts the pieces after the first: one per match.
      const marker = kwargPattern(`${S}?${strip(section_spliter)}${S}?${DIGIT}+${S}?`, 'g');
      return countMatches(response, marker) >= num_sections;
    },
  ),
  defineInstruction('detectable_format:json_format', NoKwargs, (response) => isPythonJson(unfenced(response))),
  defineInstruction('detectable_format:title', NoKwargs, (response) =>
    [...response.matchAll(TITLE)].some((m) => strip(m[0].replace(/^<+/, '').replace(/>+$/, '')) !== ''),
  ),
];
