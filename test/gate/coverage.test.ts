import { describe, expect, it } from 'vitest';
import { coverageOf, discordanceOf } from '../../src/gate/coverage.js';
import { detectableDropFromDiscordance, mcnemarPower } from '../../src/stats/mcnemar-power.js';
import { flip, gateConfig, ids, item, items, report } from './helpers.js';

const gate = gateConfig({ maxDrop: 0.02 });

describe('discordanceOf', () => {
  it('from epochs: 2m(k - m) / (k(k - 1)) per item, averaged', () => {
    // k = 3: an item passing 1 of 3 epochs gives 2*1*2/6 = 2/3; one passing 3 of 3 gives 0.
    const list = [item('a', ['s'], false, { pass: 1 / 3 }), item('b', ['s'], true)];
    expect(discordanceOf({ slice: 's', items: list }, { fingerprint: { ...report([]).fingerprint, epochs: 3 } })).toBeCloseTo(1 / 3, 12);
  });

  it('from a rerun: the share of paired items whose pass differs', () => {
    const base = items('s', 20, 10);
    const rerun = report(flip(base, ids('s', 0, 3)));
    expect(discordanceOf({ slice: 's', items: base }, report(base), rerun)).toBeCloseTo(3 / 20, 12);
  });

  it('with neither: the independent-runs bound 2p(1 - p)', () => {
    const base = items('s', 20, 15);
    expect(discordanceOf({ slice: 's', items: base }, report(base))).toBeCloseTo(2 * 0.75 * 0.25, 12);
  });
});

describe('coverageOf', () => {
  const base = report([...items('head', 400, 320), ...items('long-tail', 100, 70), ...items('format', 5, 5)]);
  const rerun = report(flip(base.items, new Set([...ids('head', 0, 20), ...ids('head', 330, 350), ...ids('long-tail', 0, 5), ...ids('long-tail', 80, 85)])));
  const coverage = coverageOf(base, gate, { rerun });
  const slice = (name: string) => {
    const found = coverage.slices.find((s) => s.slice === name);
    if (!found) throw new Error(`no ${name}`);
    return found;
  };

  it('lists the overall row, then long-tail slices, then the rest, with n and pass rate now', () => {
    expect(coverage.slices.map((s) => [s.slice, s.n, s.passRate])).toEqual([
      ['all', 505, 395 / 505],
      ['long-tail', 100, 0.7],
      ['format', 5, 1],
      ['head', 400, 0.8],
    ]);
    expect(coverage.discordanceSource).toBe('rerun');
    expect(slice('long-tail').discordance).toBeCloseTo(0.1, 12);
  });

  it('spends at most alpha over the slices, as the family does', () => {
    const total = coverage.slices.reduce((s, x) => s + x.level, 0);
    expect(total).toBeLessThanOrEqual(gate.alpha + 1e-12);
    expect(total).toBeGreaterThan(gate.alpha * 0.9);
  });

  it('states n needed that reaches the power at the slice level, and one item fewer does not', () => {
    const lt = slice('long-tail');
    for (const [points, needed] of Object.entries(lt.needed)) {
      const drop = Number(points) / 100;
      expect(needed).not.toBeNull();
      expect(mcnemarPower(needed as number, lt.discordance, drop, lt.level)).toBeGreaterThanOrEqual(0.8);
      expect(mcnemarPower((needed as number) - 1, lt.discordance, drop, lt.level)).toBeLessThan(0.8);
    }
    expect(lt.needed['5'] as number).toBeGreaterThan(lt.needed['10'] as number);
    expect(lt.needed['10'] as number).toBeGreaterThan(lt.needed['20'] as number);
  });

  it('agrees with the detectable drop now: a slice that needs more items than it has cannot catch that drop', () => {
    const lt = slice('long-tail');
    expect(lt.detectableNow).toBeCloseTo(detectableDropFromDiscordance(100, lt.discordance, 0.7, lt.level) as number, 12);
    expect((lt.needed['10'] as number) > 100).toBe((lt.detectableNow as number) > 0.1);
  });

  it('gives no count for a drop the pass rate cannot fall by', () => {
    const low = coverageOf(report(items('long-tail', 50, 4)), gate);
    expect(low.slices.find((s) => s.slice === 'long-tail')?.needed['20']).toBeNull();
    expect(low.discordanceSource).toBe('independent');
  });
});
