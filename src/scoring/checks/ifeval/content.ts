import { z } from 'zod';
import { Count, defineInstruction } from './instruction.js';
import { DOT, LINE_END, S, countMatches, kwargPattern, strip } from './python.js';

/** `[...]` on one line, shortest first: the reference's placeholder. */
const PLACEHOLDER = new RegExp(`\\[${DOT}*?\\]`, 'gu');

/**
 * The reference's postscript patterns: its two standard markers get spacing-tolerant patterns,
 * any other marker is used as a (lowercased) regular expression. Unanchored, so a marker
 * anywhere in the response counts, not only at the start of a line.
 */
function postscriptPattern(marker: string): RegExp {
  if (marker === 'P.P.S') return new RegExp(`${S}*p\\.${S}?p\\.${S}?s${DOT}*${LINE_END}`, 'u');
  if (marker === 'P.S.') return new RegExp(`${S}*p\\.${S}?s\\.${DOT}*${LINE_END}`, 'u');
  return kwargPattern(`${S}*${marker.toLowerCase()}${DOT}*${LINE_END}`, '');
}

/** detectable_content:* — placeholders and a postscript. */
export const contentInstructions = [
  defineInstruction(
    'detectable_content:number_placeholders',
    z.strictObject({ num_placeholders: Count }),
    (response, { num_placeholders }) => countMatches(response, PLACEHOLDER) >= num_placeholders,
  ),
  defineInstruction('detectable_content:postscript', z.strictObject({ postscript_marker: z.string().min(1) }), (response, { postscript_marker }) =>
    postscriptPattern(strip(postscript_marker)).test(response.toLowerCase()),
  ),
];
