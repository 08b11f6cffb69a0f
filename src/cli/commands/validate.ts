import { deprecatedModelWarnings } from '../../config/deprecated-models.js';
import { loadConfig } from '../../config/load.js';
import { ExitCode } from '../../errors.js';
import { loadSuiteItems } from '../../runner/setup.js';
import { NO_SLICE } from '../../goldensets/sample.js';
import { loadRubrics } from '../../scoring/judges/rubrics.js';
import { planJudgedMetrics } from '../../scoring/judged-plan.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';

/** Checks config and every golden set without calling any candidate; problems exit 2 via UserError. */
export default async function validate(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs('validate', argv);
  const loaded = await loadConfig(values.config, io.cwd);
  const { config } = loaded;
  io.stdout.write(`config ${loaded.display(loaded.file)}: ok\n`);
  for (const line of deprecatedModelWarnings(loaded, new Date())) io.stderr.write(`${line}\n`);
  const rubrics = await loadRubrics(loaded.resolve(config.rubricsDir), loaded.display);
  io.stdout.write(`rubrics: ${[...rubrics.keys()].join(', ') || 'none'}\n`);
  for (const [suite, suiteConfig] of Object.entries(config.suites)) {
    const items = await loadSuiteItems(loaded, suite);
    const judged = planJudgedMetrics(loaded, suite, suiteConfig, rubrics, items);
    const counts = new Map<string, number>();
    for (const item of items) {
      for (const slice of item.slices.length > 0 ? item.slices : [NO_SLICE]) counts.set(slice, (counts.get(slice) ?? 0) + 1);
    }
    const slices = [...counts]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([s, n]) => `${s} ${n}`)
      .join(', ');
    io.stdout.write(`suite ${suite}: ${items.length} items (${slices})\n`);
    for (const m of judged) io.stdout.write(`  judged: ${m.metric} (${m.kind}, ${m.judges.join(' + ')}${m.rubric ? `, rubric ${m.rubric.id}` : ''})\n`);
  }
  const candidates = Object.entries(config.candidates).map(([id, c]) => `${id} (${c.kind}, ${c.adapter.type})`);
  io.stdout.write(`candidates: ${candidates.join(', ')}\n`);
  return ExitCode.ok;
}
