/**
 * Security (issue 6, item 6): the built bundles generate no code, the pane page has a strict Content
 * Security Policy that works, user text never becomes a dangerous hyperlink, the manifest asks for the
 * least it needs, the add-in calls no network service but Office, and `npm audit --omit=dev` is run.
 *
 * Code generation in dist/*.js is checked twice (see docs/reliability.md, "Why both"):
 *   1. statically: every code-generation site in the bundles (`eval(`, `new Function`, `Function` taken
 *      as a value) must be one of a short list of known, guarded library sites, each with the reason it
 *      is not reached; a new site fails the test;
 *   2. at run time: functions.js runs in a Node context where code generation from strings is
 *      forbidden and every attempt is recorded, and the pane page is loaded in headless Chromium under
 *      its own CSP, which reports any eval attempt as a violation.
 */
import { execFile } from 'child_process';
import fs from 'fs';
import path from 'path';
import vm from 'vm';
import { XMLParser } from 'fast-xml-parser';
import { dayFromIso, serialFromDay } from '../../src/core';
import { generateSummary, proofLinkTarget } from '../../src/summary';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { CellValue } from '../../src/workbook/port';
import { describeBrowser, openSession, ROOT, type Session } from '../e2e/browser';

const DIST = path.join(ROOT, 'dist');
const SRC = path.join(ROOT, 'src');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

function filesUnder(dir: string, test: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, test));
    else if (test(full)) out.push(full);
  }
  return out;
}

// ---- 1. code generation in the bundles ----

/**
 * The known code-generation sites, by the code around them. Each is guarded so that it never runs in
 * the add-in; the run-time tests below check that.
 */
