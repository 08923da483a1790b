/**
 * Shared setup for the end-to-end tests: the built preview served from dist/ and the system Chromium
 * driven by playwright-core (never a downloaded browser).
 *
 * Without Chromium the tests fail in CI (process.env.CI) and are skipped locally with a message.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { dayFromIso, evaluateLog, findProgram, type Evaluation } from '../../src/core';
import { SAMPLE_AS_OF, SAMPLE_CYCLE_START, sampleLogValues } from '../../src/preview/sample';
import type { CellValue } from '../../src/workbook/port';

export const ROOT = path.join(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumAvailable = fs.existsSync(CHROMIUM);

/** Set by jest.unit.config.js: `npm run test:unit` leaves the browser to `npm run test:e2e`. */
const skipBrowser = (globalThis as { CE_LEDGER_SKIP_BROWSER?: boolean }).CE_LEDGER_SKIP_BROWSER === true;

/**
 * `describe`, or `describe.skip` when the run leaves out the browser (`npm run test:unit`) or, with a
 * message, when Chromium is missing outside CI.
 */
export function describeBrowser(name: string, fn: () => void): void {
  if (skipBrowser) {
    describe.skip(`${name} (in npm run test:e2e)`, fn);
    return;
  }
  if (!chromiumAvailable && !process.env.CI) {
    // eslint-disable-next-line no-console
    console.warn(`Skipping "${name}": no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);
    describe.skip(name, fn);
    return;
  }
  describe(name, fn);
}

/**
 * Builds dist/ in production mode unless it holds an up-to-date production build: Jest's global setup
 * normally did already; this covers a test run started some other way.
 */
export async function ensureBuilt(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const buildIfStale = require(path.join(ROOT, 'test', 'global-setup.js')) as () => Promise<void>;
  await buildIfStale();
}

export interface Session {
  url: string;
  browser: BrowserContext;
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  if (!chromiumAvailable) throw new Error(`Chromium is required for the end-to-end tests: none at ${CHROMIUM}`);
  await ensureBuilt();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServer } = require(path.join(ROOT, 'scripts', 'serve-dist.js')) as {
    startServer(o: { root: string; port: number }): Promise<{ url: string; close(): Promise<void> }>;
  };
  const { chromium } = await import('playwright-core');
  const server = await startServer({ root: path.join(ROOT, 'dist'), port: 0 });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ce-ledger-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    url: server.url,
    browser: context,
    close: async () => {
      await context.close();
      await server.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type { Browser };

/**
 * Jest hooks for a describe block of preview tests: one browser session for the block, and a fresh
 * page on the preview (as of the sample's date) for each test, once the status line shows; `ready`
 * then runs on it (a setup the block's tests share). The hooks hand each over as it is made.
 */
export function usePreviewPages(hand: {
  session?: (session: Session) => void;
  page: (page: Page) => void;
  ready?: (page: Page) => Promise<void>;
}): void {
  let session: Session | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    session = await openSession();
    hand.session?.(session);
  });
  afterAll(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    page = await session!.browser.newPage();
    await page.goto(`${session!.url}/preview.html?asOf=${SAMPLE_AS_OF}`);
    await page.getByTestId('status-line').waitFor();
    await hand.ready?.(page);
    hand.page(page);
  });
  afterEach(async () => {
    await page?.close();
  });
}

/** The core's Evaluation of the preview's sample (as edited in the grid, when `values` is given). */
export function sampleEvaluation(values: CellValue[][] = sampleLogValues()): Evaluation {
  const result = evaluateLog(findProgram('NISM-SMS')!, values, {
    cycleStart: dayFromIso(SAMPLE_CYCLE_START)!,
    asOf: dayFromIso(SAMPLE_AS_OF)!,
    firstRow: 1,
    profile: { attestations: {} },
  });
  if (!result.ok) throw new Error(result.message);
  return result.evaluation;
}

/** The pane's horizontal overflow, and the elements that stick out past its right edge (for the message). */
export function overflowing(page: Page): Promise<string[]> {
  return page.getByRole('complementary', { name: 'CE Ledger task pane' }).evaluate((pane) => {
    const overflow = pane.scrollWidth - pane.clientWidth;
    if (overflow <= 0) return [];
    const right = pane.getBoundingClientRect().left + pane.clientWidth;
    const culprits = Array.from(pane.querySelectorAll('*'))
      .filter((e) => e.getBoundingClientRect().right > right + 0.5 && e.getBoundingClientRect().width > 1)
      .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim().slice(0, 40)}"`);
    return [`the pane scrolls ${overflow} px sideways`, ...culprits.slice(0, 5)];
  });
}
