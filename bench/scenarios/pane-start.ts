/**
 * Scenario 6: pane start in headless Chromium (the system /usr/bin/chromium through playwright-core,
 * as test/e2e/browser.ts launches it): time from navigation to the dashboard showing the status line
 * on the preview host, against the baseline page's first render (React + one Fluent button), same run.
 */
import fs from 'fs';
import path from 'path';
import type { Browser } from 'playwright-core';
import { fixed, median, verdict, type Table } from '../lib/measure';

const ROOT = path.join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const BUDGET = 3;

/** Installed before any page script: notes performance.now() (ms since navigation start) when the selector first appears with text. */
function watchFor(selector: string): string {
  return `(() => {
    const seen = () => { const el = document.querySelector(${JSON.stringify(selector)}); return el && (el.textContent || '').trim() !== ''; };
    const mo = new MutationObserver(() => { if (window.__shownAt === undefined && seen()) { window.__shownAt = performance.now(); mo.disconnect(); } });
    mo.observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

async function timeOnce(browser: Browser, url: string, selector: string): Promise<{ shownAt: number; text: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchFor(selector));
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt !== undefined, undefined, { timeout: 30_000 });
    const shownAt = await page.evaluate(() => (window as unknown as { __shownAt: number }).__shownAt);
    const text = ((await page.locator(selector).first().textContent()) ?? '').trim();
    return { shownAt, text };
  } finally {
    await context.close();
  }
}

export async function run(): Promise<Table[]> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
  for (const f of ['.tmp/bench-dist/preview.html', '.tmp/bench-baseline/index.html']) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: bench/build.js makes it`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServer } = require(path.join(ROOT, 'scripts', 'serve-dist.js')) as {
    startServer(o: { root: string; port: number }): Promise<{ url: string; close(): Promise<void> }>;
  };
  const { chromium } = await import('playwright-core');
  const server = await startServer({ root: path.join(ROOT, '.tmp'), port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const reps = process.env.BENCH_QUICK === '1' ? 3 : 11;
  const pane: number[] = [];
  const base: number[] = [];
  let status = '';
  try {
    const paneUrl = `${server.url}/bench-dist/preview.html?asOf=2026-11-23`;
    const baseUrl = `${server.url}/bench-baseline/index.html`;
    for (let i = -1; i < reps; i++) {
      // Alternate, so drift in machine load hits both alike.
      const b = await timeOnce(browser, baseUrl, '[data-testid="baseline-button"]');
      const p = await timeOnce(browser, paneUrl, '[data-testid="status-line"]');
      status = p.text;
      if (i < 0) continue; // warm-up (browser process, disk cache of the files)
      base.push(b.shownAt);
      pane.push(p.shownAt);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const p = median(pane);
  const b = median(base);
  const ratio = p / b;
  return [
    {
      title: '6. Pane start: navigation → status line shown (preview host, headless Chromium) vs the baseline page’s first render',
      columns: ['Page', 'ms (median)', 'min–max', 'Ratio', 'Budget', 'Result'],
      rows: [
        ['baseline (React + one Fluent button): button rendered', fixed(b, 1), `${fixed(Math.min(...base), 0)}–${fixed(Math.max(...base), 0)}`, '1.0×', '', ''],
        ['preview host: dashboard status line shown', fixed(p, 1), `${fixed(Math.min(...pane), 0)}–${fixed(Math.max(...pane), 0)}`, `${fixed(ratio, 2)}×`, `≤ ${BUDGET}×`, verdict(ratio <= BUDGET)],
      ],
      notes: [
        'Time = performance.now() (ms since navigation start) when a MutationObserver installed before any page script first sees the element with text; a fresh browser context per load, served from .tmp by scripts/serve-dist.js (no-store), production build.',
        'DATA: the preview host cannot load a 1,000-row sample: src/preview/index.tsx reads only ?asOf= and ?theme=, and its workbook is the built-in NISM sample (src/preview/sample.ts, 40 log rows). Measured with that default sample.',
        `Median of ${reps} loads of each page, alternating, after one warm-up load of each. Status shown: ${status}`,
      ],
    },
  ];
}
