/** What `ce-ledger check` prints: a readable report, or one JSON object with `--json`. */
import { formatCredits, isoFromDay, type Evaluation, type Program } from '../core';
import { describeCap } from '../core/caps';
import { credentialOverview, type CredentialResult } from '../core/credentials';
import { fateAmount, type Fate, type RowFate } from '../core/fates';
import { rowName, rowOrigin } from '../workbook/log-locator';
import { cellAddress } from '../workbook/port';
import type { LogLocation } from '../summary';

export interface CheckJson {
  file: string;
  sheet: string;
  program: string;
  cycleStart: string;
  asOf: string;
  /** The status keyword: IN PROGRESS, COMPLETE, READY, GRACE, LAPSED or EXPIRED. */
  status: string;
  statusLine: string;
  earned: number;
  needed: number;
  required: number;
  deadline: string;
  /** Data rows read (fully empty rows are not counted). */
  entries: number;
  /** `sheet` and `row` are the row's own (a log kept a sheet per year numbers each sheet's rows). */
  problems: { sheet: string; row: number; column: string; cell: string | undefined; message: string }[];
  /** Sheet rows of entries without the proof the program asks for (on `missingProofAt`'s sheets). */
  missingProof: number[];
  missingProofAt: { sheet: string; row: number }[];
  /** Sheet rows whose proof is held but not enough (an assessment below the pass score). */
  insufficientProof: number[];
  insufficientProofAt: { sheet: string; row: number }[];
  minimums: { id: string; label: string; required: number; counted: number; shortfall: number }[];
  categories: { format: string; entries: number; claimed: number; counted: number; clipped: number; cap: string }[];
  /** `rows` are sheet rows; `rowsAt` names each with its sheet (a log kept a sheet per year). */
  checklist: {
    id: string;
    label: string;
    done: boolean;
    detail: string;
    rows: number[];
    rowsAt: { sheet: string; row: number }[];
  }[];
  hints: string[];
  /** Checklist items still open that keep the application from being ready. */
  openItems: number;
  /** One object per non-blank data row: what became of it and why. */
  rows: CheckRow[];
}

export interface CheckRow {
  sheet: string;
  row: number;
  fate: Fate;
  claimed: number;
  counted: number;
  /** Why it is not counted in full; empty for a row that counts in full. */
  reasons: string[];
}

/** How the text report shows its long lists. */
export interface ReportOptions {
  /** Every item of every list (`--all`); otherwise the first `LIST_LIMIT` and a count of the rest. */
  all?: boolean;
}

/** Items of one list shown in the text report without --all. */
export const LIST_LIMIT = 20;

/** The cell, qualified by its sheet when the log spans several (a sheet per year). */
function problemCell(log: LogLocation, columnIndex: number | undefined, row: number): string | undefined {
  if (columnIndex === undefined) return undefined;
  if (log.parts.length < 2) return cellAddress(row - 1, log.range.col + columnIndex);
  const at = rowOrigin(log, row);
  const part = log.parts.find((p) => p.sheet === at.sheet)!;
  // A later sheet may keep the columns in another order: the column is its own sheet's.
  const col = part.columns[columnIndex] ?? columnIndex;
  if (col < 0) return undefined;
  return `'${at.sheet.replace(/'/g, "''")}'!${cellAddress(at.row - 1, part.range.col + col)}`;
}

export function checkJson(file: string, ev: Evaluation, log: LogLocation): CheckJson {
  const at = (state: string) => ev.proofIssues.filter((p) => p.state === state).map((p) => rowOrigin(log, p.row));
  const missing = at('missing');
  const weak = at('insufficient');
  return {
    file,
    sheet: log.sheet,
    program: ev.program.id,
    cycleStart: isoFromDay(ev.cycle.cycleStart),
    asOf: isoFromDay(ev.asOf),
    status: ev.status.keyword,
    statusLine: ev.status.line,
    earned: ev.earned,
    needed: ev.needed,
    required: ev.required,
    deadline: isoFromDay(ev.cycle.deadline),
    entries: ev.rowsRead,
    problems: ev.problems.map((p) => ({
      ...rowOrigin(log, p.row),
      column: p.column,
      cell: problemCell(log, p.columnIndex, p.row),
      message: p.message,
    })),
    missingProof: missing.map((p) => p.row),
    missingProofAt: missing,
    insufficientProof: weak.map((p) => p.row),
    insufficientProofAt: weak,
    minimums: ev.minimums.map((m) => ({
      id: m.id,
      label: m.label,
      required: m.required,
      counted: m.counted,
      shortfall: m.shortfall,
    })),
    categories: ev.categories.map((c) => ({
      format: c.label,
      entries: c.entries,
      claimed: c.claimed,
      counted: c.counted,
      clipped: c.clipped,
      cap: c.cap,
    })),
    checklist: ev.checklist.map((c) => {
      const rowsAt = c.rows.map((r) => rowOrigin(log, r));
      return { id: c.id, label: c.label, done: c.done, detail: c.detail, rows: rowsAt.map((r) => r.row), rowsAt };
    }),
    hints: ev.hints,
    openItems: ev.status.openItems,
    rows: ev.rows.map((f) => ({
      ...rowOrigin(log, f.row),
      fate: f.fate,
      claimed: f.claimed,
      counted: f.counted,
      reasons: f.reasons,
    })),
  };
}

