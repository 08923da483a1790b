/**
 * `ce-ledger summary --pdf`: the summary's sheets rendered by LibreOffice, checked from the PDF's own
 * word boxes (pdftotext -bbox-layout): no printed word under 8 pt, no two words on top of each other,
 * nothing past the page's edge, and the status, totals and certificant's name on the first page. For
 * the sample tracker, a log of long titles and notes, and a NAMSS log of 30 rows.
 *
 * Without LibreOffice or poppler the test fails on CI (process.env.CI) and is skipped locally.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { findSoffice } from '../../src/summary/pdf';
import type { CellValue } from '../../src/workbook/port';
import { run, tempDir, writeWorkbook } from '../cli/helpers';
import { LOG_HEADERS, profileRows, serial } from './fixtures';

const soffice = findSoffice();
const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).stdout.trim() || undefined;

interface Word {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}
interface Page {
  width: number;
  height: number;
  words: Word[];
}

function pages(pdf: string): Page[] {
  const html = spawnSync(pdftotext!, ['-bbox-layout', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }).stdout;
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p, page) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    words: [
      ...p[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
    ].map((w) => ({
      page,
      x0: Number(w[1]),
      y0: Number(w[2]),
      x1: Number(w[3]),
      y1: Number(w[4]),
      text: w[5]!
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
    })),
  }));
}

/**
 * A word's box is its font's ascent to descent: about 1.05 to 1.1 times the font size in the fonts
 * LibreOffice prints with, so a word printed under 8 pt has a box under 8.4 pt.
 */
const MIN_BOX = 8 * 1.05;

function expectPrintable(doc: Page[]): void {
  expect(doc.length).toBeGreaterThan(0);
  const small: Word[] = [];
  const outside: Word[] = [];
  const overlapping: [Word, Word][] = [];
  for (const page of doc) {
    for (const w of page.words) {
      if (w.y1 - w.y0 < MIN_BOX) small.push(w);
      if (w.x0 < 0 || w.y0 < 0 || w.x1 > page.width || w.y1 > page.height) outside.push(w);
    }
    // Two words overlap when their boxes share more than a sliver: lines of one wrapped cell touch by
    // their ascent and descent (about a tenth of a line), which is not text printed over text.
    const words = [...page.words].sort((a, b) => a.x0 - b.x0);
    for (let i = 0; i < words.length; i++) {
      const a = words[i]!;
      for (let j = i + 1; j < words.length && words[j]!.x0 < a.x1; j++) {
        const b = words[j]!;
        const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (dx > 0.5 && dy > 0.3 * Math.min(a.y1 - a.y0, b.y1 - b.y0)) overlapping.push([a, b]);
      }
    }
  }
  expect(small).toEqual([]);
  expect(outside).toEqual([]);
  expect(overlapping).toEqual([]);
}

/** The words printed on the line of the first word `text` on a page, left to right. */
function lineOf(page: Page, text: string): string[] {
  const word = page.words.find((w) => w.text === text)!;
  const middle = (w: Word) => (w.y0 + w.y1) / 2;
  return page.words
    .filter((w) => Math.abs(middle(w) - middle(word)) < 3)
    .sort((a, b) => a.x0 - b.x0)
    .map((w) => w.text);
}

/** The words of page 1, in order, as one text. */
const firstPage = (doc: Page[]) => doc[0]!.words.map((w) => w.text).join(' ');

