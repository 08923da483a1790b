/**
 * A plain editable grid of one sheet of the in-memory workbook: enough to try the pane, not a
 * spreadsheet. Every cell is a labelled input ("B7"); a committed edit goes through
 * `MemoryWorkbook.setCell`, which fires the change the pane listens to. A long sheet (a generated
 * `?rows=` log) is shown PAGE_ROWS rows at a time, so the page stays light whatever the log's size;
 * a selection made from the pane turns to the page that holds it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { dayFromSerial, isoFromDay } from '../core';
import type { MemoryWorkbook } from '../workbook/memory';
import { cellAddress, type RangeRef } from '../workbook/port';
import { DATE_FORMAT, parseInput } from './workbook';

const EXTRA_ROWS = 5;
const EXTRA_COLS = 2;
/** Rows rendered at once: every cell is an input, and a 100,000-row log would be millions of them. */
const PAGE_ROWS = 100;

function display(wb: MemoryWorkbook, sheet: string, row: number, col: number): string {
  const formula = wb.getFormula(sheet, row, col);
  if (formula !== undefined) return formula;
  const v = wb.getValue(sheet, row, col);
  if (typeof v === 'number' && wb.numberFormat(sheet, row, col) === DATE_FORMAT) {
    const day = dayFromSerial(v);
    if (day !== undefined) return isoFromDay(day);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v === null ? '' : String(v);
}

function Cell({
  wb,
  sheet,
  row,
  col,
  selected,
  inTable,
}: {
  wb: MemoryWorkbook;
  sheet: string;
  row: number;
  col: number;
  selected: boolean;
  inTable: boolean;
}) {
  const shown = display(wb, sheet, row, col);
  const [text, setText] = useState(shown);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => setText(shown), [shown]);
  useEffect(() => {
    if (selected) {
      ref.current?.focus();
      ref.current?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
  }, [selected]);
  const commit = () => {
    if (text === shown) return;
    const parsed = parseInput(text);
    if (parsed.date)
      void wb.apply([{ kind: 'setNumberFormat', sheet, range: { row, col, rows: 1, cols: 1 }, format: DATE_FORMAT }]);
    wb.setCell(sheet, row, col, parsed.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      commit();
      const next = document.querySelector<HTMLInputElement>(`input[aria-label="${cellAddress(row + 1, col)}"]`);
      next?.focus();
    } else if (e.key === 'Escape') {
      setText(shown);
    }
  };
  return (
    <td className={`cell${inTable ? ' in-table' : ''}${selected ? ' selected' : ''}`}>
      <input
        ref={ref}
        aria-label={cellAddress(row, col)}
        value={text}
        data-selected={selected || undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        spellCheck={false}
      />
    </td>
  );
}

export function Grid({
  wb,
  sheet,
  selection,
  version,
}: {
  wb: MemoryWorkbook;
  sheet: string;
  selection: RangeRef | undefined;
  version: number;
}) {
  const extent = wb.extent(sheet);
  const rows = extent.rows + EXTRA_ROWS;
  const cols = Math.max(extent.cols + EXTRA_COLS, 6);
  const tables = wb.tables().filter((t) => t.sheet === sheet);
  const inTable = (r: number, c: number) =>
    tables.some(
      (t) => r >= t.range.row && r < t.range.row + t.range.rows && c >= t.range.col && c < t.range.col + t.range.cols,
    );
  const isSelected = (r: number, c: number) => selection !== undefined && r === selection.row && c === selection.col;
  const rowSelected = (r: number) =>
    selection !== undefined && r >= selection.row && r < selection.row + selection.rows;
  const pages = Math.ceil(rows / PAGE_ROWS);
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [sheet]);
  useEffect(() => {
    if (selection) setPage(Math.min(Math.floor(selection.row / PAGE_ROWS), pages - 1));
  }, [selection]); // eslint-disable-line react-hooks/exhaustive-deps
  const shown = Math.min(page, pages - 1);
  const first = shown * PAGE_ROWS;
  const last = Math.min(rows, first + PAGE_ROWS);
  return (
    <>
      {pages > 1 && (
        <nav className="pager" aria-label="Rows">
          <button type="button" disabled={shown === 0} onClick={() => setPage(shown - 1)}>
            Previous rows
          </button>
          <span>
            Rows {(first + 1).toLocaleString('en-US')}–{last.toLocaleString('en-US')} of {rows.toLocaleString('en-US')}
          </span>
          <button type="button" disabled={shown === pages - 1} onClick={() => setPage(shown + 1)}>
            Next rows
          </button>
        </nav>
      )}
      <table className="grid" aria-label={`Sheet ${sheet}`} data-version={version}>
        <thead>
          <tr>
            <td className="corner" />
            {Array.from({ length: cols }, (_, c) => (
              <th key={c} scope="col">
                {cellAddress(0, c).replace(/\d+$/, '')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: last - first }, (_, i) => first + i).map((r) => (
            <tr key={r} className={rowSelected(r) ? 'row-selected' : undefined}>
              <th scope="row">{r + 1}</th>
              {Array.from({ length: cols }, (_, c) => (
                <Cell
                  key={c}
                  wb={wb}
                  sheet={sheet}
                  row={r}
                  col={c}
                  selected={isSelected(r, c)}
                  inTable={inTable(r, c)}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
