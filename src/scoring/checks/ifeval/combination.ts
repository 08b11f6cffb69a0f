import { z } from 'zod';
import { NoKwargs, defineInstruction } from './instruction.js';
import { strip } from './python.js';

/** combination:* — two answers in one response, or the prompt repeated before the answer. */
export const combinationInstructions = [
  defineInstruction('combination:two_responses', NoKwargs, (response) => {
    const parts = response.split('******');
    const answers: string[] = [];
    for (const [index, part] of parts.entries()) {
      if (strip(part) !== '') answers.push(part);
      // Only the first and last part may be empty (a separator at either end).
      else if (index !== 0 && index !== parts.length - 1) return false;
    }
    const [first, second] = answers;
    return answers.length === 2 && strip(first ?? '') !== strip(second ?? '');
  }),
  defineInstruction(
    'combination:repeat_prompt',
    // The prompt to repeat comes from kwargs, as in the reference (the item's input may hold more).
    z.strictObject({ prompt_to_repeat: z.string().min(1) }),
    (response, { prompt_to_repeat }) => strip(response).toLowerCase().startsWith(strip(prompt_to_repeat).toLowerCase()),
  ),
];
