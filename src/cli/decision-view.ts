import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { GateConfigSchema } from '../gate/config.js';
import type { GoldenItem } from '../goldensets/item.js';
import { buildDecision } from '../decision/build.js';
import type { DecisionRun } from '../decision/collect.js';
import { renderDecisionMarkdown } from '../decision/markdown.js';
import { renderDecisionTerminal } from '../decision/terminal.js';
import { writeFilesAtomic } from '../util/atomic-write.js';
import type { CliIO } from './io.js';

/**
 * Prints the decision view of several candidates' runs of one suite and writes it beside their
 * reports as `<a>.vs.<b>...decision.json` and `.md`. It gates nothing: each candidate's own gate
 * decides the exit code.
 */
export function publishDecision(options: {
  loaded: LoadedConfig;
  io: CliIO;
  reportsDir: string;
  suite: string;
  runs: readonly DecisionRun[];
  items: readonly GoldenItem[];
}): void {
  const { loaded, io, suite, runs } = options;
  const gate = loaded.config.suites[suite]?.gate ?? GateConfigSchema.parse({});
  const decision = buildDecision({
    suite,
    alpha: gate.alpha,
    runs,
    goldSources: new Map(options.items.map((item) => [item.id, item.sources])),
  });
  const file = path.join(options.reportsDir, suite, `${runs.map((r) => r.id).join('.vs.')}.decision`);
  writeFilesAtomic([
    [`${file}.md`, renderDecisionMarkdown(decision)],
    [`${file}.json`, `${JSON.stringify(decision, null, 2)}\n`],
  ]);
  io.stdout.write(`\n${renderDecisionTerminal(decision)}decision: ${loaded.display(`${file}.json`)} (.md beside it)\n`);
}
