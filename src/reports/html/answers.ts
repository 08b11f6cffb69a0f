import type { CandidateOutput } from '../../contracts/candidate-output.js';
import type { ItemResult } from '../../contracts/item-result.js';
import type { RecordedAnswers } from '../diff-context.js';
import type { HtmlAnswer, HtmlCheck, HtmlJudgment } from './model.js';

/** An item's answer by id: a map, or a walk along a file in id order (htmlAnswersInIdOrder). */
export type AnswerLookup = Pick<ReadonlyMap<string, HtmlAnswer>, 'get'>;

/** The detail view's answer: text, citations, and the ids of the contexts retrieval handed over. */
export function htmlAnswer(output: Pick<CandidateOutput, 'text' | 'citations'> & { contexts?: ReadonlyArray<{ id: string }> | undefined }): HtmlAnswer {
  // Absent parts are undefined keys, which the page's JSON leaves out (see build.ts).
  return {
    text: output.text,
    citations: output.citations && [...output.citations],
    retrieved: output.contexts?.map((c) => c.id),
  };
}

/** The detail view's answers from a run's recorded answers, for item ids asked in ascending order as the page's items are built: one answer in memory at a time. */
export function htmlAnswersInIdOrder(answers: RecordedAnswers): AnswerLookup {
  const recorded = answers.inIdOrder();
  return {
    get(id) {
      const answer = recorded.get(id);
      return answer && htmlAnswer(answer);
    },
  };
}

/** What the detail view shows of one recorded result: the answer and every verdict with its reasons. */
export function resultDetail(result: ItemResult): { answer?: HtmlAnswer; checks: HtmlCheck[]; judgments: HtmlJudgment[] } {
  // Absent parts are undefined keys, which the page's JSON leaves out (see build.ts).
  return {
    answer: result.output && htmlAnswer(result.output),
    checks: result.checks.map((c) => ({ name: c.name, pass: c.pass, score: c.score, reason: c.reason })),
    judgments: result.judgments.map((j) => ({
      metric: j.metric,
      judges: j.judges,
      pass: j.pass,
      score: j.score,
      reason: j.reason,
      notes: j.notes,
      details: j.details,
      error: j.error,
    })),
  };
}
