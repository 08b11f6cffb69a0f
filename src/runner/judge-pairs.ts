import type { CandidateOutput } from '../contracts/candidate-output.js';
import type { LoadedConfig } from '../config/load.js';
import { errorMessage } from '../errors.js';
import type { GoldenItem } from '../goldensets/item.js';
import type { VerdictCache } from '../models/cache.js';
import { openJudges } from '../scoring/judge-sources.js';
import { judgeCandidatesPairwise } from '../scoring/judges/pairwise.js';
import { PairResultSchema, type PairResult } from '../scoring/judges/types.js';
import { JudgeError, type VerdictSource } from '../contracts/verdict-source.js';
import { hashOf } from '../util/canonical.js';
import { CandidateError } from '../candidates/adapter.js';
import { openJudgmentRun } from './judgment-run.js';

export interface JudgePairsOptions {
  loaded: LoadedConfig;
  suite: string;
  student: string;
  teacher: string;
  judgeId: string;
  items: readonly GoldenItem[];
  studentAnswers: ReadonlyMap<string, CandidateOutput>;
  teacherAnswers: ReadonlyMap<string, CandidateOutput>;
  concurrency: number;
  batch: boolean;
  cache?: VerdictCache;
  env: NodeJS.ProcessEnv;
  interrupt: AbortSignal;
  progress(line: string): void;
}

export type JudgedPairs =
  | { status: 'judged'; pairs: Map<string, PairResult>; judge: { id: string; description: string; orders: 1 | 2 } }
  | { status: 'unavailable'; reason: string }
  | { status: 'interrupted'; journalFile: string | undefined };

/**
 * `evals compare`'s pairwise judgments, one task per item both candidates answered, run like a
 * run's calls (src/runner/judgment-run.ts): paced, with deadlines, journaled when the judge is
 * paid for (an interrupted compare resumes without paying again) and `--batch`-able.
 */
export async function judgePairs(options: JudgePairsOptions): Promise<JudgedPairs> {
  const { loaded, judgeId, studentAnswers: student, teacherAnswers: teacher } = options;
  const judgeConfig = loaded.config.judges[judgeId];
  const live = judgeConfig?.provider !== 'replay';
  const judgments = openJudgmentRun({
    loaded,
    name: ['compare', options.suite, `${options.student}.vs.${options.teacher}.${judgeId}`],
    schema: PairResultSchema,
    concurrency: options.concurrency,
    live,
    batch: options.batch,
    interrupt: options.interrupt,
    progress: options.progress,
  });
  try {
    const opened = await openJudges(loaded, [judgeId], {
      env: options.env,
      timeoutMs: loaded.config.timeoutSeconds * 1000,
      ...(options.cache ? { cache: options.cache } : {}),
      ...judgments.judgeOptions(),
    });
    const source = opened.sources.get(judgeId);
    if (!source) return { status: 'unavailable', reason: opened.unavailable.get(judgeId) ?? `judge "${judgeId}" is unavailable` };
    const both = options.items.filter((item) => student.has(item.id) && teacher.has(item.id));
    const bothOrders = !recordsOnlyOneOrder(source, both[0]?.id);
    const tasks = both.map((item) => {
      const a = student.get(item.id) as CandidateOutput;
      const b = teacher.get(item.id) as CandidateOutput;
      return {
        item,
        // The same key means the same judgment: the pair's texts, the orders and the judge as configured.
        key: `${item.id}#${hashOf([a.text, b.text, bothOrders, judgeConfig])}`,
        run: (signal: AbortSignal): Promise<PairResult> => judgeCandidatesPairwise({ item, a, b, bothOrders, signal }, source),
      };
    });
    const done = await judgments.run(
      tasks,
      (_task, err) => (err instanceof JudgeError || (err instanceof CandidateError && err.kind === 'timeout') ? { error: errorMessage(err) } : undefined),
      (result) => !('error' in result),
    );
    if (done.interrupted) return { status: 'interrupted', journalFile: judgments.journalFile };
    const pairs = new Map<string, PairResult>();
    for (const task of tasks) {
      const result = done.results.get(task.key);
      if (result) pairs.set(task.item.id, result);
    }
    judgments.finish();
    return { status: 'judged', pairs, judge: { id: judgeId, description: source.description, orders: bothOrders ? 2 : 1 } };
  } finally {
    judgments.release();
  }
}

/** A replay judge holding no swapped-order verdicts can only replay the order it recorded. */
function recordsOnlyOneOrder(source: VerdictSource, firstId: string | undefined): boolean {
  const has = (source as VerdictSource & { has?: (key: string) => boolean }).has;
  return firstId !== undefined && has !== undefined && !has(`${firstId}/pairwise/swapped`);
}
