import type { ItemResult, ResultSummary } from '../contracts/item-result.js';
import type { GoldenItem } from '../goldensets/item.js';
import type { LineAt } from '../util/append-log.js';
import { byCodePoint } from '../util/compare.js';
import { resultKey } from './journal.js';

/** What results repeat: every passing item of a one-check suite has the same checks, judgments and usage. */
interface Verdict {
  checks: ItemResult['checks'];
  judgments: ItemResult['judgments'];
  error: ItemResult['error'];
  usage: NonNullable<ItemResult['output']>['usage'];
}

/** Distinct verdicts remembered for sharing; past this, new ones are kept as they are (each judge reason differs). */
const MAX_SHARED = 4096;

/**
 * A run's finished calls (item x epoch) by plan slot: what the report, the run summary and resume
 * need of each (verdict, latency, cost, whether the answer was cached) and where its full record
 * sits in the journal. A slot's numbers sit in typed arrays, outside the JS heap, and its verdict
 * is an index into a list of distinct verdicts, so a 100k-item run holds no object, key string or
 * map entry per result: those, held for the whole run, were what V8 budgeted its heap growth by
 * (an old-generation limit about four times the live heap). Read as a map of result keys
 * (`item#epoch`) to summaries, made as they are read; iterated in plan order.
 */
export class ResultTable implements ReadonlyMap<string, ResultSummary> {
  /** Item id -> the item's index in the plan; its epochs' slots follow one another. */
  private readonly slotOf = new Map<string, number>();
  private readonly verdictOf: Int32Array;
  private readonly latency: Float64Array;
  private readonly cost: Float64Array;
  private readonly cached: Uint8Array;
  private readonly offsets: Float64Array;
  private readonly lengths: Float64Array;
  private readonly verdicts: Verdict[] = [];
  private readonly shared = new Map<string, number>();
  private count = 0;
  private order: Uint32Array | undefined;

  constructor(
    private readonly items: readonly GoldenItem[],
    private readonly epochs: number,
  ) {
    items.forEach((item, i) => this.slotOf.set(item.id, i * epochs));
    const slots = items.length * epochs;
    this.verdictOf = new Int32Array(slots).fill(-1);
    this.latency = new Float64Array(slots);
    this.cost = new Float64Array(slots);
    this.cached = new Uint8Array(slots);
    this.offsets = new Float64Array(slots);
    this.lengths = new Float64Array(slots);
  }

  get size(): number {
    return this.count;
  }

  /** The slot of a planned call, or undefined for one outside the plan. */
  slot(itemId: string, epoch: number): number | undefined {
    const first = this.slotOf.get(itemId);
    return first === undefined || !Number.isInteger(epoch) || epoch < 0 || epoch >= this.epochs ? undefined : first + epoch;
  }

  /** Records a finished call and where its journal record sits; a call outside the plan is not kept. */
  set(result: ItemResult, at: LineAt): void {
    const slot = this.slot(result.itemId, result.epoch);
    if (slot === undefined) return;
    if (this.verdictOf[slot] === -1) this.count++;
    const { output } = result;
    this.verdictOf[slot] = this.share({ checks: result.checks, judgments: result.judgments, error: result.error, usage: output?.usage });
    this.latency[slot] = result.latencyMs ?? NaN;
    this.cost[slot] = output?.costUsd ?? NaN;
    this.cached[slot] = output?.cached ? 1 : 0;
    this.offsets[slot] = at.offset;
    this.lengths[slot] = at.length;
  }

  /** Forgets a call (a later journal record of it ended in an error, which is tried again). */
  delete(itemId: string, epoch: number): void {
    const slot = this.slot(itemId, epoch);
    if (slot === undefined || this.verdictOf[slot] === -1) return;
    this.verdictOf[slot] = -1;
    this.count--;
  }

  hasCall(itemId: string, epoch: number): boolean {
    const slot = this.slot(itemId, epoch);
    return slot !== undefined && this.verdictOf[slot] !== -1;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get(key: string): ResultSummary | undefined {
    const hash = key.lastIndexOf('#');
    const slot = hash === -1 ? undefined : this.slot(key.slice(0, hash), Number(key.slice(hash + 1)));
    return slot === undefined ? undefined : this.summary(slot);
  }

  /** An item's results (scores only), one per finished epoch in epoch order. */
  resultsOf(itemId: string): ResultSummary[] {
    const first = this.slotOf.get(itemId);
    const results: ResultSummary[] = [];
    if (first === undefined) return results;
    for (let slot = first; slot < first + this.epochs; slot++) {
      const summary = this.summary(slot);
      if (summary) results.push(summary);
    }
    return results;
  }

  /**
   * The journal positions of every finished call, in report order: item id (code points), then
   * epoch. The order is worked out once (the outputs file and the HTML page each read them all).
   */
  *positions(): Generator<LineAt> {
    const { items } = this;
    this.order ??= Uint32Array.from(items, (_, i) => i).sort((a, b) => byCodePoint((items[a] as GoldenItem).id, (items[b] as GoldenItem).id));
    for (const i of this.order) {
      for (let slot = i * this.epochs; slot < (i + 1) * this.epochs; slot++) {
        if (this.verdictOf[slot] !== -1) yield { offset: this.offsets[slot] as number, length: this.lengths[slot] as number };
      }
    }
  }

  *entries(): MapIterator<[string, ResultSummary]> {
    for (const summary of this.values()) yield [resultKey(summary.itemId, summary.epoch), summary];
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<ResultSummary> {
    for (let slot = 0; slot < this.verdictOf.length; slot++) {
      const summary = this.summary(slot);
      if (summary) yield summary;
    }
  }

  [Symbol.iterator](): MapIterator<[string, ResultSummary]> {
    return this.entries();
  }

  forEach(visit: (value: ResultSummary, key: string, map: ReadonlyMap<string, ResultSummary>) => void): void {
    for (const [key, value] of this.entries()) visit(value, key, this);
  }

  private summary(slot: number): ResultSummary | undefined {
    const verdict = this.verdicts[this.verdictOf[slot] as number];
    if (!verdict) return undefined;
    const item = this.items[Math.floor(slot / this.epochs)] as GoldenItem;
    const summary: ResultSummary = { itemId: item.id, epoch: slot % this.epochs, checks: verdict.checks, judgments: verdict.judgments };
    if (verdict.error) summary.error = verdict.error;
    const latency = this.latency[slot] as number;
    if (!Number.isNaN(latency)) summary.latencyMs = latency;
    if (verdict.usage) summary.usage = verdict.usage;
    const cost = this.cost[slot] as number;
    if (!Number.isNaN(cost)) summary.costUsd = cost;
    if (this.cached[slot] === 1) summary.cached = true;
    return summary;
  }

  private share(verdict: Verdict): number {
    const key = JSON.stringify([verdict.checks, verdict.judgments, verdict.error, verdict.usage]);
    const known = this.shared.get(key);
    if (known !== undefined) return known;
    this.verdicts.push(verdict);
    if (this.shared.size < MAX_SHARED) this.shared.set(key, this.verdicts.length - 1);
    return this.verdicts.length - 1;
  }
}
