import type { CandidateAdapter } from './adapter.js';
import { moduleAdapter } from './adapters/module.js';

/**
 * Every adapter type, by name. Adding one = one file in adapters/ exporting `defineAdapter(...)`
 * plus its test, and one line here. Adapters import their SDKs lazily inside `create`.
 */
const adapters: CandidateAdapter[] = [moduleAdapter];

export const adapterRegistry: ReadonlyMap<string, CandidateAdapter> = new Map(adapters.map((a) => [a.type, a]));
