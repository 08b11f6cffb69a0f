// Headless Chromium for the HTML report's browser test and load-time bench: Debian's `chromium`
// (apt-get install chromium; .ci/run installs it), driven by playwright-core, which never
// downloads a browser of its own. Pages open with the network off: every request that is not
// file: or data: is aborted and recorded.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** CHROMIUM_PATH, else `chromium` or `chromium-browser` on the PATH. */
export function findChromium(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const dirs = (process.env['PATH'] ?? '').split(path.delimiter).filter(Boolean);
  for (const name of ['chromium', 'chromium-browser']) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: ['--no-proxy-server'] });
}

export interface OfflinePage {
  page: Page;
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
  /** Every request that tried to leave the machine. */
  blocked: string[];
  /** From navigation start to the item table's first row, as the page's clock measured it. */
  loadMs: number;
  /** The renderer's main-thread busy time until then (Chromium's TaskDuration): what a shared, loaded machine inflates least. */
  busyMs: number;
}

/** Opens a report file with the network off and waits until its item table has drawn. */
export async function openOffline(browser: Browser, file: string, viewport = { width: 1280, height: 900 }): Promise<OfflinePage> {
  const context = await browser.newContext({ viewport, offline: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`file://${path.resolve(file)}`);
  await page.waitForSelector('#item-table tbody tr');
  const loadMs = await page.evaluate(() => performance.now());
  const { metrics } = await cdp.send('Performance.getMetrics');
  const busyMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
  return { page, errors, blocked, loadMs, busyMs };
}
