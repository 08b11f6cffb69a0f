import { NoKwargs, defineInstruction } from './instruction.js';

/** punctuation:* — no commas. */
export const punctuationInstructions = [defineInstruction('punctuation:no_comma', NoKwargs, (response) => !response.includes(','))];
