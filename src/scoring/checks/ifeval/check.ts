import { z } from 'zod';
import { failed, passed } from '../outcome.js';
import { defineCheck } from '../types.js';
import { followedInstructions, readInstructions } from './evaluate.js';

/**
 * IFEval (Zhou et al. 2023, arXiv 2311.07911): the answer follows every verifiable instruction
 * of the item, read from its metadata (`instruction_id_list`, `kwargs`). Prompt-level: passes
 * only when all are followed. `details.instructions` is the share followed and
 * `weights.instructions` their number, so a report's micro-average of it is IFEval's
 * instruction-level accuracy. Not applicable to items without `instruction_id_list`.
 */
export const ifeval = defineCheck({
  type: 'ifeval',
  summary: "IFEval's verifiable instructions from the item's metadata, strict or loose",
  params: z.strictObject({ mode: z.enum(['strict', 'loose']).default('strict') }),
  run({ output, item }, { mode }) {
    const instructions = readInstructions(item.metadata);
    if (!instructions) return null;
    const followed = followedInstructions(output.text, instructions, mode);
    const missed = instructions.filter((_, i) => !followed[i]).map((instruction) => instruction.id);
    const details = { instructions: (instructions.length - missed.length) / instructions.length };
    const weights = { instructions: instructions.length };
    if (missed.length === 0) return { ...passed(1, details), weights };
    return { ...failed(`not followed: ${missed.join(', ')}`, 0, details), weights };
  },
});
