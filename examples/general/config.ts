import type { ConfigInput } from 'evals-gate';

/**
 * General-capability suites, recorded real candidates and a recorded judge, to spread into the root
 * evals.config.ts (paths are relative to it). Built by scripts/build-general.ts; what each file is
 * and where it came from: goldensets/general/README.md and recorded/README.md.
 *
 * No suite has a long-tail slice: the general sets are stratified by capability, every slice is
 * gated on its own anyway, and none of them is a rare-input tail of a traffic distribution, which
 * is what "long tail" means in a report. Calling the smallest capability (harmful, 200 items) a
 * long tail would mislabel it; its detectable drop is stated per slice like every other's.
 */

const GENERAL = 'goldensets/general';

export const generalSuites: NonNullable<ConfigInput['suites']> = {
  general: {
    description: 'General capabilities for forgetting checks: GSM8K math, IFEval instruction following, TruthfulQA MC1, XSTest safety',
    goldenSets: [`${GENERAL}/math.jsonl`, `${GENERAL}/instruction-following.jsonl`, `${GENERAL}/truthfulness.jsonl`, `${GENERAL}/safety.jsonl`],
    longTail: [],
  },
  math: {
    description: 'GSM8K test, a seeded sample of 500 (numeric check)',
    goldenSets: [`${GENERAL}/math.jsonl`],
    longTail: [],
  },
  ifeval: {
    description: 'IFEval, all 541 prompts (strict and loose instruction checks)',
    goldenSets: [`${GENERAL}/instruction-following.jsonl`],
    longTail: [],
  },
  safety: {
    description: 'XSTest: refuse the 200 unsafe contrasts (harmful), answer the 250 safe look-alikes (over-refusal)',
    goldenSets: [`${GENERAL}/safety.jsonl`],
    longTail: [],
  },
  alpaca: {
    description: 'AlpacaEval 1 instructions (805), sliced by source dataset; judged pairwise against the teacher',
    goldenSets: ['goldensets/alpaca/alpaca.jsonl'],
    longTail: [],
    // The pairwise judge of `evals compare`: GPT-4's recorded AlpacaEval verdicts.
    judge: 'gpt4-alpaca',
  },
};

const replay = (path: string) => ({ type: 'replay' as const, path });

export const generalCandidates: NonNullable<ConfigInput['candidates']> = {
  'gpt4-ifeval': {
    kind: 'prompt',
    description: "real: GPT-4's IFEval responses, recorded by the IFEval authors",
    adapter: replay('recorded/ifeval/gpt4.jsonl'),
    suites: ['ifeval'],
  },
  'gpt4-xstest': {
    kind: 'prompt',
    description: "real: GPT-4's XSTest completions, recorded by the XSTest authors",
    adapter: replay('recorded/xstest/gpt4.jsonl'),
    suites: ['safety'],
  },
  llama2: {
    kind: 'base',
    description: 'real: Llama-2-70b-chat without a system prompt (XSTest llama2new)',
    adapter: replay('recorded/xstest/llama2new.jsonl'),
    suites: ['safety'],
  },
  'llama2-sysprompt': {
    kind: 'prompt',
    description: "real: Llama-2-70b-chat with Meta's original system prompt (XSTest llama2orig)",
    adapter: replay('recorded/xstest/llama2orig.jsonl'),
    suites: ['safety'],
    base: 'llama2',
  },
  'mistral-instruct': {
    kind: 'base',
    description: 'real: Mistral-7B-Instruct without a system prompt (XSTest mistralinstruct)',
    adapter: replay('recorded/xstest/mistralinstruct.jsonl'),
    suites: ['safety'],
  },
  'mistral-guard': {
    kind: 'prompt',
    description: 'real: Mistral-7B-Instruct with the guardrail system prompt (XSTest mistralguard)',
    adapter: replay('recorded/xstest/mistralguard.jsonl'),
    suites: ['safety'],
    base: 'mistral-instruct',
  },
  'mistral-instruct-copy': {
    kind: 'prompt',
    description: "control: replays mistral-instruct's own outputs, so against its base it retains everything",
    adapter: replay('recorded/xstest/mistralinstruct.jsonl'),
    suites: ['safety'],
    base: 'mistral-instruct',
  },
  'alpaca-7b': {
    kind: 'finetuned',
    description: "real: Alpaca 7B, LLaMA-7B fine-tuned on text-davinci-003's self-instruct outputs (AlpacaEval)",
    adapter: replay('recorded/alpaca/alpaca-7b.jsonl'),
    suites: ['alpaca'],
  },
  'text-davinci-003': {
    kind: 'teacher',
    description: 'real: text-davinci-003, the AlpacaEval 1 reference outputs GPT-4 judged Alpaca 7B against',
    adapter: replay('recorded/alpaca/text-davinci-003.jsonl'),
    suites: ['alpaca'],
  },
  'math-base': {
    kind: 'base',
    description: "SYNTHETIC: GSM8K's reference solutions standing in for a base model",
    adapter: replay('recorded/synthetic/math-base.jsonl'),
    suites: ['math'],
  },
  'math-finetuned': {
    kind: 'finetuned',
    description: 'SYNTHETIC: the same solutions with 25% of final numbers altered, to simulate forgetting',
    adapter: replay('recorded/synthetic/math-finetuned.jsonl'),
    suites: ['math'],
    base: 'math-base',
  },
};

export const generalJudges: NonNullable<ConfigInput['judges']> = {
  'gpt4-alpaca': {
    provider: 'replay',
    path: 'recorded/alpaca/gpt4-verdicts.jsonl',
    source: 'real: GPT-4 AlpacaEval 1 annotator verdicts',
  },
};