const available = soffice !== undefined && pdftotext !== undefined;
if (!available) {
  if (process.env.CI) {
    test('LibreOffice and poppler-utils are installed for the PDF test', () => {
      throw new Error('soffice or pdftotext not found: .ci/run must install libreoffice-calc-nogui and poppler-utils');
    });
  } else {
    // eslint-disable-next-line no-console
    console.warn(
      'pdf.test.ts skipped: soffice or pdftotext not found (apt-get install libreoffice-calc-nogui poppler-utils)',
    );
    test.skip('summary --pdf (LibreOffice not installed)', () => undefined);
  }
} else {
  jest.setTimeout(300_000);

  describe('ce-ledger summary --pdf: pages a reviewer can read', () => {
    let dir: string;
    beforeAll(() => {
      dir = tempDir('ce-pdf-');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    async function summaryPdf(input: string, name: string, extra: string[]): Promise<{ doc: Page[]; stdout: string }> {
      const r = await run(['summary', input, '--pdf', `${name}.pdf`, ...extra], dir);
      if (r.code !== 0) throw new Error(r.stderr);
      expect(existsSync(join(dir, `${name}.pdf`))).toBe(true);
      expect(
        readFileSync(join(dir, `${name}.pdf`))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      return { doc: pages(join(dir, `${name}.pdf`)), stdout: r.stdout };
    }

    test('the sample tracker', async () => {
      copyFileSync(join(__dirname, '..', '..', 'assets', 'sample-tracker.xlsx'), join(dir, 'sample.xlsx'));
      const { doc, stdout } = await summaryPdf('sample.xlsx', 'sample', ['--as-of', '2026-11-23']);
      expectPrintable(doc);
      const status = stdout.trim().split('\n').pop()!;
      const page1 = firstPage(doc);
      expect(page1).toContain(status);
      expect(page1).toContain('Jordan Rivera');
      expect(lineOf(doc[0]!, 'All')).toEqual(['All', 'credits', '20', '18', '2']);
      // The summary in portrait, the entries in landscape; the page numbers printed.
      expect(doc[0]!.width).toBeLessThan(doc[0]!.height);
      expect(doc[doc.length - 1]!.width).toBeGreaterThan(doc[doc.length - 1]!.height);
      // Each page names its sheet and its page of that sheet, numbered from 1 on each sheet.
      const numbers = { 'CE Summary': 0, 'CE Entries': 0 };
      for (const page of doc) {
        const sheet = page.width < page.height ? 'CE Summary' : 'CE Entries';
        numbers[sheet] += 1;
        expect(page.words.map((w) => w.text).join(' ')).toContain(`${sheet}, page ${numbers[sheet]}`);
      }
      expect(numbers['CE Summary']).toBeGreaterThan(0);
      expect(numbers['CE Entries']).toBeGreaterThan(0);
      // The entries' header row is repeated on every entries page.
      for (const page of doc.filter((p) => p.width > p.height))
        expect(page.words.map((w) => w.text).join(' ')).toContain('Credits claimed');
    });

    test('long titles, providers, notes and proof links', async () => {
      const rows: CellValue[][] = [LOG_HEADERS];
      for (let i = 0; i < 24; i++) {
        rows.push([
          serial('2025-04-01') + i * 20,
          `A very long activity title number ${i} about measuring campaigns across many platforms, audiences and regions, with workshops`,
          `Provider of continuing education with a long name ${i}`,
          i % 3 === 0 ? 'Online blended course' : 'Webinar',
          2 + (i % 4),
          i % 3 === 0 ? 10 : '',
          'Social Media Strategy',
          i % 5 === 0 ? '' : 'yes',
          i % 4 === 0 ? '' : 'Certificate',
          '',
          `https://certificates.example.com/verify/${'x'.repeat(40)}/${i}/certificate-of-completion.pdf`,
          `Notes ${i}: ${'remember to ask the provider for the attendance letter '.repeat(3)}`,
        ]);
      }
      await writeWorkbook(join(dir, 'long.xlsx'), {
        'CE Profile': profileRows('NISM-SMS', serial('2025-03-01'), 'Alexandra Catherine Montgomery-Fitzwilliam'),
        'CE Log': rows,
      });
      const { doc, stdout } = await summaryPdf('long.xlsx', 'long', ['--as-of', '2026-06-01']);
      expectPrintable(doc);
      const page1 = firstPage(doc);
      expect(page1).toContain(stdout.trim().split('\n').pop()!);
      expect(page1).toContain('Alexandra Catherine Montgomery-Fitzwilliam');
      expect(page1).toContain('All credits');
      // Every long title is printed to its last word (wrapped, not cut off by its row).
      const words = doc.flatMap((p) => p.words.map((w) => w.text));
      // The number after "number" in each title: the next word on its line, or the first of the next line
      // (cells are aligned to the top, so other columns' words share the title's lines in reading order).
      const numbered = doc.flatMap((p) =>
        p.words
          .filter((w) => w.text === 'number')
          .flatMap((w) => {
            const line = w.y1 - w.y0;
            const next = p.words
              .filter(
                (n) =>
                  /^\d+$/.test(n.text) &&
                  ((Math.abs(n.y0 - w.y0) < 1 && n.x0 > w.x1 && n.x0 - w.x1 < 10) ||
                    (n.y0 > w.y0 + line / 2 && n.y0 < w.y0 + 2 * line && n.x0 < w.x0)),
              )
              .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)[0];
            return next ? [next.text] : [];
          }),
      );
      expect(numbered.sort()).toEqual(Array.from({ length: 24 }, (_, i) => String(i)).sort());
      expect(words.filter((w) => w === 'workshops')).toHaveLength(24);
    });

    test('a NAMSS log of 30 rows', async () => {
      const rows: CellValue[][] = [
        ['Completion date', 'Course title', 'Sponsor', 'Type', 'CE hours', 'Approved', 'Certificate', 'Location'],
      ];
      for (let i = 0; i < 30; i++) {
        rows.push([
          serial('2024-02-01') + i * 25,
          `Credentialing topic ${i + 1}`,
          i % 2 ? 'NAMSS' : 'State association',
          i % 3 ? 'Webinar' : 'Live event',
          1 + (i % 3),
          i % 2 ? 'yes' : 'no',
          'Certificate',
          'Austin, TX',
        ]);
      }
      await writeWorkbook(join(dir, 'namss.xlsx'), {
        'CE Profile': profileRows('NAMSS-CPCS', serial('2024-01-15'), 'Pat Morgan'),
        Tracker: rows,
      });
      const { doc, stdout } = await summaryPdf('namss.xlsx', 'namss', ['--as-of', '2025-06-01']);
      expectPrintable(doc);
      const page1 = firstPage(doc);
      expect(page1).toContain(stdout.trim().split('\n').pop()!);
      expect(page1).toContain('Pat Morgan');
      expect(page1).toContain('All credits');
      expect(page1).toMatch(/NAMSS-approved credits \(minimum\)/);
    });

    test('two credentials: a section each and their columns on the entries pages, all printable', async () => {
      const rows: CellValue[][] = [['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Category', 'Proof']];
      const marks = ['', 'ISC2-CISSP', 'COMPTIA-SECURITYPLUS'];
      for (let i = 0; i < 18; i++)
        rows.push([
          serial('2025-02-01') + i * 20,
          `Security activity ${i} on incident response, threat modelling and cloud architecture`,
          i % 2 ? 'SANS Institute' : 'ISSA chapter',
          i % 3 === 2 ? 'Training course' : i % 2 ? 'Webinar' : 'Conference',
          2 + (i % 3),
          marks[i % 3]!,
          'Certificate',
        ]);
      await writeWorkbook(join(dir, 'two.xlsx'), {
        'CE Profile': [
          ...profileRows('ISC2-CISSP', serial('2025-01-01'), 'Sam Ortiz'),
          ['Credential 2 program', 'COMPTIA-SECURITYPLUS'],
          ['Credential 2 cycle start', serial('2024-11-01')],
        ],
        'CE Log': rows,
      });
      const { doc, stdout } = await summaryPdf('two.xlsx', 'two', ['--as-of', '2026-01-15']);
      expectPrintable(doc);
      const page1 = firstPage(doc);
      expect(page1).toContain(stdout.trim().split('\n').pop()!);
      expect(page1).toContain('Sam Ortiz');
      const all = doc.map((p) => p.words.map((w) => w.text).join(' ')).join(' ');
      expect(all).toContain('Credential 1: ISC2-CISSP');
      expect(all).toContain('Credential 2: COMPTIA-SECURITYPLUS');
      // The second credential's block starts a page: above its heading only the page header prints.
      const portrait = doc.filter((p) => p.width < p.height);
      const at = portrait.find((p) =>
        p.words.some((w, i) => w.text === 'Credential' && p.words[i + 1]?.text === '2:'),
      )!;
      expect(at).toBeDefined();
      expect(at).not.toBe(portrait[0]);
      const heading = at.words.find((w, i) => w.text === 'Credential' && at.words[i + 1]?.text === '2:')!;
      const header = at.words.filter((w) => w.y1 < heading.y0).map((w) => w.text);
      expect(header.join(' ')).toBe('CE summary: Sam Ortiz, ISC2-CISSP, COMPTIA-SECURITYPLUS, as of 2026-01-15');
      // The entries pages carry both credentials' columns, their header repeated on each.
      // (A header wraps at its hyphen, and pdftotext reads wrapped headers line by line: words, not phrases.)
      for (const page of doc.filter((p) => p.width > p.height)) {
        const words = page.words.map((w) => w.text);
        expect(words).toEqual(expect.arrayContaining(['ISC2-CISSP', 'claimed', 'counted', 'fate']));
        expect(words.filter((w) => w === 'counted').length).toBeGreaterThanOrEqual(3);
        expect(words.some((w) => /SECURITYPLUS$/.test(w))).toBe(true);
      }
    });

    test('without LibreOffice: one line saying how to get it, exit 2, nothing written', async () => {
      const r = await run(['summary', 'namss.xlsx', '--pdf', 'none.pdf'], dir, { soffice: null });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^ce-ledger: PDF output needs LibreOffice \(soffice\).*install it.*\n$/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(join(dir, 'none.pdf'))).toBe(false);
    });
  });
}
