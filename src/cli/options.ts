/**
 * Every command and every flag of the CLI, in one place: parsing (src/cli/args.ts), each
 * command's `--help` and the global help (src/cli/help.ts) and the README's flag tables are all
 * made from these two tables. Adding a flag is one entry in OPTIONS naming the commands that take
 * it; the command then reads it, typed, from `parseCommandArgs`.
 *
 * Kept free of imports so `evals --help` loads nothing else.
 */

export interface CommandSpec {
  /** One line for the global help's command list. */
  summary: string;
  /** The usage line, flags in brackets when optional. */
  usage: string;
  /** Positional arguments the command takes, as shown in help; none when absent. */
  positionals?: string;
  examples: readonly string[];
  /** Paragraphs printed after the flags in the command's help. */
  notes?: readonly string[];
}

export const COMMANDS = {
  run: {
    summary: 'run candidates over their suites, gate, write reports',
    usage: 'evals run [--candidate <id>[,<id>...]] [options]',
    examples: [
      'evals run                            # the only candidate of the config, over its suites',
      'evals run --candidate my-bot --suite support --summary diff.md',
      'evals run --filter "refund-*" --slice long-tail   # rerun a subset; writes .new.*, the baseline stays',
    ],
    notes: [
      "The gate compares the new report with the baseline (the report already at its output path) before writing it: per slice and metric, items paired by id, a drop beyond the tolerance that is significant in the family (each slice's pass first; see the README's gate section) fails, and so does a slice below its floor. Only a complete run of the whole plan whose gate passed (or -u) replaces the baseline; a failing, sampled, filtered or errored run writes the new report beside it as <candidate>.new.json. Under GitHub Actions the diff goes to the step summary and regressed items are annotated.",
      'An interrupted run (Ctrl-C, crash, kill) resumes when the same command is run again: finished items are read from the journal in .evals-runs/ and not called again.',
      'Outputs: reports/<suite>/<candidate>.json (diffable), .md, .run.json (timings, tokens, cost), .outputs.jsonl (every answer, replayable with the replay adapter).',
    ],
  },
  diff: {
    summary: "compare two reports and apply the suite's gate",
    usage: 'evals diff <base.json> <head.json> [options]',
    positionals: '<base.json> <head.json>',
    examples: [
      'evals diff reports/support/my-bot.json reports/support/my-bot.new.json',
      'evals diff base.json head.json --summary diff.md --junit gate.xml',
      'evals diff base.json head.json --html diff.html',
    ],
  },
  merge: {
    summary: 'merge the shards of `run --shard` into the report',
    usage: 'evals merge [folder] [options]',
    positionals: '[folder]',
    examples: ['evals merge', 'evals merge shards/ --summary diff.md'],
    notes: ['[folder] is the shards folder (default: config shardsDir, else .evals-shards/).'],
  },
  forgetting: {
    summary: 'a fine-tune against its base: retention per capability',
    usage: 'evals forgetting --candidate <id> [options]',
    examples: ['evals forgetting --candidate tuned', 'evals forgetting --candidate tuned --suite general'],
    notes: [
      'Fails (exit 1) a capability kept below gate.minRetention (default 0.90) of the base when the drop is significant; writes reports/<suite>/<candidate>.forgetting.json and .md.',
    ],
  },
  compare: {
    summary: 'candidates side by side per slice, or a distilled student against its teacher',
    usage: 'evals compare <id> <id>... | --candidate <id> --teacher <id> [options]',
    positionals: '<id> <id> [<id>...]',
    examples: [
      'evals compare prompt-only rag-v1 rag-v2',
      'evals compare prompt-only rag-v2 --suite support',
      'evals compare --candidate student --teacher teacher',
      'evals compare --candidate student --teacher teacher --judge pairwise-judge',
    ],
    notes: [
      "With candidate ids: the decision view of each suite they all run (or --suite) — per slice x candidate, the pass rate with its 95% interval and which differences are significant (paired by item, two-sided, Holm over every slice x pair), cost per 1k queries, latency p50/p95 and error rate; for candidates that return contexts, recall@k of the gold sources and the pass rate on retrieval hits vs misses. Writes reports/<suite>/<a>.vs.<b>...decision.json and .md; gates nothing (exit 0). `evals run --candidate a,b,c` prints the same view after the candidates' own reports and gates.",
      'With --candidate and --teacher: fails (exit 1) a slice where the student reaches less than gate.minParity (default 0.95) of the teacher, significantly; writes reports/<suite>/<student>.vs.<teacher>.json and .md.',
    ],
  },
  calibrate: {
    summary: "measure judges' agreement with human labels; compare judges and rubric versions",
    usage: 'evals calibrate --judge <id>[,<id>...] --labels <file> [options]',
    examples: [
      'evals calibrate --judge grader --labels labels.jsonl --rubric helpfulness',
      'evals calibrate --verdicts gpt4=calibration/llmbar/natural.gpt4-vanilla.verdicts.jsonl --labels calibration/llmbar/natural.labels.jsonl',
      'evals calibrate --judge claude,gpt,local --labels pairs.jsonl --min-agreement 0.85',
      'evals calibrate --judge grader --rubric rubrics/helpful.md,helpful.v2.md --labels labels.jsonl',
    ],
    notes: [
      "One judge gets the full report (agreement per order, kappa, confusion matrices). Several judges, or one judge under several --rubric versions, get one table: agreement with its 95% Wilson interval, Cohen's kappa, position consistency, flips over --epochs, judge errors, cost and time per 1,000 verdicts; then every two judges compared on the same labels (exact McNemar, Holm-adjusted).",
      "Each judge's agreement is recorded in reports/calibration/<judge>.json, where runs read it to hold a judge to its minAgreement. Exit 1 when --min-agreement is given and no judge reaches it.",
    ],
  },
  labels: {
    summary: "convert human labels (and LLMBar's recorded verdicts) for evals calibrate",
    usage: 'evals labels import <llmbar|csv> <path> [options]',
    positionals: 'import <llmbar|csv> <path>',
    examples: [
      'evals labels import csv labels.csv --out labels.jsonl',
      'evals labels import llmbar ../LLMBar/Dataset/LLMBar/Adversarial/Neighbor --out neighbor.labels.jsonl --out-verdicts neighbor.gpt4.verdicts.jsonl',
    ],
    notes: [
      'csv: columns input, output_a, output_b, preferred (a or b) for pairwise labels, or input, output, score for absolute ones; optional id (and reference). llmbar: an LLMBar set folder (dataset.json, evaluators/). Everything is checked before anything is written.',
    ],
  },
  coverage: {
    summary: 'per slice: items now and items needed to catch a 5, 10 or 20-point drop',
    usage: 'evals coverage [report.json ...] [options]',
    positionals: '[report.json ...]',
    examples: [
      'evals coverage --candidate rag-v2',
      'evals coverage reports/support/rag-v2.json --json',
      'evals coverage reports/support/rag-v2.json --rerun reports/support/rag-v2.new.json',
    ],
    notes: [
      "Reads the baseline reports (the ones given, else reports/<suite>/<candidate>.json for the config's candidates) and prints, per slice, its items, pass rate and discordance (the share of items whose pass/fail differs between two runs), the level the gate's family gives its pass row, the drop it can catch now at 80% power (exact McNemar), and the items it would need for 5, 10 and 20-point drops. Nothing is run or written. Exit 2 when a report is missing.",
    ],
  },
  view: {
    summary: 'serve the reports folder on localhost: suites x candidates, their HTML reports',
    usage: 'evals view [reports-dir] [options]',
    positionals: '[reports-dir]',
    examples: ['evals view', 'evals view reports --port 8080 --open'],
    notes: [
      '[reports-dir] defaults to reports/. The server listens on 127.0.0.1 only and serves files inside that folder and nothing else; a report whose .html is missing (a fresh clone: the pages are not committed) is drawn from its .json and .outputs.jsonl. Ctrl-C stops it.',
    ],
  },
  history: {
    summary: "a committed report's gated slices x metrics over its last commits, with sparklines",
    usage: 'evals history --candidate <id> [--last <n>] [options]',
    examples: ['evals history --candidate rag-v2', 'evals history --candidate rag-v2 --suite support --last 5 --json'],
    notes: [
      "git is the results store: the report reports/<suite>/<candidate>.json is read as each of the last n commits that changed it left it (oldest first), and every slice x metric the suite's gate judges is printed with the commit, its date, a sparkline (scaled from the lowest to the highest value shown) and every value. A commit whose golden set or scoring changed is marked. Exit 2 outside a git repository or when the report was never committed.",
    ],
  },
  validate: {
    summary: 'check config, golden sets and rubrics; run nothing',
    usage: 'evals validate [options]',
    examples: ['evals validate', 'evals validate --config ci/evals.config.ts'],
  },
  init: {
    summary: 'write a starter project that runs at once, offline; asks nothing',
    usage: 'evals init [folder]',
    positionals: '[folder]',
    examples: ['evals init', 'evals init evals   # into ./evals'],
    notes: [
      '[folder] is where the project goes (default: this folder). A file that exists is never overwritten: it is skipped and listed. .gitignore (created when absent) gains the lines it lacks for node_modules, caches, journals and per-run files.',
    ],
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The value's placeholder in help: `--suite <name>`. */
  value?: string;
  short?: string;
  /** Repeatable; each use may also hold a comma-separated list. */
  multiple?: boolean;
  description: string;
  /** Shown as "(default: ...)" in help. */
  default?: string;
  commands: readonly CommandName[];
  /** A command where the flag means something more specific than `description`. */
  describedFor?: Partial<Record<CommandName, string>>;
}

export const OPTIONS = {
  candidate: {
    type: 'string',
    value: '<id>',
    multiple: true,
    description: 'candidate(s) from the config; repeat or comma-separate',
    default: 'the one candidate the run can mean: the only one in the config, or the only one that runs the --suite',
    commands: ['run', 'forgetting', 'compare', 'coverage', 'history'],
    describedFor: {
      history: 'whose committed report to follow (required)',
      forgetting: 'a candidate that names its base in the config (required)',
      compare: 'the student (with --teacher)',
      coverage: 'whose baseline reports to read; repeat or comma-separate (default: every candidate that has one)',
    },
  },
  teacher: { type: 'string', value: '<id>', description: 'the teacher (its answers are cached, so it is paid once) (with --candidate)', commands: ['compare'] },
  judge: {
    type: 'string',
    value: '<id>',
    multiple: true,
    description: 'judge(s) from the config (live models, or replay of recorded verdicts); repeat or comma-separate to compare them (required, or --verdicts)',
    commands: ['compare', 'calibrate'],
    describedFor: { compare: "pairwise judge (default: the suite's judge); both orders when live" },
  },
  verdicts: {
    type: 'string',
    value: '[<id>=]<file>',
    multiple: true,
    description: 'recorded verdicts (JSONL) as a judge, with no config needed; repeat or comma-separate',
    commands: ['calibrate'],
  },
  labels: {
    type: 'string',
    value: '<file>',
    description: 'JSONL of human labels: absolute {id, input, answer, label} or pairwise {id, input, output_1, output_2, label: 1|2} (required)',
    commands: ['calibrate'],
  },
  rubric: {
    type: 'string',
    value: '<id|file.md>',
    multiple: true,
    description: 'rubric to judge by (required for absolute labels): an id in the rubrics folder or a file; two or more (v1.md,v2.md) are compared like judges',
    commands: ['calibrate'],
  },
  'min-agreement': {
    type: 'string',
    value: '<share>',
    description: 'the agreement a judge must reach (0.85 = 85%): marks who qualifies and names the cheapest that does; exit 1 when none does',
    commands: ['calibrate'],
  },
  epochs: {
    type: 'string',
    value: '<n>',
    description: 'judge every label n times (live judges), to measure how often a judge changes its mind',
    default: '1',
    commands: ['calibrate'],
  },
  out: { type: 'string', value: '<file>', description: 'where the labels go', default: 'standard output', commands: ['labels'] },
  'out-verdicts': {
    type: 'string',
    value: '<file>',
    description: "llmbar: also write the evaluator's recorded verdicts, for calibrate --verdicts",
    commands: ['labels'],
  },
  evaluator: { type: 'string', value: '<name>', description: 'llmbar: whose recorded verdicts', default: 'GPT-4/Vanilla', commands: ['labels'] },
  prefix: { type: 'string', value: '<p>', description: 'llmbar: label ids <p>-001, ...', default: "the set folder's name, lower-cased", commands: ['labels'] },
  suite: {
    type: 'string',
    value: '<name>',
    multiple: true,
    description: 'suite(s) to run; repeat or comma-separate',
    default: "the candidate's suites, else all",
    commands: ['run', 'forgetting', 'compare', 'coverage', 'history'],
    describedFor: {
      coverage: "suite(s) whose reports to read; repeat or comma-separate (default: the candidate's suites, else all)",
      history: "suite(s) whose committed report to follow; repeat or comma-separate (default: the candidate's suites, else all)",
    },
  },
  config: {
    type: 'string',
    value: '<path>',
    description: 'config file',
    default: 'evals.config.ts, .mts, .js, .mjs, .yaml, .yml or .json in this folder',
    commands: ['run', 'diff', 'merge', 'forgetting', 'compare', 'calibrate', 'coverage', 'history', 'validate'],
    describedFor: {
      diff: 'config whose suite gate rules apply (default rules without one)',
      coverage: 'config whose candidates, reports folder and gate rules apply (default rules without one when reports are given)',
    },
  },
  filter: {
    type: 'string',
    value: '<id-glob>',
    multiple: true,
    description: 'rerun only the items whose id matches (`*` and `?` wildcards); repeat for more. The report goes beside the baseline as .new.*, never over it',
    commands: ['run'],
  },
  slice: {
    type: 'string',
    value: '<name>',
    multiple: true,
    description: 'rerun only the items of this slice; repeat for more. Like --filter, never touches the baseline',
    commands: ['run'],
  },
  'env-file': {
    type: 'string',
    value: '<path>',
    description: 'read API keys from this dotenv file; variables already set win, values are never printed',
    default: '.env beside the config, when there is one',
    commands: ['run', 'forgetting', 'compare'],
  },
  sample: { type: 'string', value: '<n>', description: 'run a stratified sample of n items per suite; every slice keeps items', commands: ['run'] },
  seed: { type: 'string', value: '<n>', description: 'seed for --sample', default: '1', commands: ['run'] },
  concurrency: {
    type: 'string',
    value: '<n>',
    description: 'calls in flight at once',
    default: 'config, else 8',
    commands: ['run', 'forgetting', 'compare', 'calibrate'],
  },
  timeout: { type: 'string', value: '<seconds>', description: 'per-call timeout', default: 'config, else 60', commands: ['run'] },
  fresh: { type: 'boolean', description: 'ignore the journal of an interrupted earlier run and start over', commands: ['run'] },
  'no-cache': {
    type: 'boolean',
    description: 'call models and judges even for answers and verdicts cached in .evals-cache/',
    commands: ['run', 'forgetting', 'compare', 'calibrate'],
  },
  batch: {
    type: 'boolean',
    description:
      'send model-candidate and judge calls through the Anthropic Message Batches and OpenAI Batch APIs (half price, up to 24 h); a resumed run collects the batches already in flight instead of paying again',
    commands: ['run', 'compare', 'calibrate'],
    describedFor: {
      calibrate:
        "send live judges' calls through the Anthropic Message Batches and OpenAI Batch APIs (half price, up to 24 h); an interrupted calibration collects the batches already in flight instead of paying again",
    },
  },
  'reports-dir': {
    type: 'string',
    value: '<dir>',
    description: 'where reports go',
    default: 'config reportsDir, else reports/',
    commands: ['run', 'merge', 'forgetting', 'compare', 'calibrate', 'coverage', 'history'],
    describedFor: { calibrate: 'where the measured agreement is recorded (calibration/<judge>.json)' },
  },
  shard: {
    type: 'string',
    value: '<i>/<n>|auto',
    description:
      'run only shard i of n (items split by a hash of their id); the partial result goes to the shards folder for `evals merge`, no report is written; `auto` reads i and n from the CI runner (see Big runs in the README)',
    commands: ['run'],
  },
  'shards-dir': { type: 'string', value: '<dir>', description: 'where shard results go', default: 'config shardsDir, else .evals-shards/', commands: ['run'] },
  update: { type: 'boolean', short: 'u', description: 'accept the new scores as the baseline even if the gate fails', commands: ['run', 'merge'] },
  'allow-unscored': {
    type: 'boolean',
    description: 'gate without metrics the baseline gates but this run cannot score (a judge without its key); the baseline is kept unless -u is given too',
    commands: ['run', 'merge'],
  },
  baseline: { type: 'string', value: '<file>', description: 'compare against this report instead of the one at the output path', commands: ['run'] },
  'baseline-ref': {
    type: 'string',
    value: '<ref>',
    description:
      "compare against the report as committed at a git ref (a pull request's base); a committed report lower than that one fails (see The gate in the README)",
    commands: ['run', 'merge'],
  },
  'allow-baseline-change': {
    type: 'boolean',
    description: "with --baseline-ref: accept a committed report lower than the ref's, and gate against the committed one",
    commands: ['run', 'merge'],
  },
  'drift-ref': {
    type: 'string',
    value: '<ref>',
    description:
      "the drift budget's anchor: also compare with the report as committed at this git ref (a release tag), so drops accepted one small step at a time add up and fail (see The gate in the README)",
    default: 'config gate.drift.ref, else the newest tag reachable from HEAD',
    commands: ['run', 'merge'],
  },
  summary: {
    type: 'string',
    value: '<file>',
    description: 'write the Markdown diff (per slice, with the most regressed items)',
    commands: ['run', 'diff', 'merge'],
  },
  junit: { type: 'string', value: '<file>', description: 'write JUnit XML: one test case per slice x metric', commands: ['run', 'diff', 'merge'] },
  html: {
    type: 'string',
    value: '<file>',
    description:
      'write the self-contained HTML report of the comparison: slice bars, the gate per slice x metric, every item with both answers (from the .outputs.jsonl beside each report)',
    commands: ['diff'],
  },
  port: { type: 'string', value: '<n>', description: 'port on 127.0.0.1 to serve on', default: 'a free port, printed', commands: ['view'] },
  open: { type: 'boolean', description: 'open the index in the default browser (never when CI is set)', commands: ['view'] },
  quiet: { type: 'boolean', description: 'no progress output', commands: ['run', 'forgetting', 'compare'] },
  rerun: {
    type: 'string',
    value: '<file>',
    description:
      "a second run's report of the same candidate and items: the discordance is measured between the two (default: from the report's epochs, else assumed as for independent runs)",
    commands: ['coverage'],
  },
  json: {
    type: 'boolean',
    description: 'print JSON (schema evals.coverage/1) instead of the table',
    commands: ['coverage', 'history'],
    describedFor: { history: 'print JSON (schema evals.history/1, src/history/history.ts) instead of the table' },
  },
  last: { type: 'string', value: '<n>', description: 'how many of the commits that changed the report to show', default: '10', commands: ['history'] },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

type Options = typeof OPTIONS;
/** The flags a command takes, as a union of names. */
export type FlagOf<C extends CommandName> = { [K in OptionName]: C extends Options[K]['commands'][number] ? K : never }[OptionName];
type ValueOf<O> = O extends { type: 'boolean' } ? boolean : O extends { multiple: true } ? string[] : string;
/** What `parseCommandArgs(command, ...)` returns for a command's flags. */
export type CommandValues<C extends CommandName> = { [K in FlagOf<C>]?: ValueOf<Options[K]> };

/** The flags of a command, in table order. */
export function optionsOf(command: CommandName): Array<[OptionName, OptionSpec]> {
  return (Object.entries(OPTIONS) as Array<[OptionName, OptionSpec]>).filter(([, spec]) => spec.commands.includes(command));
}

/** `-u, --update` / `--suite <name>`: how a flag is written in help and the README. */
export function flagLabel(name: string, spec: OptionSpec): string {
  const long = `--${name}${spec.value ? ` ${spec.value}` : ''}`;
  return spec.short ? `-${spec.short}, ${long}` : long;
}

/** The flag's description for a command, with its default. */
export function flagDescription(command: CommandName, spec: OptionSpec): string {
  const text = spec.describedFor?.[command] ?? spec.description;
  return spec.default && !spec.describedFor?.[command] ? `${text} (default: ${spec.default})` : text;
}
