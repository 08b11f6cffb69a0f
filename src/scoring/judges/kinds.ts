import type { z } from 'zod';
import { Registry } from '../../util/registry.js';
import { faithfulnessKind } from './faithfulness.js';
import type { JudgeKind } from './kind.js';
import { panelKind } from './panel.js';
import { referenceKind } from './reference.js';
import { rubricKind } from './rubric.js';

/**
 * Every judged metric kind, by name. Adding one = one file exporting a `defineJudge(...)` plus its
 * test, and one line here; a config's plugins add theirs (src/plugins/register.ts).
 */
const kinds = [rubricKind, referenceKind, faithfulnessKind, panelKind] as const;

/**
 * An entry of a suite's `judges` as a config writes it, `{ kind: 'reference', judge: 'grader' }`:
 * one member per kind, so a misspelt kind or option is a compile error in the editor.
 */
export type JudgeEntryInput = EntryOf<(typeof kinds)[number]>;
export type EntryOf<K> = K extends { kind: infer N extends string; options: infer O extends z.ZodType } ? { kind: N; metric?: string } & z.input<O> : never;

export const judgeKindRegistry: Registry<JudgeKind> = new Registry<JudgeKind>(
  'judge kind',
  kinds.map((k): [string, JudgeKind] => [k.kind, k]),
);
