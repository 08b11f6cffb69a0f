import path from 'node:path';
import pLimit from 'p-limit';
import type { CandidateOutput } from '../../candidates/output.js';
import { loadConfig, type LoadedConfig } from '../../config/load.js';
import { ExitCode, UserError, errorMessage } from '../../errors.js';
import type { GoldenItem } from '../../goldensets/item.js';
import { VerdictCache } from '../../models/cache.js';
import { compareReport, renderCompareMarkdown, renderCompareTerminal, type CompareReport } from '../../reports/compare-report.js';
import { compareParity, type PairResult } from '../../reports/parity.js';
import type { SuiteRun } from '../../runner/run-suite.js';
import { loadSuiteItems } from '../../runner/setup.js';
import { effectiveGate } from '../../gate/rules.js';
import { openJudges } from '../../scoring/judge-sources.js';
import { judgeCandidatesPairwise } from '../../scoring/judges/pairwise.js';
import { loadRubrics } from '../../scoring/judges/rubrics.js';
import { JudgeError, type VerdictSource } from '../../scoring/judges/types.js';
import { quantile } from '../../stats/describe.js';
import { writeFilesAtomic } from '../../util/atomic-write.js';
import { listFlag, parseCommandArgs, positiveInt, singleFlag } from '../args.js';
import type { CliIO } from '../io.js';
import { withEnvFile } from '../env-file.js';
import { runForReport } from '../run-for-report.js';

/**
 * `evals compare --candidate <student> --teacher <teacher>`: per slice, pairwise win/tie/loss with
 * the suite's judge (both orders when live), quality ratios, exact-check agreement, cost and
 * latency; fails minParity. Writes reports/<suite>/<student>.vs.<teacher>.json (diffable) and .md.
 */
export default async function compare(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs('compare', argv);
  const student = singleFlag('compare', 'candidate', values.candidate);
  const judgeFlag = singleFlag('compare', 'judge', values.judge);
  const { teacher } = values;
  if (!student || !teacher) throw new UserError('evals compare: --candidate <student> and --teacher <teacher> are required');
  const loaded = await loadConfig(values.config, io.cwd);
  io = withEnvFile(io, values['env-file'], loaded.dir);
  for (const id of [student, teacher]) {
    if (!loaded.config.candidates[id]) throw new UserError(`unknown candidate "${id}" (known: ${Object.keys(loaded.config.candidates).join(', ')})`);
  }
  const suites = listFlag(values.suite).length > 0 ? listFlag(values.suite) : (loaded.config.candidates[student]?.suites ?? Object.keys(loaded.config.suites));
  const rubrics = await loadRubrics(loaded.resolve(loaded.config.rubricsDir), loaded.display);
  const concurrency = positiveInt('concurrency', values.concurrency);
  const context = { loaded, io, rubrics, noCache: values['no-cache'] ?? false, quiet: values.quiet ?? false, said: new Set<string>(), options: { concurrency } };
  const reportsDir = loaded.resolve(values['reports-dir'] ?? loaded.config.reportsDir);

  let exitCode: number = ExitCode.ok;
  for (const suite of suites) {
    const gate = loaded.config.suites[suite]?.gate;
    if (!gate) throw new UserError(`unknown suite "${suite}"`);
    const items = await loadSuiteItems(loaded, suite);
    const teacherRun = await runForReport(context, suite, teacher, items);
    if (!teacherRun) return ExitCode.runIncomplete;
    const studentRun = await runForReport(context, suite, student, items);
    if (!studentRun) return ExitCode.runIncomplete;
    const teacherAnswers = answersOf(teacherRun.run);
    const studentAnswers = answersOf(studentRun.run);
    teacherRun.release();
    studentRun.release();

    const judgeId = judgeFlag ?? loaded.config.suites[suite]?.judge;
    const judged = judgeId ? await judgeAll(loaded, io, judgeId, items, studentAnswers, teacherAnswers, concurrency ?? loaded.config.concurrency, values['no-cache'] ?? false) : undefined;
    const rows = compareParity(studentRun.report, teacherRun.report, judged?.pairs ?? new Map(), effectiveGate(gate, studentRun.report));
    const report = compareReport(suite, student, teacher, judged?.judge ?? null, rows, judged?.pairs ?? new Map());
    const costs = costLines(studentRun.run, teacherRun.run);
    const file = path.join(reportsDir, suite, `${student}.vs.${teacher}`);
    writeFilesAtomic([
      [`${file}.md`, renderCompareMarkdown(report, costs)],
      [`${file}.json`, `${JSON.stringify(report, null, 2)}\n`],
    ]);
    io.stdout.write(`\n${renderCompareTerminal(report, costs)}report: ${loaded.display(`${file}.json`)} (.md beside it)\n`);
    if (!report.passed) exitCode = Math.max(exitCode, ExitCode.gateFailed);
  }
  return exitCode;
}

