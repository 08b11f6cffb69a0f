// Public API for config files and module candidates.
export { defineConfig } from './config/schema.js';
export type { ConfigInput, Config } from './config/schema.js';
export type { GoldenItem, Message, ItemInput } from './goldensets/item.js';
export { promptText } from './goldensets/item.js';
export type { CandidateOutput, Context, Usage } from './candidates/output.js';
export type { CandidateFunction } from './candidates/adapters/module.js';