const KNOWN_SITES: { name: string; pattern: RegExp; why: string; needsJitless?: boolean }[] = [
  {
    name: 'zod allowsEval probe',
    pattern:
      /if\([\w$.]+\.jitless\)return!1;if\("undefined"!=typeof navigator&&navigator\?\.userAgent\?\.includes\("Cloudflare"\)\)return!1;try\{return new Function\(""\),!0\}catch\([\w$]+\)\{return!1\}/,
    why: 'zod 4 probes whether eval is allowed before compiling a fast parser; skipped when z.config({ jitless: true }) ran',
    needsJitless: true,
  },
  {
    name: 'zod Doc.compile (JIT object parser)',
    pattern: /compile\(\)\{const ([\w$]+)=Function,[\w$]+=this\?\.content\?\?\[""\];return new \1\(/,
    why: 'zod 4 compiles object parsers with the Function constructor; only reached when jitless is off and the probe succeeded',
    needsJitless: true,
  },
  {
    name: 'webpack runtime global-object fallback',
    pattern:
      /if\("object"==typeof globalThis\)return globalThis;try\{return this\|\|new Function\("return this"\)\(\)\}/,
    why: "webpack's __webpack_require__.g: returns globalThis first, which every host that can run these ES2020 bundles has; the Function fallback is for engines without globalThis",
  },
];

/** Every code-generation site in a bundle: `eval(` called, `new Function`, or `Function` used as a value. */
function generationSites(code: string): { index: number; text: string }[] {
  const sites: { index: number; text: string }[] = [];
  const patterns = [
    /(?<![\w$.])eval\s*\(/g,
    /(?<![\w$.])Function(?![\w$])(?!\.prototype)/g,
    /\bset(?:Timeout|Interval)\(\s*["'`]/g,
    /\bexecScript\b/g,
  ];
  for (const p of patterns)
    for (const m of code.matchAll(p))
      sites.push({ index: m.index!, text: code.slice(Math.max(0, m.index! - 160), m.index! + 80) });
  return sites.sort((a, b) => a.index - b.index);
}

const bundles = fs.existsSync(DIST) ? fs.readdirSync(DIST).filter((f) => f.endsWith('.js')) : [];

describe('the production bundles generate no code', () => {
  test('dist/ holds the built bundles (npm test builds them)', () => {
    expect(bundles).toEqual(expect.arrayContaining(['taskpane.js', 'functions.js', 'commands.js', 'preview.js']));
  });

  test.each(bundles)('%s: every eval / Function site is a known, guarded library site', (bundle) => {
    const code = fs.readFileSync(path.join(DIST, bundle), 'utf8');
    const unknown: string[] = [];
    for (const site of generationSites(code)) {
      const known = KNOWN_SITES.find((k) => {
        const m = k.pattern.exec(code.slice(Math.max(0, site.index - 400), site.index + 400));
        return m !== null;
      });
      if (!known) unknown.push(site.text);
    }
    expect(unknown).toEqual([]);
  });

  test.each(bundles)("%s: a bundle that carries zod's JIT turns it off (z.config({ jitless: true }))", (bundle) => {
    const code = fs.readFileSync(path.join(DIST, bundle), 'utf8');
    const carriesJit = KNOWN_SITES.filter((k) => k.needsJitless).some((k) => k.pattern.test(code));
    if (!carriesJit) return;
    expect({ bundle, jitlessConfigured: /\(\{jitless:!0\}\)/.test(code) }).toEqual({ bundle, jitlessConfigured: true });
  });

  test('the scan finds a site when one is there (the check can fail)', () => {
    expect(generationSites('var a=1;eval("2");').length).toBe(1);
    expect(generationSites('x=new Function("return 1")').length).toBe(1);
    expect(generationSites('const F=Function;new F("x")').length).toBe(1);
    expect(generationSites('setTimeout("alert(1)",1)').length).toBe(1);
    expect(generationSites('Function.prototype.call; o.eval(1); medieval(2)').length).toBe(0);
  });

  test('functions.js, run where code generation from strings is forbidden, attempts none and answers every function', () => {
    const registered: Record<string, (...args: unknown[]) => unknown> = {};
    class CfError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    }
    const sandbox: Record<string, unknown> = {
      CustomFunctions: {
        associate: (name: string, fn: (...args: unknown[]) => unknown) => (registered[name] = fn),
        Error: CfError,
        ErrorCode: { invalidValue: '#VALUE!', invalidNumber: '#NUM!', notAvailable: '#N/A' },
      },
      console,
    };
    const context = vm.createContext(sandbox, { codeGeneration: { strings: false, wasm: false } });
    // Record every attempt, even one a library catches (zod's probe does): under a CSP it is a violation.
    vm.runInContext(
      `globalThis.__attempts = [];
       (() => {
         const F = Function;
         const trap = new Proxy(F, {
           construct(t, a) { __attempts.push('new Function ' + String(a[a.length - 1]).slice(0, 60)); return Reflect.construct(t, a); },
           apply(t, self, a) { __attempts.push('Function() ' + String(a[a.length - 1]).slice(0, 60)); return Reflect.apply(t, self, a); },
         });
         F.prototype.constructor = trap;
         globalThis.Function = trap;
         const E = eval;
         globalThis.eval = new Proxy(E, { apply(t, self, a) { __attempts.push('eval'); return Reflect.apply(t, self, a); } });
       })();`,
      context,
    );
    vm.runInContext(fs.readFileSync(path.join(DIST, 'functions.js'), 'utf8'), context, { filename: 'functions.js' });
    expect(Object.keys(registered).sort()).toEqual([
      'CE_CREDITS',
      'CREDITS_EARNED',
      'CREDITS_NEEDED',
      'RECERT_DEADLINE',
      'RECERT_STATUS',
    ]);

    const start = serialFromDay(dayFromIso('2024-03-14')!);
    const asOf = serialFromDay(dayFromIso('2025-06-01')!);
    const log: CellValue[][] = [
      ['Date', 'Format', 'Hours', 'Self-study hours', 'Proof'],
      [start + 30, 'Webinar', 2, '', 'Certificate'],
      ['2024-05-01', 'Online blended course', 1, 20, 'Certificate'],
      ['not a date', 'Webinar', -1, '', ''],
    ];
    const call = (name: string, ...args: unknown[]) => {
      try {
        return registered[name]!(...args);
      } catch (e) {
        return e instanceof Error ? `error: ${e.message}` : e;
      }
    };
    expect(call('RECERT_STATUS', 'NISM-SMS', start, log, asOf)).toMatch(/^IN PROGRESS: /);
    expect(typeof call('CREDITS_EARNED', 'nism-sms', start, log, asOf)).toBe('number');
    expect(typeof call('CREDITS_NEEDED', 'NAMSS-CPCS', '2024-03-14', log, asOf)).toBe('number');
    expect(call('CE_CREDITS', 'NISM-SMS', 'Online blended course', 3, 40)).toBe(5);
    expect(typeof call('RECERT_DEADLINE', 'ACSM-CPT', start)).toBe('number');
    expect(String(call('RECERT_STATUS', 'nope', start, log, asOf))).toMatch(/error: program/);
    expect(String(call('RECERT_STATUS', 'ACSM-CPT', start, [['x']], asOf))).toMatch(/error:/);
    expect(vm.runInContext('__attempts', context)).toEqual([]);
  });
});

// ---- 2. the pane page's Content Security Policy ----

interface Csp {
  [directive: string]: string[];
}

function cspOf(html: string): Csp | undefined {
  // Source and minified output differ in quoting (html-webpack-plugin drops needless quotes).
  const m = /<meta[^>]*\bhttp-equiv=["']?Content-Security-Policy["']?[^>]*\bcontent="([^"]+)"/i.exec(html);
  if (!m) return undefined;
  const csp: Csp = {};
  for (const part of m[1]!.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) csp[name.toLowerCase()] = values;
  }
  return csp;
}

describe('the pane page has a strict Content Security Policy', () => {
  const pages = [
    ['src/taskpane/taskpane.html', path.join(SRC, 'taskpane', 'taskpane.html')],
    ['dist/taskpane.html', path.join(DIST, 'taskpane.html')],
  ] as const;

  test.each(pages)('%s: scripts only from itself and the Office CDN, no eval, nothing else fetched', (_name, file) => {
    const html = fs.readFileSync(file, 'utf8');
    const csp = cspOf(html);
    expect(csp).toBeDefined();
    expect(csp!['default-src']).toEqual(["'self'"]);
    expect(csp!['script-src']).toEqual(["'self'", OFFICE_CDN]);
    expect(csp!['object-src']).toEqual(["'none'"]);
    expect(csp!['base-uri']).toEqual(["'none'"]);
    for (const [directive, values] of Object.entries(csp!)) {
      expect({
        directive,
        unsafeEval: values.includes("'unsafe-eval'"),
        wildcard: values.some((v) => v === '*' || v.startsWith('*') || v === 'https:' || v === 'http:'),
      }).toEqual({
        directive,
        unsafeEval: false,
        wildcard: false,
      });
      // Only our origin, data: images and Microsoft's Office CDN.
      for (const v of values) expect(["'self'", "'none'", "'unsafe-inline'", 'data:', OFFICE_CDN]).toContain(v);
    }
    expect(csp!['script-src']).not.toContain("'unsafe-inline'");
    expect(csp!['connect-src'] ?? csp!['default-src']).not.toContain('*');
    // Every script the page loads is allowed by it: our bundles (relative) and Office.js from the CDN.
    const scripts = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]!);
    expect(scripts).toContain(`${OFFICE_CDN}/lib/1/hosted/office.js`);
    for (const src of scripts) {
      expect(/^https?:/.test(src) ? src.startsWith(`${OFFICE_CDN}/`) : !src.startsWith('//')).toBe(true);
    }
    // No inline script (it would need 'unsafe-inline').
    expect(html.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

/** A stand-in for Office.js, served in place of the CDN's: the pane starts, its reads fail politely. */
const OFFICE_STUB = `
window.Office = { onReady: function (cb) { return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }).then(function (info) { if (cb) cb(info); return info; }); },
  context: { requirements: { isSetSupported: function () { return true; } }, displayLanguage: 'en-US', officeTheme: undefined } };
window.Excel = { run: function () { return Promise.reject(new Error('stub host: no workbook')); } };
window.CustomFunctions = { associate: function () {} };
`;

describeBrowser('the built pane page under its CSP in headless Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  async function load(variant?: (html: string) => string) {
    const page = await session.browser.newPage();
    const violations: string[] = [];
    const offsite: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
      );
    });
    await page.route(`${OFFICE_CDN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_STUB }),
    );
    if (variant) {
      const html = variant(fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8'));
      await page.route(`${session.url}/taskpane-variant.html`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: html }),
      );
    }
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(session.url) && !url.startsWith(`${OFFICE_CDN}/`) && !url.startsWith('data:'))
        offsite.push(url);
    });
    await page.goto(`${session.url}/${variant ? 'taskpane-variant.html' : 'taskpane.html'}`);
    // The pane rendered (React and Fluent ran): some text in #root, whatever the stub host says.
    await page.waitForFunction(
      () => (document.getElementById('root')?.textContent ?? '').trim().length > 0,
      undefined,
      { timeout: 15_000 },
    );
    await page.waitForTimeout(300);
    const styleElements = await page.evaluate(() => document.querySelectorAll('style').length);
    const text = await page.evaluate(() => document.getElementById('root')?.textContent ?? '');
    await page.close();
    return { violations, offsite, styleElements, text };
  }

  test('the pane starts with no CSP violation (no eval, no other host) and reaches no other host', async () => {
    const result = await load();
    expect(result.text).not.toMatch(/runs inside Excel/);
    // eslint-disable-next-line no-console
    console.log(
      `[security] pane under its CSP rendered: "${result.text.slice(0, 120)}", ${result.styleElements} <style> elements`,
    );
    expect(result.violations).toEqual([]);
    expect(result.offsite).toEqual([]);
  }, 60_000);

  test("'unsafe-inline' styles are needed: without them Fluent's run-time styles are refused", async () => {
    const strict = await load((html) => html.replace("style-src 'self' 'unsafe-inline'", "style-src 'self'"));
    // eslint-disable-next-line no-console
    console.log(
      `[security] pane under style-src 'self' only: ${strict.styleElements} <style> elements, ${strict.violations.length} violations; first: ${strict.violations[0] ?? 'none'}`,
    );
    expect(strict.violations.some((v) => /style-src/.test(v))).toBe(true);
  }, 60_000);
});

// ---- 3. no dangerouslySetInnerHTML, no network call but Office ----

const addinSources = filesUnder(
  SRC,
  (f) => /\.(tsx?|html)$/.test(f) && !f.startsWith(path.join(SRC, 'cli') + path.sep),
);

describe('the add-in code', () => {
  test('never sets HTML from strings (dangerouslySetInnerHTML, innerHTML, outerHTML, insertAdjacentHTML, document.write)', () => {
    const hits = addinSources.flatMap((f) => {
      const code = fs.readFileSync(f, 'utf8');
      return [
        ...code.matchAll(
          /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/g,
        ),
      ].map((m) => `${path.relative(ROOT, f)}: ${m[0]}`);
    });
    expect(hits).toEqual([]);
  });

  test('calls no network service: no fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon or import() of a URL outside src/cli', () => {
    expect(addinSources.length).toBeGreaterThan(20);
    const hits = addinSources.flatMap((f) => {
      const code = fs.readFileSync(f, 'utf8').replace(/^\s*(\*|\/\/).*$/gm, '');
      const found = [
        ...code.matchAll(
          /(?<![\w$.])fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|import\(\s*['"`]https?:|new\s+Worker\s*\(\s*['"`]https?:/g,
        ),
      ].map((m) => `${path.relative(ROOT, f)}: ${m[0]}`);
      // Any absolute URL the add-in loads must be Office's.
      for (const m of code.matchAll(/\bsrc=["'](https?:\/\/[^"']+)["']/g))
        if (!m[1]!.startsWith(`${OFFICE_CDN}/`)) found.push(`${path.relative(ROOT, f)}: ${m[1]}`);
      return found;
    });
    expect(hits).toEqual([]);
  });

  test.each(bundles)(
    'dist/%s: the built bundle holds no network API at all (fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon)',
    (bundle) => {
      const code = fs.readFileSync(path.join(DIST, bundle), 'utf8');
      expect(
        [...code.matchAll(/(?<![\w$.])fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/g)].map((m) =>
          code.slice(Math.max(0, m.index! - 60), m.index! + 40),
        ),
      ).toEqual([]);
    },
  );

  test('the scan would notice a network call', () => {
    const re = /(?<![\w$.])fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/;
    expect(re.test('await fetch("https://x")')).toBe(true);
    expect(re.test('navigator.sendBeacon(u)')).toBe(true);
    expect(re.test('prefetch(x); obj.fetch(y)')).toBe(false);
  });
});