/** "rows 3, 5" on a log of one sheet; each with its sheet on a log kept a sheet per year. */
function rowList(log: LogLocation, rows: readonly number[]): string {
  if (log.parts.length > 1) return rows.map((r) => rowName(log, r)).join(', ');
  return rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.join(', ')}`;
}

/** The first items of a long list and a line saying how many more `--all` would print. */
function limited<T>(items: readonly T[], all: boolean, what: string): { shown: readonly T[]; rest: string[] } {
  if (all || items.length <= LIST_LIMIT) return { shown: items, rest: [] };
  const more = items.length - LIST_LIMIT;
  return { shown: items.slice(0, LIST_LIMIT), rest: [`  … and ${more} more ${what} (--all prints every one)`] };
}

/** One row's line in the Not counted / Partly counted lists: the row, its title, how much, and why. */
function fateLine(log: LogLocation, f: RowFate): string {
  const title = f.activity
    ? ` ${JSON.stringify(f.activity.length > 40 ? f.activity.slice(0, 40) + '…' : f.activity)}`
    : '';
  const amount = fateAmount(f);
  return `  ${rowName(log, f.row)}${title}: ${amount ? `${amount}: ` : ''}${f.reasons.join('; ')}`;
}

export function checkReport(file: string, ev: Evaluation, log: LogLocation, options: ReportOptions = {}): string {
  const unit = ev.program.creditUnit;
  const c = (n: number) => formatCredits(n);
  const all = options.all === true;
  const lines: string[] = [];
  lines.push(`${file}: sheet "${log.sheet}", ${ev.rowsRead} ${ev.rowsRead === 1 ? 'row' : 'rows'} read`);
  lines.push(`Program  ${ev.program.id}: ${ev.program.name}`);
  lines.push(
    `Cycle    ${isoFromDay(ev.cycle.cycleStart)} to ${isoFromDay(ev.cycle.windowEnd)}; deadline ${isoFromDay(ev.cycle.deadline)}; as of ${isoFromDay(ev.asOf)}`,
  );
  lines.push('');
  lines.push(`Status   ${ev.status.actionLine}`);
  const open = ev.checklist.filter((x) => x.blocking);
  if (ev.status.met && open.length)
    lines.push(
      `         ${open.length} ${open.length === 1 ? 'item' : 'items'} to resolve before you apply: ${open.map((x) => x.label).join('; ')}`,
    );
  lines.push(`Credits  ${c(ev.earned)} counted of ${c(ev.required)} required; ${c(ev.needed)} still needed`);
  for (const m of ev.minimums) {
    lines.push(
      `         ${m.label}: ${c(m.counted)} of ${c(m.required)}${m.shortfall ? `, ${c(m.shortfall)} short` : ''}`,
    );
  }
  if (ev.carriedOver) lines.push(`         includes ${c(ev.carriedOver)} carried over`);
  if (ev.categories.length) {
    lines.push('');
    lines.push(`By format (${unit} counted / claimed)`);
    const width = Math.max(...ev.categories.map((x) => x.label.length));
    for (const x of ev.categories) {
      const cap = x.cap ? `  cap ${x.cap}` : '';
      const clipped = x.clipped ? `, ${c(x.clipped)} clipped` : '';
      lines.push(`  ${x.label.padEnd(width)}  ${c(x.counted)} / ${c(x.claimed)}${cap}${clipped}`);
    }
    for (const u of ev.caps.filter((x) => x.exemption)) lines.push(`  ${u.exemption}`);
  }
  if (ev.problems.length) {
    lines.push('');
    lines.push('Problems (these rows count for nothing until fixed)');
    const { shown, rest } = limited(ev.problems, all, 'problems');
    for (const p of shown) {
      const cell = problemCell(log, p.columnIndex, p.row);
      lines.push(`  ${rowName(log, p.row)}${cell ? ` (${cell})` : ''}: ${p.message}`);
    }
    lines.push(...rest);
  }
  const missing = ev.proofIssues.filter((p) => p.state === 'missing');
  const weak = ev.proofIssues.filter((p) => p.state === 'insufficient');
  if (missing.length || weak.length) {
    lines.push('');
    if (missing.length) {
      const { shown } = limited(missing, all, '');
      const more = missing.length - shown.length;
      lines.push(
        `Missing proof: ${rowList(
          log,
          shown.map((p) => p.row),
        )}${more ? ` and ${more} more (--all prints every one)` : ''}`,
      );
    }
    const { shown, rest } = limited(weak, all, 'rows with insufficient proof');
    for (const p of shown) lines.push(`Insufficient proof: ${rowName(log, p.row)}: ${p.message}`);
    lines.push(...rest);
  }
  const fateList = (title: string, rows: RowFate[], what: string) => {
    if (!rows.length) return;
    lines.push('');
    lines.push(`${title} (${rows.length})`);
    const { shown, rest } = limited(rows, all, what);
    for (const f of shown) lines.push(fateLine(log, f));
    lines.push(...rest);
  };
  fateList(
    'Not counted',
    ev.rows.filter((f) => f.fate === 'not counted'),
    'rows not counted',
  );
  fateList(
    'Partly counted',
    ev.rows.filter((f) => f.fate === 'partly counted'),
    'rows partly counted',
  );
  if (ev.checklist.length) {
    lines.push('');
    lines.push('Checklist');
    for (const item of ev.checklist)
      lines.push(`  [${item.done ? 'x' : item.state === 'not checked' ? '?' : ' '}] ${item.label}: ${item.detail}`);
  }
  if (ev.hints.length) {
    lines.push('');
    for (const h of ev.hints) lines.push(`- ${h}`);
  }
  return lines.join('\n') + '\n';
}

export function programsReport(programs: readonly Program[]): string {
  const width = Math.max(...programs.map((p) => p.id.length));
  return (
    programs
      .map((p) => `${p.id.padEnd(width)}  ${p.name}\n${' '.repeat(width)}  ${programRequirements(p)}`)
      .join('\n') + '\n'
  );
}

export function programRequirements(p: Program): string {
  const parts = [`${formatCredits(p.required)} ${p.creditUnit}`];
  const per = p.requiredPerFact;
  if (per) {
    const fact = p.facts.find((f) => f.id === per.fact)?.label ?? per.fact;
    parts[0] += ` (+${formatCredits(per.credits)} × "${fact}", counted up to ${per.maxCount})`;
  }
  for (const m of p.minimums)
    parts.push(
      `at least ${formatCredits(m.credits)} ${m.label}${m.period === 'cycleYear' ? ' each cycle year' : m.period === 'calendarYear' ? ' each calendar year' : ''}`,
    );
  if (p.minEntries) parts.push(`at least ${p.minEntries} entries`);
  if (p.perEntryCap !== undefined) parts.push(`at most ${formatCredits(p.perEntryCap)} per entry`);
  for (const cap of p.caps) {
    const label = cap.label
      .replace(/,?\s*(cycle year )?\{year\}/, '')
      .replace('{format}', 'each format')
      .replace('{year}', '');
    parts.push(
      `${label}: at most ${describeCap(cap, p.required, p.creditUnit)}${cap.exempt ? ' (some providers exempt)' : ''}`,
    );
  }
  return parts.join('; ');
}

/** A credential's `check --json` object: the fields of a one-credential check, and its rows for other credentials. */
export type CredentialJson = CheckJson & { otherRows: number[]; coveredBy?: string };

export function credentialsJson(
  file: string,
  results: readonly CredentialResult[],
  log: LogLocation,
): CredentialJson[] {
  return results.map((r) => ({
    ...checkJson(file, r.evaluation, log),
    otherRows: r.otherRows,
    // The body asks only another of its credentials' requirement (sharedCredentials: highestLevel).
    ...(r.coveredBy === undefined ? {} : { coveredBy: results[r.coveredBy]!.program.id }),
  }));
}

/**
 * Several credentials: an overview line each, then each credential's own report. Entries whose Category
 * names other credentials only are listed, since that credential's report does not show them.
 */
export function credentialsReport(
  file: string,
  results: readonly CredentialResult[],
  log: LogLocation,
  options: ReportOptions = {},
): string {
  const overview = credentialOverview(results);
  const lines = [`Credentials (${results.length})`, ...overview.map((o) => `  ${o.summary}`), ''];
  results.forEach((r, i) => {
    lines.push(`== Credential ${i + 1}: ${r.program.id} ==`);
    lines.push(checkReport(file, r.evaluation, log, options).trimEnd());
    if (r.otherRows.length) lines.push('', `For other credentials only (Category): ${rowList(log, r.otherRows)}`);
    lines.push('');
  });
  return lines.join('\n');
}
