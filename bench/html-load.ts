// `npm run bench:html`: the HTML report's file size and load time in headless Chromium (Debian's
// chromium, network off), for a 1k- and a 10k-item report built by bench/html-fixture.ts. Load
// time: from navigation start to the item table's first row, as the page's clock measures it;
// the median of BENCH_RUNS opens (default 3), each in a fresh browser context; beside it the
// renderer's main-thread busy time (Chromium's TaskDuration), which a loaded machine inflates
// least. Asserts nothing
// (tests never assert on wall time); see README "The HTML report".
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findChromium, launchChromium, openOffline } from './chromium.js';
import { largeHtmlReport } from './html-fixture.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error('bench:html needs chromium (apt-get install chromium, or set CHROMIUM_PATH)');
  process.exit(2);
}
const dir = mkdtempSync(path.join(tmpdir(), 'evals-bench-html-'));
const browser = await launchChromium(chromiumPath);
try {
  console.log(`| items | file | load, median of ${RUNS} | main-thread busy, median | loads |`);
  console.log('|---:|---:|---:|---:|---|');
  for (const n of [1_000, 10_000]) {
    const file = path.join(dir, `${n}.html`);
    writeFileSync(file, largeHtmlReport(n));
    const times: number[] = [];
    const busy: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { page, errors, loadMs, busyMs } = await openOffline(browser, file);
      if (errors.length) throw new Error(`${n} items: ${errors.join('; ')}`);
      times.push(loadMs);
      busy.push(busyMs);
      await page.context().close();
    }
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `| ${n} | ${(statSync(file).size / 1e6).toFixed(1)} MB | ${seconds(median(times))} | ${seconds(median(busy))} | ${times.map(seconds).join(', ')} |`,
    );
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