// ---- 4. hyperlinks only for http(s) and mailto ----

const DANGEROUS = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(document.cookie)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'VBScript:Execute("x")',
  'ms-excel:ofe|u|https://evil.example/x.xlsx',
  'http:evil',
  'https:/\\evil',
  '\u0000javascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  // Paths open or run a file on the reviewer's machine or share: shown, never clickable.
  'file:///C:/proof/cert.pdf',
  'C:\\proof\\cert.pdf',
  '\\\\server\\share\\cert.pdf',
  '/home/ann/cert.pdf',
  'proof/cert.pdf',
];
const SAFE: [string, string][] = [
  ['https://example.com/cert.pdf', 'https://example.com/cert.pdf'],
  ['HTTP://example.com/a', 'HTTP://example.com/a'],
  ['mailto:someone@example.com', 'mailto:someone@example.com'],
];

describe('proof links become hyperlinks only for http(s) and mailto', () => {
  test.each(DANGEROUS)('%j stays plain text', (link) => {
    expect(proofLinkTarget(link)).toBeUndefined();
  });

  test.each(SAFE)('%j becomes a link to %j', (link, target) => {
    expect(proofLinkTarget(link)).toBe(target);
  });

  test('the summary sheet writes a hyperlink for the safe links only, and the others as text', async () => {
    const links = [...DANGEROUS.filter((l) => !/[\u0000\n\t]/.test(l)), ...SAFE.map(([l]) => l)];
    const rows: CellValue[][] = [['Date', 'Activity', 'Format', 'Hours', 'Proof', 'Proof link']];
    links.forEach((link, i) => rows.push(['2024-06-01', `Activity ${i}`, 'Webinar', 1, 'Certificate', link]));
    const book = new MemoryWorkbook({ Log: rows });
    const result = await generateSummary(book, {
      program: 'NISM-SMS',
      cycleStart: dayFromIso('2024-03-14')!,
      asOf: dayFromIso('2025-01-01')!,
    });
    if (!result.ok) throw new Error(result.message);
    const { rows: used, cols } = book.extent(result.entriesSheet);
    const hyperlinks: { text: CellValue; address: string }[] = [];
    const texts: CellValue[] = [];
    for (let r = 0; r < used; r++) {
      for (let c = 0; c < cols; c++) {
        const address = book.hyperlink(result.entriesSheet, r, c);
        if (address !== undefined) hyperlinks.push({ text: book.getValue(result.entriesSheet, r, c), address });
        else texts.push(book.getValue(result.entriesSheet, r, c));
      }
    }
    expect(hyperlinks.map((h) => h.address).sort()).toEqual(SAFE.map(([, t]) => t).sort());
    for (const h of hyperlinks) expect(h.address).toMatch(/^(https?:\/\/|mailto:)/i);
    // The refused links are still shown, as text.
    for (const link of links.filter((l) => proofLinkTarget(l) === undefined)) expect(texts).toContain(link.trim());
  });
});

