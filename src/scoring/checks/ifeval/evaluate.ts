import { z } from 'zod';
import { INSTRUCTIONS } from './instructions.js';
import { strip } from './python.js';

export type Mode = 'strict' | 'loose';

/**
 * An IFEval row's instructions, as the item's metadata carries them: ids, and one kwargs object
 * per id (as in IFEval's input_data.jsonl; a null value, as in some copies of the data set,
 * means the kwarg is not set).
 */
const RowInstructions = z
  .object({
    instruction_id_list: z.array(z.string().min(1)).min(1),
    kwargs: z.array(z.record(z.string(), z.unknown()).nullable()),
  })
  .refine((row) => row.kwargs.length === row.instruction_id_list.length, {
    message: 'kwargs must have one entry per instruction in instruction_id_list',
    path: ['kwargs'],
  });

export interface RowInstruction {
  id: string;
  kwargs: Record<string, unknown>;
}

const withoutNulls = (kwargs: Record<string, unknown> | null): Record<string, unknown> =>
  Object.fromEntries(Object.entries(kwargs ?? {}).filter(([, value]) => value !== null));

/** The item's instructions; null when it has none (not an IFEval item); an error when they are malformed. */
export function readInstructions(metadata: Record<string, unknown>): RowInstruction[] | null {
  if (metadata.instruction_id_list === undefined) return null;
  const parsed = RowInstructions.safeParse(metadata);
  if (!parsed.success) throw new Error(`malformed IFEval metadata: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  const { instruction_id_list: ids, kwargs } = parsed.data;
  return ids.map((id, i) => ({ id, kwargs: withoutNulls(kwargs[i] ?? null) }));
}

/**
 * The responses loose mode also accepts (evaluation_lib.test_instruction_following_loose): without
 * its first line, its last line or both (a preamble or sign-off), each also without `*`
 * (markdown emphasis).
 */
export function looseVariants(response: string): string[] {
  const lines = response.split('\n');
  const trimmed = [lines.slice(1), lines.slice(0, -1), lines.slice(1, -1)].map((kept) => strip(kept.join('\n')));
  const unstarred = (text: string) => text.replaceAll('*', '');
  return [response, unstarred(response), ...trimmed, ...trimmed.map(unstarred)];
}

/**
 * Whether the response follows each instruction, in order. An instruction is followed when the
 * response (strict) or any of its loose variants is not blank and passes the instruction's test.
 * An unknown id or invalid kwargs is an error, never a verdict.
 */
export function followedInstructions(response: string, instructions: readonly RowInstruction[], mode: Mode): boolean[] {
  const candidates = (mode === 'strict' ? [response] : looseVariants(response)).filter((text) => strip(text) !== '');
  return instructions.map(({ id, kwargs }) => {
    const instruction = INSTRUCTIONS.get(id);
    if (!instruction) throw new Error(`unknown IFEval instruction "${id}"`);
    const follows = instruction.prepare(kwargs);
    return candidates.some(follows);
  });
}
