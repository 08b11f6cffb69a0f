import { choice } from './choice.js';
import { citations } from './citations.js';
import { contains } from './contains.js';
import { equals } from './equals.js';
import { ifeval } from './ifeval/check.js';
import { json } from './json.js';
import { jsonSchema } from './json-schema.js';
import { length } from './length.js';
import { normalizedEquals } from './normalized-equals.js';
import { notContains } from './not-contains.js';
import { numeric } from './numeric.js';
import { refusal } from './refusal.js';
import { regex } from './regex.js';
import type { CheckDefinition } from './types.js';

/**
 * Every check type, by name. Adding a check = one file exporting a `defineCheck(...)` plus its
 * test, and one line here.
 */
const definitions: CheckDefinition[] = [
  equals,
  normalizedEquals,
  contains,
  notContains,
  regex,
  json,
  jsonSchema,
  length,
  refusal,
  numeric,
  choice,
  citations,
  ifeval,
];

export const checkRegistry: ReadonlyMap<string, CheckDefinition> = new Map(definitions.map((d) => [d.type, d]));
