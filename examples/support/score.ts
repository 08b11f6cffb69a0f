// Scores the three example candidates on the example golden set with the harness's registered
// checks, and prints pass rates per slice: a quick look while tuning the candidates, without the
// runner. Run: npx jiti examples/support/score.ts [--failures <candidate>]
import type { CandidateOutput, GoldenItem } from '../../src/index.js';
import { checkRegistry } from '../../src/scoring/checks/registry.js';
import promptOnly from './candidates/prompt-only.js';
import ragV1 from './candidates/rag-v1.js';
import ragV2 from './candidates/rag-v2.js';
import { readGoldenSet } from './lib/golden.js';

const candidates: Record<string, (item: GoldenItem) => Promise<CandidateOutput>> = {
  'prompt-only': promptOnly,
  'rag-v1': ragV1,
  'rag-v2': ragV2,
};

interface Tally {
  n: number;
  passed: number;
  checks: Map<string, { n: number; passed: number }>;
}

function newTally(): Tally {
  return { n: 0, passed: 0, checks: new Map() };
}

const pct = (part: number, whole: number) => (whole === 0 ? '   -' : `${Math.round((100 * part) / whole)}%`.padStart(4));

const items = await readGoldenSet();
const showFailures = process.argv.includes('--failures') ? process.argv[process.argv.indexOf('--failures') + 1] : undefined;

for (const [name, answer] of Object.entries(candidates)) {
  const bySlice = new Map<string, Tally>([['all', newTally()]]);
  for (const item of items) {
    const output = await answer(item);
    const failures: string[] = [];
    const outcomes = item.checks.flatMap((spec) => {
      const definition = checkRegistry.get(spec.type);
      if (!definition) throw new Error(`check type "${spec.type}" is not registered`);
      const outcome = definition.run({ output, item }, definition.params.parse(spec.params));
      if (outcome && !outcome.pass) failures.push(`${spec.type}: ${outcome.reason ?? ''}`);
      return outcome ? [{ type: spec.type, pass: outcome.pass }] : [];
    });
    const pass = outcomes.every((o) => o.pass);
    if (name === showFailures && !pass) console.log(`${item.id}: ${failures.join(' | ')}\n    ${output.text}`);
    for (const slice of ['all', ...item.slices]) {
      const tally = bySlice.get(slice) ?? newTally();
      bySlice.set(slice, tally);
      tally.n++;
      if (pass) tally.passed++;
      for (const o of outcomes) {
        const check = tally.checks.get(o.type) ?? { n: 0, passed: 0 };
        tally.checks.set(o.type, check);
        check.n++;
        if (o.pass) check.passed++;
      }
    }
  }
  console.log(`\n${name}`);
  for (const [slice, tally] of bySlice) {
    const checks = [...tally.checks].map(([type, c]) => `${type} ${pct(c.passed, c.n)}`).join('  ');
    console.log(`  ${slice.padEnd(13)} n=${String(tally.n).padStart(3)}  items ${pct(tally.passed, tally.n)}   ${checks}`);
  }
}
