import type { CandidateAdapter } from './adapter.js';
import { anthropicAdapter } from './adapters/anthropic.js';
import { commandAdapter } from './adapters/command.js';
import { httpAdapter } from './adapters/http.js';
import { moduleAdapter } from './adapters/module.js';
import { openaiAdapter } from './adapters/openai.js';
import { replayAdapter } from './adapters/replay.js';

/**
 * Every adapter type, by name. Adding one = one file in adapters/ exporting `defineAdapter(...)`
 * plus its test, and one line here. Adapters import their SDKs lazily inside `create`.
 */
const adapters: CandidateAdapter[] = [
  moduleAdapter,
  commandAdapter,
  httpAdapter,
  anthropicAdapter,
  openaiAdapter,
  replayAdapter,
];

export const adapterRegistry: ReadonlyMap<string, CandidateAdapter> = new Map(adapters.map((a) => [a.type, a]));
