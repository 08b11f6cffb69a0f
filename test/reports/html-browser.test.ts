import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium, openOffline } from '../../bench/chromium.js';
import { largeHtmlReport } from '../../bench/html-fixture.js';
import { ReportSchema, type Report, type ReportItem } from '../../src/report-schema.js';
import { runCli } from '../cli/harness.js';
import { degradedProject } from '../example/degraded.js';

const chromiumPath = findChromium();
const inCi = process.env['CI'] === 'true' || process.env['CI'] === '1';
if (!chromiumPath && !inCi) console.warn('html-browser.test.ts skipped: no chromium on the PATH (apt-get install chromium, or set CHROMIUM_PATH)');

/** The regressed long-tail items, from the two JSON reports: a gated metric (pass, or one without a '.') fell. */
function regressedLongTail(base: Report, head: Report): string[] {
  const baseItems = new Map(base.items.map((i) => [i.id, i]));
  const score = (item: ReportItem, metric: string) => item.scores[metric] ?? (metric === 'pass' ? 0 : undefined);
  return head.items
    .filter((item) => {
      const before = baseItems.get(item.id);
      if (!item.slices.includes('long-tail') || !before || before.slices.join() !== item.slices.join()) return false;
      const metrics = ['pass', ...Object.keys(item.scores).filter((m) => !m.includes('.'))];
      return metrics.some((m) => {
        const [b, h] = [score(before, m), score(item, m)];
        return b !== undefined && h !== undefined && h < b;
      });
    })
    .map((item) => item.id);
}

/** Every id the item table lists, across its pages. */
async function listedIds(page: Page): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    ids.push(...(await page.$$eval('#item-table tbody tr', (rows) => rows.map((r) => r.getAttribute('data-id') ?? ''))));
    const next = page.getByRole('button', { name: 'next ›' });
    if (await next.isDisabled()) return ids;
    await next.click();
  }
}

describe.runIf(chromiumPath !== undefined || inCi)('the HTML report in headless Chromium, network off', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    if (!chromiumPath) throw new Error('CI: chromium is not installed (.ci/run installs it with apt-get install chromium); the HTML report cannot be tested');
    browser = await launchChromium(chromiumPath);
    const project = degradedProject();
    dir = project.dir;
    const run = await runCli(['run', '--candidate', 'rag-v2', '--config', project.config, '--quiet'], dir);
    expect(run.code).toBe(1);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('draws the degraded run offline; long-tail + regressed lists exactly the regressed long-tail items', async () => {
    const base = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports/support/rag-v2.json'), 'utf8')));
    const head = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports/support/rag-v2.new.json'), 'utf8')));
    const { page, errors, blocked } = await openOffline(browser, path.join(dir, 'reports/support/rag-v2.new.html'));

    expect(await page.locator('#slice-chart .chart-row').count()).toBe(Object.keys(head.slices).length + 1);
    expect(await page.locator('#slice-chart .chart-row[data-slice="long-tail"] rect.bar-base').count()).toBe(1);
    expect(await page.locator('#item-count').textContent()).toBe(`${head.items.length} of ${head.items.length} items`);
    expect(await page.locator('#gate-table tr[data-verdict="fail"]').count()).toBeGreaterThan(0);

    await page.selectOption('#filter-slice', 'long-tail');
    await page.check('#filter-regressed');
    const expected = regressedLongTail(base, head);
    expect(expected.length).toBeGreaterThan(0);
    expect((await listedIds(page)).sort()).toEqual(expected.sort());

    // The detail: both answers side by side, the check that failed, the gold source.
    await page.locator(`#item-table tr[data-id="${expected[0]}"]`).click();
    const detail = page.locator('#detail');
    await expect.poll(() => detail.isVisible()).toBe(true);
    expect(await detail.locator('.cols > div').count()).toBe(2);
    expect(await detail.textContent()).toContain('Lumen supports that; check the settings page for details.');

    const shot = process.env['HTML_SCREENSHOT'] ?? path.join(dir, 'html-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
  }, 60_000);

  it('opens a 10k-item report', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'evals-html-10k-')), 'large.html');
    writeFileSync(file, largeHtmlReport(10_000));
    const { page, errors, blocked, loadMs } = await openOffline(browser, file);
    // Wall time is measured and quoted by `npm run bench:html`; here it is printed, not asserted.
    console.log(`10k-item report: ${(statSync(file).size / 1e6).toFixed(1)} MB, item table drawn ${Math.round(loadMs)} ms after navigation`);
    expect(await page.locator('#item-count').textContent()).toBe('10000 of 10000 items');
    expect(await page.locator('#item-table tbody tr').count()).toBe(50);
    await page.fill('input[type=search]', 'item-009999');
    expect(await listedIds(page)).toEqual(['item-009999']);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
  }, 60_000);
});
