import { changeCaseInstructions } from './change-case.js';
import { combinationInstructions } from './combination.js';
import { contentInstructions } from './content.js';
import { formatInstructions } from './format.js';
import type { Instruction } from './instruction.js';
import { keywordInstructions } from './keywords.js';
import { languageInstructions } from './language.js';
import { lengthInstructions } from './length.js';
import { punctuationInstructions } from './punctuation.js';
import { startEndInstructions } from './startend.js';

/** IFEval's 25 instructions by id (instructions_registry.INSTRUCTION_DICT). */
export const INSTRUCTIONS: ReadonlyMap<string, Instruction> = new Map(
  [
    ...keywordInstructions,
    ...languageInstructions,
    ...lengthInstructions,
    ...contentInstructions,
    ...formatInstructions,
    ...combinationInstructions,
    ...startEndInstructions,
    ...changeCaseInstructions,
    ...punctuationInstructions,
  ].map((instruction) => [instruction.id, instruction]),
);
