import type { CandidateOutput } from '../../contracts/candidate-output.js';
import type { ItemResult } from '../../contracts/item-result.js';
import type { RecordedAnswer } from '../diff-context.js';
import type { HtmlAnswer, HtmlCheck, HtmlJudgment } from './model.js';

/** The detail view's answer: text, citations, and the ids of the contexts retrieval handed over. */
export function htmlAnswer(output: Pick<CandidateOutput, 'text' | 'citations'> & { contexts?: ReadonlyArray<{ id: string }> | undefined }): HtmlAnswer {
  return {
    text: output.text,
    ...(output.citations ? { citations: [...output.citations] } : {}),
    ...(output.contexts ? { retrieved: output.contexts.map((c) => c.id) } : {}),
  };
}

/** The detail view's answers, by item id, from a run's recorded answers (diff-context.ts reads them). */
export function htmlAnswers(answers: ReadonlyMap<string, RecordedAnswer>): Map<string, HtmlAnswer> {
  return new Map([...answers].map(([id, answer]) => [id, htmlAnswer(answer)]));
}

/** What the detail view shows of one recorded result: the answer and every verdict with its reasons. */
export function resultDetail(result: ItemResult): { answer?: HtmlAnswer; checks: HtmlCheck[]; judgments: HtmlJudgment[] } {
  return {
    ...(result.output ? { answer: htmlAnswer(result.output) } : {}),
    checks: result.checks.map((c) => ({ name: c.name, pass: c.pass, score: c.score, ...(c.reason === undefined ? {} : { reason: c.reason }) })),
    judgments: result.judgments.map((j) => ({
      metric: j.metric,
      judges: j.judges,
      pass: j.pass,
      score: j.score,
      ...(j.reason === undefined ? {} : { reason: j.reason }),
      ...(j.notes ? { notes: j.notes } : {}),
      ...(j.details ? { details: j.details } : {}),
      ...(j.error === undefined ? {} : { error: j.error }),
    })),
  };
}
