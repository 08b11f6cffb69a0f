import { z } from 'zod';
import { CheckSpecSchema } from '../scoring/checks/spec.js';

export const MessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});

/** A golden item's question: plain text, or a chat transcript ending in the user's turn. */
export const ItemInputSchema = z.union([z.string().min(1), z.array(MessageSchema).min(1)]);

/**
 * A slice name: `all` is the overall row of every report (a slice of that name would hide behind
 * it), and names are shown in paths and tables, so `.`, `..` and path separators are refused.
 */
export const SliceNameSchema = z
  .string()
  .min(1)
  .refine((name) => name !== 'all', { message: 'the slice name "all" is reserved for the overall row; rename the slice' })
  .refine((name) => !/^\.+$/.test(name) && !/[\\/]/.test(name), { message: 'slice names may not be "." or ".." or contain "/" or "\\"' });

/** The fields a golden-set row may carry (contract: docs/architecture.md "Golden sets"). Other fields are kept as metadata. */
export const GoldenItemFieldsSchema = z.object({
  id: z.string().min(1),
  input: ItemInputSchema,
  reference: z.string().optional(),
  slices: z.array(SliceNameSchema).default([]),
  sources: z.array(z.string().min(1)).default([]),
  rubric: z.string().min(1).optional(),
  checks: z.array(CheckSpecSchema).default([]),
});

export const OriginSchema = z.object({ file: z.string(), line: z.number().int().positive() });

export const GoldenItemSchema = GoldenItemFieldsSchema.extend({
  /** Every field of the row that is not one of the above, untouched (e.g. IFEval's kwargs). */
  metadata: z.record(z.string(), z.unknown()),
  /** Where the row came from, for error messages and CI annotations. */
  origin: OriginSchema,
});

export type Message = z.infer<typeof MessageSchema>;
export type ItemInput = z.infer<typeof ItemInputSchema>;
export type GoldenItem = z.infer<typeof GoldenItemSchema>;

export const KNOWN_FIELDS = new Set(Object.keys(GoldenItemFieldsSchema.shape));

/** The user's question as one string: the text itself, or the last user turn of a transcript. */
export function promptText(input: ItemInput): string {
  if (typeof input === 'string') return input;
  for (let i = input.length - 1; i >= 0; i--) {
    const message = input[i];
    if (message && message.role === 'user') return message.content;
  }
  return input.map((m) => m.content).join('\n');
}
