/** Kept free of imports so `evals --help` loads nothing else. */
export const HELP = `evals — evaluate LLM systems on golden sets and gate CI on regressions

Usage:
  evals run --candidate <id>[,<id>...] [options]   run candidates over their suites, write reports
  evals diff <base.json> <head.json>               compare two reports and apply the suite's gate
  evals merge [folder]                             merge the shards of \`run --shard\` into the report
  evals forgetting --candidate <id>                a fine-tune against its base: retention per capability
  evals compare --candidate <id> --teacher <id>    a distilled student against its teacher, per slice
  evals calibrate --judge <id> --labels <file>     measure a judge's agreement with human labels
  evals validate [--config <path>]                 check config, golden sets and rubrics; run nothing
  evals --help | --version

evals run options:
  --candidate <id>     candidate(s) from the config; repeat or comma-separate   (required)
  --suite <name>       suite(s) to run (default: the candidate's suites, else all)
  --config <path>      config file (default: evals.config.ts in this folder)
  --sample <n>         run a stratified sample of n items per suite; every slice keeps items
  --seed <n>           seed for --sample (default 1)
  --concurrency <n>    calls in flight at once (default: config, else 8)
  --timeout <seconds>  per-call timeout (default: config, else 60)
  --fresh              ignore the journal of an interrupted earlier run and start over
  --no-cache           call judges even for verdicts cached in .evals-cache/
  --batch              send model-candidate and judge calls through the Anthropic Message Batches
                       and OpenAI Batch APIs (half price, up to 24 h); a resumed run collects the
                       batches already in flight instead of paying again
  --reports-dir <dir>  where reports go (default: config reportsDir, else reports/)
  --shard <i>/<n>      run only shard i of n (items split by a hash of their id); the partial
                       result goes to the shards folder for \`evals merge\`, no report is written
  --shards-dir <dir>   where shard results go (default: config shardsDir, else .evals-shards/)
  -u, --update         accept the new scores as the baseline even if the gate fails
  --baseline <file>    compare against this report instead of the one at the output path
  --baseline-ref <ref> compare against the report as it is at a git ref (a pull request's base);
                       a committed report lower than that one fails the gate
  --allow-baseline-change  accept a committed report lower than the one at --baseline-ref
  --summary <file>     write the Markdown diff (per slice, with the most regressed items)
  --junit <file>       write JUnit XML: one test case per slice x metric
  --quiet              no progress output

The gate compares the new report with the baseline (the report already at its output path)
before writing it: per slice and metric, items paired by id, a drop beyond the tolerance that
is significant after Holm's correction fails, and so does a slice below its floor. A failing
run keeps the baseline and writes the new report beside it as <candidate>.new.json.
Under GitHub Actions the diff goes to the step summary and regressed items are annotated.

An interrupted run (Ctrl-C, crash, kill) resumes when the same command is run again:
finished items are read from the journal in .evals-runs/ and not called again.

evals merge options:
  [folder]             shards folder (default: config shardsDir, else .evals-shards/)
  --config, --reports-dir, -u, --summary, --junit   as for run

evals diff options:
  --config <path>      config whose suite gate rules apply (default rules without one)
  --summary <file>, --junit <file>                   as for run

evals forgetting options:
  --candidate <id>     a candidate that names its base in the config                (required)
  --suite <name>       suite(s) (default: the candidate's suites); both run on the same items
  --config, --concurrency, --reports-dir, --no-cache, --quiet   as for run
  Fails (exit 1) a capability kept below gate.minRetention (default 0.90) of the base when the
  drop is significant; writes reports/<suite>/<candidate>.forgetting.json and .md.

evals compare options:
  --candidate <id>     the student                                                  (required)
  --teacher <id>       the teacher (its answers are cached, so it is paid once)      (required)
  --judge <id>         pairwise judge (default: the suite's judge); both orders when live
  --suite, --config, --concurrency, --reports-dir, --no-cache, --quiet   as for run
  Fails (exit 1) a slice where the student reaches less than gate.minParity (default 0.95) of
  the teacher, significantly; writes reports/<suite>/<student>.vs.<teacher>.json and .md.

evals calibrate options:
  --judge <id>         judge from the config (a live model, or replay of recorded verdicts)
  --labels <file>      JSONL of human labels: absolute {id, input, answer, label} or
                       pairwise {id, input, output_1, output_2, label: 1|2}
  --rubric <id>        rubric to judge absolute labels by (required for them)
  --concurrency <n>    judge calls in flight; --config <path> as for run
  --reports-dir <dir>  where the measured agreement is recorded (calibration/<judge>.json)

Outputs: reports/<suite>/<candidate>.json (diffable), .md, .run.json (timings, tokens, cost),
.outputs.jsonl (every answer, replayable with the replay adapter).

Exit codes: 0 passed · 1 a gate failed · 2 bad usage, config or input · 3 run incomplete
(errors over the suite's maxErrors budget, or interrupted).
`;
