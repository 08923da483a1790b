/**
 * The summary as a PDF, for the command line: the summary's two sheets alone (their formulas refer
 * only to each other) rendered by LibreOffice, headless, with a private profile so that it neither
 * reads nor disturbs the user's own LibreOffice settings or a running instance.
 */
import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { pathToFileURL } from 'url';
import type { WorkbookOp } from '../workbook/port';
import { XlsxWorkbook } from '../workbook/xlsx';
import { breakableLink, ENTRIES_FONT, type SummaryLayout } from './summary-sheet';

/** What to tell a user without LibreOffice (one line). */
export const NO_SOFFICE =
  'PDF output needs LibreOffice (soffice), which was not found: install it (https://www.libreoffice.org/download, or apt-get install libreoffice-calc-nogui) or set CE_LEDGER_SOFFICE to its path, then run again';

/** The LibreOffice program: CE_LEDGER_SOFFICE when set (empty means none), else soffice or libreoffice on the PATH. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.CE_LEDGER_SOFFICE;
  if (given !== undefined) return given !== '' && existsSync(given) ? given : undefined;
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  if (process.platform === 'darwin') dirs.push('/Applications/LibreOffice.app/Contents/MacOS');
  for (const dir of dirs) for (const name of names) if (existsSync(path.join(dir, name))) return path.join(dir, name);
  return undefined;
}

/**
 * The workbook to print: only the summary's sheets, from a whole written workbook, with the proof links
 * as plain text (on paper nothing is clicked, and LibreOffice prints a link's text unwrapped).
 */
export async function printableSummary(xlsx: Buffer, plan: { sheet: string; layout: SummaryLayout }): Promise<Buffer> {
  const port = await XlsxWorkbook.fromBuffer(xlsx);
  const { entries } = plan.layout;
  const keep = new Set([plan.sheet, entries.sheet].map((s) => s.toLowerCase()));
  const snapshot = await port.read({ sheets: [entries.sheet] });
  const ops: WorkbookOp[] = snapshot.sheetNames
    .filter((s) => !keep.has(s.toLowerCase()))
    .map((name) => ({ kind: 'deleteSheet' as const, name }));
  const data = snapshot.sheets[entries.sheet];
  const col = entries.columns.indexOf('Proof link');
  if (data && col >= 0 && entries.count > 0) {
    const links = Array.from({ length: entries.count }, (_, i) => {
      const text = data.values[entries.first + i - data.row]?.[col - data.col] ?? '';
      return [typeof text === 'string' ? breakableLink(text, entries.widths[col]!, ENTRIES_FONT) : text];
    });
    ops.push({ kind: 'setValues', sheet: entries.sheet, row: entries.first, col, values: links });
  }
  await port.apply(ops);
  // exceljs reads no page breaks: each further credential's block starts a page again, as written.
  const summary = (await port.load()).getWorksheet(plan.sheet);
  for (const block of plan.layout.credentials?.slice(1) ?? [])
    if (block.heading > 0) summary?.getRow(block.heading).addPageBreak();
  return port.toBuffer();
}

/** Renders an .xlsx workbook to PDF with LibreOffice; throws with LibreOffice's own words when it fails. */
export async function renderPdf(xlsx: Buffer, soffice: string): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ce-ledger-pdf-'));
  try {
    const input = path.join(dir, 'summary.xlsx');
    await fs.writeFile(input, xlsx);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const args = [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input,
    ];
    const output = await new Promise<string>((resolve, reject) =>
      execFile(soffice, args, { timeout: 300_000, windowsHide: true }, (error, stdout, stderr) =>
        error
          ? reject(
              new Error(
                `LibreOffice could not make the PDF: ${(stderr || stdout || error.message).trim().split('\n')[0]}`,
              ),
            )
          : resolve(stdout),
      ),
    );
    const pdf = await fs.readFile(path.join(dir, 'summary.pdf')).catch(() => undefined);
    if (!pdf) throw new Error(`LibreOffice made no PDF: ${output.trim().split('\n')[0] || 'no output'}`);
    return pdf;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
