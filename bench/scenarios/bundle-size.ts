/**
 * Scenario 5: gzipped bytes of what the pane page loads and of functions.js, from a production build
 * (.tmp/bench-dist, made by bench/build.js), against the baseline page (React and one Fluent button,
 * .tmp/bench-baseline) built the same way.
 */
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import { fixed, verdict, type Table } from '../lib/measure';

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, '.tmp', 'bench-dist');
const BASELINE = path.join(ROOT, '.tmp', 'bench-baseline');
const FUNCTIONS_BUDGET_KB = 25;
const PANE_BUDGET = 2.5;

function gz(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** The page's own scripts (absolute URLs, such as Office.js from Microsoft's CDN, are left out). */
function scriptsOf(htmlFile: string): { local: string[]; external: string[] } {
  const html = fs.readFileSync(htmlFile, 'utf8');
  const local: string[] = [];
  const external: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    const src = m[1] ?? m[2] ?? m[3]!;
    if (/^(https?:)?\/\//.test(src)) external.push(src);
    else local.push(src);
  }
  return { local, external };
}

const kb = (bytes: number) => `${fixed(bytes / 1024, 1)} KB`;

export async function run(): Promise<Table[]> {
  for (const f of [path.join(DIST, 'taskpane.html'), path.join(BASELINE, 'index.html')]) {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: bench/build.js makes it (npm run bench runs it first)`);
  }
  const pane = scriptsOf(path.join(DIST, 'taskpane.html'));
  const base = scriptsOf(path.join(BASELINE, 'index.html'));
  const rows: (string | number)[][] = [];
  const paneParts: [string, number][] = [
    ['taskpane.html', gz(path.join(DIST, 'taskpane.html'))],
    ...pane.local.map((s): [string, number] => [s, gz(path.join(DIST, s))]),
  ];
  const baseParts: [string, number][] = [
    ['index.html', gz(path.join(BASELINE, 'index.html'))],
    ...base.local.map((s): [string, number] => [s, gz(path.join(BASELINE, s))]),
  ];
  const paneTotal = paneParts.reduce((s, [, b]) => s + b, 0);
  const baseTotal = baseParts.reduce((s, [, b]) => s + b, 0);
  const entries = new Set(['taskpane.js', 'functions.js', 'commands.js', 'preview.js']);
  const lazy = fs.readdirSync(DIST).filter((f) => f.endsWith('.js') && !entries.has(f));
  const lazyTotal = lazy.reduce((s, f) => s + gz(path.join(DIST, f)), 0);
  const functionsGz = gz(path.join(DIST, 'functions.js'));
  const paneOnly =
    (paneParts.find(([n]) => n === 'taskpane.html')?.[1] ?? 0) +
    (paneParts.find(([n]) => n === 'taskpane.js')?.[1] ?? 0);

  rows.push([
    'functions.js',
    kb(functionsGz),
    '',
    `≤ ${FUNCTIONS_BUDGET_KB} KB`,
    verdict(functionsGz <= FUNCTIONS_BUDGET_KB * 1024),
  ]);
  for (const [name, bytes] of baseParts) rows.push([`baseline: ${name}`, kb(bytes), '', '', '']);
  rows.push(['baseline page total', kb(baseTotal), '1.00×', '', '']);
  for (const [name, bytes] of paneParts)
    rows.push([`pane page: ${name}`, kb(bytes), `${fixed(bytes / baseTotal, 2)}×`, '', '']);
  rows.push([
    'pane: taskpane.html + taskpane.js',
    kb(paneOnly),
    `${fixed(paneOnly / baseTotal, 2)}×`,
    `≤ ${PANE_BUDGET}× baseline`,
    verdict(paneOnly <= PANE_BUDGET * baseTotal),
  ]);
  rows.push([
    `pane page as loaded in the shared runtime (${paneParts.map(([n]) => n).join(' + ')})`,
    kb(paneTotal),
    `${fixed(paneTotal / baseTotal, 2)}×`,
    `≤ ${PANE_BUDGET}× baseline`,
    verdict(paneTotal <= PANE_BUDGET * baseTotal),
  ]);
  if (lazy.length)
    rows.push([`lazy chunks, loaded only when opened (${lazy.join(', ')})`, kb(lazyTotal), '', '(info)', '']);
  return [
    {
      title: '5. Bundle size: gzipped bytes (production build) vs a baseline page with React and one Fluent button',
      columns: ['What', 'gzip -9', 'vs baseline', 'Budget', 'Result'],
      rows,
      notes: [
        `Built fresh into .tmp/bench-dist (webpack.config.js, --mode production) and .tmp/bench-baseline (bench/webpack.baseline.js, same loader and settings). Sizes are zlib level 9.`,
        `Two pane figures: the pane's own files (taskpane.html + taskpane.js), and everything taskpane.html loads as the shared runtime's page. taskpane.js itself registers the cell functions and the ribbon command (src/taskpane/index.tsx imports them), so the page loads the rules core and zod once and the two figures match; functions.js is the standalone copy for hosts that load the functions alone, with the built-in programs as data checked at build time and no zod. Excluded: ${pane.external.join(', ') || 'nothing external'} (Office.js from Microsoft's CDN, which every add-in loads).`,
      ],
    },
  ];
}