/** Each item's first answer, read back from the run's journal. */
function answersOf(run: SuiteRun): Map<string, CandidateOutput> {
  const answers = new Map<string, CandidateOutput>();
  for (const result of run.answers()) if (result.output && !answers.has(result.itemId)) answers.set(result.itemId, result.output);
  return answers;
}

async function judgeAll(
  loaded: LoadedConfig,
  io: CliIO,
  judgeId: string,
  items: readonly GoldenItem[],
  student: ReadonlyMap<string, CandidateOutput>,
  teacher: ReadonlyMap<string, CandidateOutput>,
  concurrency: number,
  noCache: boolean,
): Promise<{ pairs: Map<string, PairResult>; judge: NonNullable<CompareReport['judge']> } | undefined> {
  const opened = await openJudges(loaded, [judgeId], {
    env: io.env,
    timeoutMs: loaded.config.timeoutSeconds * 1000,
    ...(noCache ? {} : { cache: new VerdictCache(loaded.resolve(loaded.config.cacheDir)) }),
  });
  const source = opened.sources.get(judgeId);
  if (!source) {
    io.stderr.write(`not judged pairwise: ${opened.unavailable.get(judgeId) ?? `judge "${judgeId}" is unavailable`}\n`);
    return undefined;
  }
  const both = items.filter((item) => student.has(item.id) && teacher.has(item.id));
  const bothOrders = !recordsOnlyOneOrder(source, both[0]?.id);
  const limit = pLimit(concurrency);
  const pairs = new Map<string, PairResult>();
  await Promise.all(
    both.map((item) =>
      limit(async () => {
        const a = student.get(item.id) as CandidateOutput;
        const b = teacher.get(item.id) as CandidateOutput;
        try {
          pairs.set(item.id, await judgeCandidatesPairwise({ item, a, b, bothOrders, signal: io.interrupt }, source));
        } catch (err) {
          if (!(err instanceof JudgeError)) throw err;
          pairs.set(item.id, { error: errorMessage(err) });
        }
      }),
    ),
  );
  return { pairs, judge: { id: judgeId, description: source.description, orders: bothOrders ? 2 : 1 } };
}

/** A replay judge holding no swapped-order verdicts can only replay the order it recorded. */
function recordsOnlyOneOrder(source: VerdictSource, firstId: string | undefined): boolean {
  const has = (source as VerdictSource & { has?: (key: string) => boolean }).has;
  return firstId !== undefined && has !== undefined && !has(`${firstId}/pairwise/swapped`);
}

/** Cost per item and latency of each side, and their ratios; recorded outputs often carry neither. */
function costLines(student: SuiteRun, teacher: SuiteRun): string[] {
  const side = (run: SuiteRun) => {
    const results = [...run.results.values()];
    const costs = results.flatMap((r) => (r.costUsd === undefined ? [] : [r.costUsd]));
    const latencies = results.flatMap((r) => (r.latencyMs === undefined ? [] : [r.latencyMs]));
    return {
      cost: costs.length > 0 ? costs.reduce((a, b) => a + b, 0) / costs.length : undefined,
      p50: latencies.length > 0 ? quantile(latencies, 0.5) : undefined,
      p95: latencies.length > 0 ? quantile(latencies, 0.95) : undefined,
    };
  };
  const s = side(student);
  const t = side(teacher);
  const ratio = (x: number | undefined, y: number | undefined, unit: (v: number) => string) =>
    x === undefined || y === undefined ? 'n/a (no figures recorded for both)' : `${unit(x)} vs ${unit(y)} = ${(x / y).toFixed(2)}x`;
  return [
    `cost per item (student vs teacher): ${ratio(s.cost, t.cost, (v) => `$${v.toFixed(5)}`)}`,
    `latency p50: ${ratio(s.p50, t.p50, (v) => `${v.toFixed(0)} ms`)}; p95: ${ratio(s.p95, t.p95, (v) => `${v.toFixed(0)} ms`)}`,
  ];
}
