import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../../config/load.js';
import { ExitCode, UserError } from '../../errors.js';
import type { RunFacts } from '../../reports/run-info.js';
import { reportFingerprint } from '../../runner/fingerprint.js';
import { inResultOrder, resultKey } from '../../runner/journal.js';
import type { ItemResult } from '../../contracts/item-result.js';
import { byItem, reportFromResults } from '../../runner/run-suite.js';
import { loadSuiteItems } from '../../runner/setup.js';
import { readShardFile, type ShardFile } from '../../runner/shard.js';
import { canonicalJson } from '../../util/canonical.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';
import { publishReport, type Published } from '../publish.js';
import { writeCiOutputs } from '../ci-outputs.js';
import { baselinesAtRef } from '../baselines-at-ref.js';
import { driftAnchors } from '../drift-anchors.js';
import { baselineFor, checkComparable } from '../baseline-for.js';

/** `evals merge [folder]`: the shards of `run --shard i/n` into the report an unsharded run writes. */
export default async function merge(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('merge', argv);
  if (positionals.length > 1) throw new UserError('evals merge takes at most one folder');
  const loaded = await loadConfig(values.config, io.cwd);
  const folder = path.resolve(io.cwd, positionals[0] ?? loaded.resolve(loaded.config.shardsDir));
  if (!existsSync(folder)) throw new UserError(`${loaded.display(folder)}: no shards folder (run \`evals run --shard i/n\` first)`);
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  if (files.length === 0) throw new UserError(`${loaded.display(folder)}: no shard files`);

  const groups = new Map<string, ShardFile[]>();
  for (const name of files) {
    const shard = readShardFile(path.join(folder, name), loaded.display(path.join(folder, name)));
    const key = `${shard.header.suite}/${shard.header.candidate}`;
    groups.set(key, [...(groups.get(key) ?? []), shard]);
  }
  const reportsDir = loaded.resolve(values['reports-dir'] ?? loaded.config.reportsDir);
  const pairs = [...groups.values()].map(([first]) => ({ suite: first?.header.suite ?? '', candidate: first?.header.candidate ?? '' }));
  const fromRef = baselinesAtRef(loaded, reportsDir, pairs, values['baseline-ref'], values['allow-baseline-change'] ?? false, undefined);
  const drift = driftAnchors(loaded, reportsDir, pairs, values['drift-ref']);
  let exitCode: number = ExitCode.ok;
  const published: Published[] = [];
  for (const [key, shards] of groups) {
    const facts = await mergeGroup(loaded, key, shards);
    if (typeof facts === 'string') {
      io.stderr.write(`${facts}\n`);
      exitCode = Math.max(exitCode, ExitCode.runIncomplete);
      continue;
    }
    const ref = fromRef?.(facts.suite, facts.candidate);
    const baseline = ref
      ? ref.baseline && checkComparable(ref.baseline, ref.baseline.label ?? loaded.display(ref.baseline.file), facts.items, facts.suite)
      : baselineFor({ loaded, io, reportsDir, suite: facts.suite, candidate: facts.candidate, items: facts.items });
    const done = publishReport({
      loaded,
      reportsDir,
      report: facts.report,
      facts,
      items: facts.items,
      io,
      update: values.update ?? false,
      baseline,
      allowUnscored: values['allow-unscored'] ?? false,
      ...(ref ? { fromRef: ref } : {}),
      drift: drift(facts.suite, facts.candidate),
    });
    published.push(done);
    exitCode = Math.max(exitCode, done.exitCode);
  }
  writeCiOutputs(published, { summary: values.summary, junit: values.junit }, io);
  return exitCode;
}

/** Checks that a group's shards belong together and are all there; a string says what is missing. */
async function mergeGroup(loaded: LoadedConfig, key: string, shards: ShardFile[]) {
  const [first] = shards;
  if (!first) throw new UserError(`${key}: no shards`);
  const { suite, candidate, shard } = first.header;
  for (const s of shards) {
    if (s.header.shard.count !== shard.count)
      throw new UserError(`${key}: shards of different splits (${shard.count} and ${s.header.shard.count}) in one folder`);
    if (canonicalJson(s.header.fingerprint) !== canonicalJson(first.header.fingerprint)) {
      throw new UserError(
        `${key}: ${path.basename(s.file)} was run on different golden items or checks than ${path.basename(first.file)}; run every shard again`,
      );
    }
  }
  const indexes = shards.map((s) => s.header.shard.index);
  const duplicate = indexes.find((i, n) => indexes.indexOf(i) !== n);
  if (duplicate !== undefined) throw new UserError(`${key}: shard ${duplicate}/${shard.count} appears twice`);
  const missing = Array.from({ length: shard.count }, (_, i) => i + 1).filter((i) => !indexes.includes(i));
  if (missing.length > 0)
    return `${key}: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${shard.count}`).join(', ')} missing; no report written`;

  const sample = parseSample(first.header.fingerprint.sample);
  const items = await loadSuiteItems(loaded, suite, sample);
  const suiteConfig = loaded.config.suites[suite];
  if (!suiteConfig) throw new UserError(`${key}: unknown suite "${suite}"`);
  // Judges and rubrics were settled by the shards (and agree across them); the golden items and
  // checks are checked against what the config says now.
  const { fingerprint } = first.header;
  const current = reportFingerprint({ items, suite: suiteConfig, sample });
  const changed = (['items', 'checks', 'epochs', 'sample'] as const).filter((part) => current[part] !== fingerprint[part]);
  if (changed.length > 0) {
    throw new UserError(`${key}: the golden set or checks changed since the shards ran (${changed.join(', ')}); run them again`);
  }
  const results = new Map<string, ItemResult>();
  for (const s of shards) for (const r of s.results) results.set(resultKey(r.itemId, r.epoch), r);
  const absent = items.flatMap((item) => Array.from({ length: suiteConfig.epochs }, (_, epoch) => resultKey(item.id, epoch)).filter((k) => !results.has(k)));
  if (absent.length > 0) return `${key}: ${absent.length} planned results missing from the shards (e.g. ${absent[0]}); no report written`;

  const report = reportFromResults(loaded, suite, candidate, items, fingerprint, byItem(results.values()), {
    skipped: first.header.skipped,
    ungated: first.header.ungated,
  });
  const facts: RunFacts & { report: typeof report; items: typeof items } = {
    suite,
    candidate,
    results,
    answers: () => inResultOrder(results),
    planned: items.length * suiteConfig.epochs,
    resumed: shards.reduce((n, s) => n + s.header.resumed, 0),
    startedAt: new Date(Math.min(...shards.map((s) => Date.parse(s.header.startedAt)))),
    finishedAt: new Date(Math.max(...shards.map((s) => Date.parse(s.header.finishedAt)))),
    concurrency: Math.max(...shards.map((s) => s.header.concurrency)),
    report,
    items,
  };
  return facts;
}

function parseSample(sample: string | null): { size: number; seed: number } | undefined {
  if (sample === null) return undefined;
  const [size, seed] = sample.split('@').map(Number);
  return size !== undefined && seed !== undefined ? { size, seed } : undefined;
}
