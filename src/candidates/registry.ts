import type { z } from 'zod';
import { Registry } from '../util/registry.js';
import type { CandidateAdapter } from './adapter.js';
import { anthropicAdapter } from './adapters/anthropic.js';
import { commandAdapter } from './adapters/command.js';
import { httpAdapter } from './adapters/http.js';
import { moduleAdapter } from './adapters/module.js';
import { openaiAdapter } from './adapters/openai.js';
import { replayAdapter } from './adapters/replay.js';

/**
 * Every adapter type, by name. Adding one = one file in adapters/ exporting `defineAdapter(...)`
 * plus its test, and one line here; a config's plugins add theirs (src/plugins/register.ts).
 * Adapters import their SDKs lazily inside `create`.
 */
const adapters = [moduleAdapter, commandAdapter, httpAdapter, anthropicAdapter, openaiAdapter, replayAdapter] as const;

/**
 * An adapter block as a config writes it, `{ type: 'openai', model: ..., ... }`: one member per
 * adapter, so a misspelt type or option is a compile error in the editor.
 */
export type AdapterConfigInput = BlockOf<(typeof adapters)[number]>;
export type BlockOf<A> = A extends { type: infer T extends string; options: infer S extends z.ZodType } ? { type: T } & z.input<S> : never;

export const adapterRegistry: Registry<CandidateAdapter> = new Registry<CandidateAdapter>(
  'adapter type',
  adapters.map((a): [string, CandidateAdapter] => [a.type, a]),
);
