import { z } from 'zod';
import { NoKwargs, defineInstruction } from './instruction.js';
import { strip } from './python.js';

/** startend:* — how the response ends, or what wraps it. */
export const startEndInstructions = [
  defineInstruction(
    'startend:end_checker',
    z.strictObject({ end_phrase: z.string().min(1) }),
    // Surrounding whitespace and double quotes are ignored, and case.
    (response, { end_phrase }) => strip(strip(response), '"').toLowerCase().endsWith(strip(end_phrase).toLowerCase()),
  ),
  defineInstruction('startend:quotation', NoKwargs, (response) => {
    const text = strip(response);
    return text.length > 1 && text.startsWith('"') && text.endsWith('"');
  }),
];
