import type { z } from 'zod';
import type { Rubric } from '../../config/rubric.js';
import type { JudgeInput, JudgeOutcome } from './types.js';
import type { VerdictSource } from '../../contracts/verdict-source.js';

/**
 * What an entry of `suites.<name>.judges` points at, resolved against the config: an unknown judge
 * or rubric is an input error naming the entry's field (exit 2), before anything runs.
 */
export interface JudgeRefs {
  /** A judge id of `config.judges`; `field` is the entry's field that names it, for the message. */
  judge(id: string, field: string): string;
  /** A rubric of the rubrics folder. */
  rubric(id: string, field: string): Rubric;
}

/** How one entry is judged: which judges it asks, the rubric if it has one. */
export interface JudgePlan {
  judges: string[];
  rubric?: Rubric;
  /** The metric's name when the entry gives none (default: the kind). */
  metric?: string;
  /**
   * What of the entry's options changes the verdicts, for the report fingerprint (a changed one
   * makes the comparison with the baseline say so). Default: all of the options.
   */
  fingerprint?: Record<string, unknown>;
}

/** What a judge kind gets for one answer, besides the answer itself. */
export interface JudgeContext<O> {
  /** The sources of `plan().judges`, in that order. */
  sources: readonly VerdictSource[];
  rubric?: Rubric;
  /** The entry's options as its schema parsed them. */
  options: O;
}

/**
 * A judged metric kind: the entry `{ kind, metric?, ...options }` in a suite's `judges`, with its
 * options validated by `options` (a strict object, so a typo is an error with file and field).
 * `run` asks its judges (VerdictSource.verdict, with a zod schema for the verdict) and returns an
 * outcome, or null when the item gives it nothing to judge (e.g. no reference).
 */
export interface JudgeKind<O extends z.ZodType = z.ZodType, K extends string = string> {
  kind: K;
  /** One line for docs. */
  summary: string;
  options: O;
  plan(options: z.output<O>, refs: JudgeRefs): JudgePlan;
  run(input: JudgeInput, context: JudgeContext<z.output<O>>): Promise<JudgeOutcome | null>;
}

/** Identity helper that keeps `options`, `plan` and `run` typed together; marks the object as a judge kind plugin. */
export function defineJudge<O extends z.ZodType, K extends string>(kind: JudgeKind<O, K>): JudgeKind<O, K> & { plugin: 'judge' } {
  return { ...kind, plugin: 'judge' };
}
