// Public API for config files, module candidates and plugins.
export { z } from 'zod';
export { defineConfig } from './config/schema.js';
export type { ConfigInput, ConfigInputWith, Config } from './config/schema.js';
export type { GoldenItem, Message, ItemInput } from './goldensets/item.js';
export { promptText } from './goldensets/item.js';
export type { CandidateOutput, Context, Usage } from './contracts/candidate-output.js';
export type { CandidateFunction } from './candidates/adapters/module.js';

// Plugins: a config's `plugins: [...]` registers them beside the built-ins, which use the same helpers.
export type { Plugin } from './plugins/plugin.js';
export { defineCheck } from './scoring/checks/types.js';
export type { CheckDefinition, CheckInput, CheckOutcome } from './scoring/checks/types.js';
export { passed, failed } from './scoring/checks/outcome.js';
export { defineAdapter, CandidateError } from './candidates/adapter.js';
export type { CandidateAdapter, AdapterContext, Candidate, CallOptions } from './candidates/adapter.js';
export { defineJudge } from './scoring/judges/kind.js';
export type { JudgeKind, JudgeContext, JudgePlan, JudgeRefs } from './scoring/judges/kind.js';
export { JudgeError } from './contracts/verdict-source.js';
export type { JudgeInput, JudgeOutcome } from './scoring/judges/types.js';
export type { VerdictSource, VerdictRequest, VerdictResponse } from './contracts/verdict-source.js';
export { delimit, judgeSystem, questionSection } from './scoring/judges/prompt.js';
export { spendOf, type Spend } from './scoring/judges/spend.js';
export { defineReporter } from './reports/writer.js';
export type { ReportWriter, ReportSet } from './reports/writer.js';
export type { Report } from './report-schema.js';
export type { RunInfo } from './reports/run-info.js';
