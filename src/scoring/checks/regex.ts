import { z } from 'zod';
import { errorMessage } from '../../errors.js';
import { guardedExec } from './guarded-regex.js';
import { failed, passed } from './outcome.js';
import { quote } from './text.js';
import { defineCheck } from './types.js';

/** `null` when the pattern compiles, else the engine's complaint (used at parse time). */
function compileError(pattern: string, flags: string | undefined): string | null {
  try {
    new RegExp(pattern, flags);
    return null;
  } catch (err) {
    return errorMessage(err);
  }
}

/**
 * The trimmed answer matches (or, with mustMatch: false, does not match) a JavaScript regular
 * expression. Trimmed so `^...$` anchors behave as a golden-set author expects despite a trailing
 * newline. A bad pattern or flag is a param error, reported with the golden set's file:line; a
 * pattern that runs away on an answer is stopped (src/scoring/checks/guarded-regex.ts).
 */
export const regex = defineCheck({
  type: 'regex',
  summary: 'answer (trimmed) matches, or must not match, a regular expression',
  params: z
    .strictObject({
      pattern: z.string().min(1),
      flags: z.string().optional(),
      mustMatch: z.boolean().default(true),
    })
    .superRefine(({ pattern, flags }, ctx) => {
      const error = compileError(pattern, flags);
      if (error) ctx.addIssue({ code: 'custom', path: ['pattern'], message: `invalid regular expression: ${error}` });
    }),
  run({ output }, { pattern, flags, mustMatch }) {
    // A fresh RegExp per call: a `g` or `y` flag would otherwise carry lastIndex between answers.
    const match = guardedExec(new RegExp(pattern, flags), output.text.trim());
    const shown = `/${pattern}/${flags ?? ''}`;
    if (mustMatch) return match ? passed() : failed(`no match for ${shown}`);
    return match ? failed(`matched ${shown} at ${quote(match[0], 40)}`) : passed();
  },
});
