import { z } from 'zod';

/**
 * One of IFEval's verifiable instructions. `prepare` validates the instruction's kwargs (the
 * reference's `build_description`) and returns the test of a response (`check_following`).
 * The reference draws a random value for a missing kwarg; here a missing one is an error, so a
 * verdict never depends on chance.
 */
export interface Instruction {
  id: string;
  prepare(kwargs: Record<string, unknown>): (response: string) => boolean;
}

export function defineInstruction<S extends z.ZodType>(id: string, kwargs: S, follows: (response: string, args: z.output<S>) => boolean): Instruction {
  return {
    id,
    prepare(raw) {
      const parsed = kwargs.safeParse(raw);
      if (!parsed.success) throw new Error(`${id}: invalid kwargs: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
      const args = parsed.data;
      return (response) => follows(response, args);
    },
  };
}

/** The reference's comparison relations. */
export const Relation = z.enum(['less than', 'at least']);
export type Relation = z.infer<typeof Relation>;
/** A count threshold; the reference replaces a negative one with a random number, so it is refused here. */
export const Count = z.number().int().nonnegative();
export const NoKwargs = z.strictObject({});

export function compare(actual: number, relation: Relation, threshold: number): boolean {
  return relation === 'less than' ? actual < threshold : actual >= threshold;
}