// ---- 5. the manifest ----

describe('the manifest asks for the least it needs', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
  const manifests = [
    ['manifest.xml', path.join(ROOT, 'manifest.xml')],
    ['dist/manifest.xml', path.join(DIST, 'manifest.xml')],
  ] as const;

  test.each(manifests)("%s: ReadWriteDocument, and AppDomains only the add-in's own origin", (_name, file) => {
    const xml = fs.readFileSync(file, 'utf8');
    const app = parser.parse(xml).OfficeApp;
    expect(app.Permissions).toBe('ReadWriteDocument');
    expect(xml).not.toMatch(/ReadWriteMailbox|ReadItem|ReadWriteItem|Restricted/);
    const own = new URL(app.DefaultSettings.SourceLocation['@DefaultValue']).origin;
    const domains = ([] as string[]).concat(app.AppDomains?.AppDomain ?? []);
    for (const d of domains) expect(new URL(d).origin).toBe(own);
    // Every URL the manifest names is on the add-in's own origin (no third-party pages or scripts).
    for (const m of xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)) expect(new URL(m[1]!).origin).toBe(own);
  });
});

// ---- 6. npm audit --omit=dev ----

describe('npm audit --omit=dev', () => {
  test('reports no high or critical advisory, when the registry answers the audit endpoint', async () => {
    const { stdout, stderr, code, timedOut } = await new Promise<{
      stdout: string;
      stderr: string;
      code: number;
      timedOut: boolean;
    }>((resolve) => {
      execFile(
        'npm',
        ['audit', '--omit=dev', '--json'],
        { cwd: ROOT, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
        (error, out, err) =>
          resolve({
            stdout: out,
            stderr: err,
            code: error ? ((error as { code?: number }).code ?? 1) : 0,
            timedOut: Boolean(error && (error as { killed?: boolean }).killed),
          }),
      );
    });
    let report: {
      metadata?: { vulnerabilities?: Record<string, number> };
      error?: { code?: string; summary?: string; detail?: string };
      message?: string;
      statusCode?: number;
    } = {};
    try {
      report = JSON.parse(stdout);
    } catch {
      report = { message: stdout.slice(0, 300) };
    }
    const counts = report.metadata?.vulnerabilities;
    if (!counts) {
      // The endpoint did not answer (here: HTTP 405 from the registry mirror). Not a pass: reported as
      // not verifiable in docs/reliability.md, and shown on every run.
      const why = [
        report.message,
        report.error?.code,
        report.error?.summary,
        stderr.split('\n').find((l) => /audit/i.test(l)),
      ]
        .filter(Boolean)
        .join(' | ');
      // eslint-disable-next-line no-console
      console.warn(`[security] npm audit --omit=dev NOT VERIFIED here (exit ${code}): ${why}`);
      // Only an endpoint that did not answer excuses the missing report; anything else fails.
      expect(
        timedOut ||
          (report.statusCode ?? 0) >= 400 ||
          /audit endpoint returned an error|ENOAUDIT|EAI_AGAIN|ENOTFOUND|ECONNREFUSED/.test(
            `${stderr} ${report.error?.code ?? ''}`,
          ),
      ).toBe(true);
      return;
    }
    // eslint-disable-next-line no-console
    console.log(`[security] npm audit --omit=dev: ${JSON.stringify(counts)}`);
    expect({ high: counts.high ?? 0, critical: counts.critical ?? 0 }).toEqual({ high: 0, critical: 0 });
  }, 90_000);
});
