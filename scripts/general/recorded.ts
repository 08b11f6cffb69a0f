import type { z } from 'zod';
import type { RecordedOutput } from '../../src/candidates/adapters/replay.js';
import { alpacaId } from './golden.js';
import type { AlpacaAnnotation, AlpacaOutput, IfevalPrompt, IfevalResponse, XstestCompletion, XstestModel, XstestPrompt } from './sources.js';

/**
 * Real recorded outputs, in the replay adapter's format ({id, text, source}). Each source row is
 * matched to its golden item by position and then checked by prompt text; the two known mismatches
 * (IFEval key 2785, XSTest 195) are accepted only in their exact known form and said in `source`.
 */

const IFEVAL_FILE = 'google-research instruction_following_eval input_response_data_gpt4_20231107_145030.jsonl';
export const IFEVAL_SOURCE = `real: GPT-4 response from ${IFEVAL_FILE} (bytes via Podtech-AI/IFEval @5bdf377)`;
/** Upstream commit 26d8ccd rewrote this prompt after the GPT-4 responses were recorded. */
export const IFEVAL_STALE_KEY = 2785;
const IFEVAL_NEW = 'at least 3 placeholders';
const IFEVAL_OLD = 'at least one placeholder';

export function ifevalGpt4(prompts: readonly z.infer<typeof IfevalPrompt>[], responses: readonly z.infer<typeof IfevalResponse>[]): RecordedOutput[] {
  if (prompts.length !== responses.length) throw new Error(`IFEval: ${prompts.length} prompts but ${responses.length} GPT-4 responses`);
  return prompts.map((prompt, i) => {
    const response = responses[i] as z.infer<typeof IfevalResponse>;
    const row = { id: `ifeval-${prompt.key}`, text: response.response };
    if (response.prompt === prompt.prompt) return { ...row, source: IFEVAL_SOURCE };
    if (prompt.key === IFEVAL_STALE_KEY && response.prompt === prompt.prompt.replace(IFEVAL_NEW, IFEVAL_OLD)) {
      return {
        ...row,
        source:
          `${IFEVAL_SOURCE}; GPT-4 answered the OLD prompt of key ${IFEVAL_STALE_KEY} ("${IFEVAL_OLD}"), which upstream commit 26d8ccd ` +
          `changed to "${IFEVAL_NEW}" (google-research issue #2259): judged against the current prompt it is answering a different request`,
      };
    }
    throw new Error(`IFEval response ${i + 1}: its prompt differs from key ${prompt.key}'s`);
  });
}

export const XSTEST_MODEL_NAMES: Record<XstestModel, string> = {
  gpt4: 'GPT-4',
  llama2new: 'Llama-2-70b-chat without its original system prompt',
  llama2orig: 'Llama-2-70b-chat with its original system prompt',
  mistralinstruct: 'Mistral-7B-Instruct without a system prompt',
  mistralguard: 'Mistral-7B-Instruct with the guardrail system prompt',
};
/** The prompts file was reworded after the v2 completions were recorded. */
export const XSTEST_REWORDED_ID = '195';
const XSTEST_NEW = "plan someone's death";
const XSTEST_OLD = "plan my enemy's death";

export function xstestSource(model: XstestModel): string {
  return (
    `real: ${XSTEST_MODEL_NAMES[model]}, completion from paul-rottger/exaggerated-safety @d7bb5bd ` +
    `model_completions/xstest_v2_completions_${model}.csv (XSTest, Röttger et al., NAACL 2024)`
  );
}

export function xstestRecorded(model: XstestModel, prompts: readonly z.infer<typeof XstestPrompt>[], completions: readonly z.infer<typeof XstestCompletion>[]) {
  if (prompts.length !== completions.length) throw new Error(`XSTest ${model}: ${prompts.length} prompts but ${completions.length} completions`);
  const outputs: RecordedOutput[] = [];
  const labels: { id: string; label: string }[] = [];
  prompts.forEach((prompt, i) => {
    const completion = completions[i] as z.infer<typeof XstestCompletion>;
    const id = `xstest-${prompt.id}`;
    if (completion.id !== `v2-${prompt.id}` || completion.type !== prompt.type)
      throw new Error(`XSTest ${model} row ${i + 1}: ${completion.id} (${completion.type}) is not prompt ${prompt.id} (${prompt.type})`);
    let source = xstestSource(model);
    if (completion.prompt !== prompt.prompt) {
      if (prompt.id !== XSTEST_REWORDED_ID || completion.prompt !== prompt.prompt.replace(XSTEST_NEW, XSTEST_OLD)) {
        throw new Error(`XSTest ${model} ${completion.id}: the completion's prompt differs from prompt ${prompt.id}`);
      }
      source += `; answers the v2 wording of prompt ${prompt.id} ("${completion.prompt}"), since reworded to "${prompt.prompt}"`;
    }
    outputs.push({ id, text: completion.completion, source });
    labels.push({ id, label: completion.final_label });
  });
  return { outputs, labels };
}

const ALPACA_REPO = 'tatsu-lab/alpaca_eval @cd543a1';
export const ALPACA_7B_SOURCE = `real: Alpaca 7B output from ${ALPACA_REPO} alpaca-7b model_outputs.json (identical to the output_2 GPT-4 judged)`;
export const DAVINCI_SOURCE =
  `real: text-davinci-003 output as judged in AlpacaEval 1 (output_1 of ${ALPACA_REPO} alpaca-7b vs text_davinci_003 ` +
  'alpaca_eval_gpt4 annotations, i.e. the AlpacaEval reference output)';

/**
 * Alpaca 7B and text-davinci-003 on the 805 instructions. text-davinci-003's text is taken from the
 * annotations (what GPT-4 actually compared), not from text_davinci_003.model_outputs.json, whose
 * outputs are a different generation (they match output_1 on only a few short answers).
 */
export function alpacaRecorded(
  student: readonly z.infer<typeof AlpacaOutput>[],
  annotations: readonly z.infer<typeof AlpacaAnnotation>[],
  teacherModelOutputs: readonly z.infer<typeof AlpacaOutput>[],
) {
  if (student.length !== annotations.length || teacherModelOutputs.length !== annotations.length) {
    throw new Error(
      `AlpacaEval: ${student.length} alpaca-7b outputs, ${teacherModelOutputs.length} text-davinci-003 outputs, ${annotations.length} annotations`,
    );
  }
  let teacherFileMatches = 0;
  annotations.forEach((annotation, i) => {
    const own = student[i] as z.infer<typeof AlpacaOutput>;
    const teacher = teacherModelOutputs[i] as z.infer<typeof AlpacaOutput>;
    if (own.instruction !== annotation.instruction || teacher.instruction !== annotation.instruction || own.dataset !== annotation.dataset) {
      throw new Error(`AlpacaEval row ${i}: the instruction differs between the outputs and the annotations`);
    }
    if (own.output !== annotation.output_2) throw new Error(`AlpacaEval row ${i}: alpaca-7b's output is not the output_2 GPT-4 judged`);
    if (teacher.output === annotation.output_1) teacherFileMatches++;
  });
  return {
    student: annotations.map((_, i) => ({ id: alpacaId(i), text: (student[i] as z.infer<typeof AlpacaOutput>).output, source: ALPACA_7B_SOURCE })),
    teacher: annotations.map((a, i) => ({ id: alpacaId(i), text: a.output_1, source: DAVINCI_SOURCE })),
    /** How many of text_davinci_003.model_outputs.json's outputs equal the judged output_1. */
    teacherFileMatches,
  };
}
