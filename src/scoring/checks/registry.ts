import { equals } from './equals.js';
import type { CheckDefinition } from './types.js';

/**
 * Every check type, by name. Adding a check = one file exporting a `defineCheck(...)` plus its
 * test, and one line here.
 */
const definitions: CheckDefinition[] = [equals];

export const checkRegistry: ReadonlyMap<string, CheckDefinition> = new Map(definitions.map((d) => [d.type, d]));
