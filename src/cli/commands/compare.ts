import path from 'node:path';
import type { CandidateOutput } from '../../contracts/candidate-output.js';
import { loadConfig } from '../../config/load.js';
import { ExitCode, UserError } from '../../errors.js';
import { VerdictCache } from '../../models/cache.js';
import { compareReport, renderCompareMarkdown, renderCompareTerminal } from '../../reports/compare-report.js';
import { compareParity } from '../../reports/parity.js';
import { judgePairs } from '../../runner/judge-pairs.js';
import type { SuiteRun } from '../../runner/run-suite.js';
import { loadSuiteItems } from '../../runner/setup.js';
import { effectiveGate } from '../../gate/rules.js';
import { loadRubrics } from '../../scoring/judges/rubrics.js';
import { quantile } from '../../stats/describe.js';
import { writeFilesAtomic } from '../../util/atomic-write.js';
import { listFlag, parseCommandArgs, positiveInt, singleFlag } from '../args.js';
import type { CliIO } from '../io.js';
import { withEnvFile } from '../env-file.js';
import { runContext, runForReport } from '../run-for-report.js';
import type { CommandValues } from '../options.js';
import { decisionRun } from '../../decision/collect.js';
import type { DecisionRun } from '../../decision/collect.js';
import { publishDecision } from '../decision-view.js';

/**
 * `evals compare --candidate <student> --teacher <teacher>`: per slice, pairwise win/tie/loss with
 * the suite's judge (both orders when live), quality ratios, exact-check agreement, cost and
 * latency; fails minParity. Writes reports/<suite>/<student>.vs.<teacher>.json (diffable) and .md.
 */
export default async function compare(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('compare', argv);
  if (positionals.length > 0) return decide(positionals, values, io);
  const student = singleFlag('compare', 'candidate', values.candidate);
  const judgeFlag = singleFlag('compare', 'judge', values.judge);
  const { teacher } = values;
  if (!student || !teacher)
    throw new UserError(
      'evals compare: name two or more candidates to compare them side by side (evals compare a b c), or give --candidate <student> and --teacher <teacher>',
    );
  const loaded = await loadConfig(values.config, io.cwd);
  io = withEnvFile(io, values['env-file'], loaded.dir);
  for (const id of [student, teacher]) {
    if (!loaded.config.candidates[id]) throw new UserError(`unknown candidate "${id}" (known: ${Object.keys(loaded.config.candidates).join(', ')})`);
  }
  const suites = listFlag(values.suite).length > 0 ? listFlag(values.suite) : (loaded.config.candidates[student]?.suites ?? Object.keys(loaded.config.suites));
  const rubrics = await loadRubrics(loaded.resolve(loaded.config.rubricsDir), loaded.display);
  const concurrency = positiveInt('concurrency', values.concurrency);
  const batch = values.batch ?? false;
  const context = runContext(loaded, io, rubrics, values, { concurrency, batch });
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
    const judged = judgeId
      ? await judgePairs({
          loaded,
          suite,
          student,
          teacher,
          judgeId,
          items,
          studentAnswers,
          teacherAnswers,
          concurrency: concurrency ?? loaded.config.concurrency,
          batch,
          ...(context.noCache ? {} : { cache: new VerdictCache(loaded.resolve(loaded.config.cacheDir)) }),
          env: io.env,
          interrupt: io.interrupt,
          progress: (line) => (context.quiet ? undefined : (io.progress ?? io.stderr).write(`${suite} ${line}\n`)),
        })
      : undefined;
    if (judged?.status === 'interrupted') {
      const kept = judged.journalFile
        ? `; the pairs judged so far are saved in ${loaded.display(judged.journalFile)}: run the same command again to finish the rest`
        : '';
      io.stderr.write(`Interrupted while judging ${suite} pairwise: no report was written${kept}.\n`);
      return ExitCode.runIncomplete;
    }
    if (judged?.status === 'unavailable') io.stderr.write(`not judged pairwise: ${judged.reason}\n`);
    const judgedPairs = judged?.status === 'judged' ? judged : undefined;
    const rows = compareParity(studentRun.report, teacherRun.report, judgedPairs?.pairs ?? new Map(), effectiveGate(gate, studentRun.report));
    const report = compareReport(suite, student, teacher, judgedPairs?.judge ?? null, rows, judgedPairs?.pairs ?? new Map());
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

/**
 * `evals compare a b c`: the decision view of the candidates side by side on each suite they all
 * run (or --suite). Runs (or resumes, or reads from the cache) each one; writes no candidate
 * report and gates nothing, so it exits 0 once the view is out.
 */
async function decide(ids: string[], values: CommandValues<'compare'>, io: CliIO): Promise<number> {
  if (values.teacher || values.candidate || values.judge) {
    throw new UserError('evals compare <a> <b> [...] compares candidates side by side; --candidate, --teacher and --judge belong to the student/teacher form');
  }
  const candidates = listFlag(ids);
  if (candidates.length < 2) throw new UserError(`evals compare: name at least two candidates to compare, got ${candidates.join(', ') || 'none'}`);
  const repeated = candidates.find((id, i) => candidates.indexOf(id) !== i);
  if (repeated) throw new UserError(`evals compare: candidate "${repeated}" is named twice`);
  const loaded = await loadConfig(values.config, io.cwd);
  io = withEnvFile(io, values['env-file'], loaded.dir);
  for (const id of candidates) {
    if (!loaded.config.candidates[id]) throw new UserError(`unknown candidate "${id}" (known: ${Object.keys(loaded.config.candidates).join(', ')})`);
  }
  const runsSuite = (id: string, suite: string) => loaded.config.candidates[id]?.suites?.includes(suite) ?? true;
  const named = listFlag(values.suite);
  for (const suite of named)
    if (!loaded.config.suites[suite]) throw new UserError(`unknown suite "${suite}" (known: ${Object.keys(loaded.config.suites).join(', ')})`);
  const suites = named.length > 0 ? named : Object.keys(loaded.config.suites).filter((suite) => candidates.every((id) => runsSuite(id, suite)));
  if (suites.length === 0) throw new UserError(`evals compare: no suite is run by all of ${candidates.join(', ')}; pick one with --suite`);
  const rubrics = await loadRubrics(loaded.resolve(loaded.config.rubricsDir), loaded.display);
  const concurrency = positiveInt('concurrency', values.concurrency);
  const context = runContext(loaded, io, rubrics, values, { concurrency });
  const reportsDir = loaded.resolve(values['reports-dir'] ?? loaded.config.reportsDir);
  for (const suite of suites) {
    const items = await loadSuiteItems(loaded, suite);
    const runs: DecisionRun[] = [];
    for (const id of candidates) {
      const finished = await runForReport(context, suite, id, items);
      if (!finished) return ExitCode.runIncomplete;
      // Read before release(), which removes the journal the answers' contexts are read from.
      runs.push(decisionRun(finished.run, finished.report));
      finished.release();
    }
    publishDecision({ loaded, io, reportsDir, suite, runs, items });
  }
  return ExitCode.ok;
}

/** Each item's first answer, read back from the run's journal. */
function answersOf(run: SuiteRun): Map<string, CandidateOutput> {
  const answers = new Map<string, CandidateOutput>();
  for (const result of run.answers()) if (result.output && !answers.has(result.itemId)) answers.set(result.itemId, result.output);
  return answers;
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
