/**
 * The summary stands alone: written with the xlsx adapter and read back with exceljs (which never
 * recalculates), every formula cell carries a number, and each equals the Evaluation's figure. And
 * the attestation block: who, which program and cycle, until when proof is kept, signature and date.
 */
import ExcelJS from 'exceljs';
import { evaluateLog, findProgram, isoFromDay, type Evaluation } from '../../src/core';
import { generateSummary, type GenerateSummaryResult } from '../../src/summary';
import type { CellValue } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { AS_OF, CYCLE_START, day, nismLog, profileRows, serial } from './fixtures';

type Written = Extract<GenerateSummaryResult, { ok: true }>;

async function written(
  log: CellValue[][],
  profile: CellValue[][],
  options = {},
): Promise<{ result: Written; book: ExcelJS.Workbook }> {
  const port = XlsxWorkbook.create('CE Log');
  await port.apply([
    { kind: 'setValues', sheet: 'CE Log', row: 0, col: 0, values: log },
    { kind: 'addSheet', name: 'CE Profile' },
    { kind: 'setValues', sheet: 'CE Profile', row: 0, col: 0, values: profile },
  ]);
  const result = await generateSummary(port, { asOf: day(AS_OF), ...options });
  if (!result.ok) throw new Error(result.message);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await port.toBuffer()) as unknown as ExcelJS.Buffer);
  return { result, book };
}

/** Every formula cell of a sheet: address → cached result. */
function formulaResults(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      // `cell.result`, not `cell.value.result`: exceljs's value object leaves out a cached 0.
      if (cell.type === ExcelJS.ValueType.Formula) out.set(cell.address, cell.result);
    }),
  );
  return out;
}

const at = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;

function expectAllNumbersEqualEvaluation(result: Written, book: ExcelJS.Workbook, ev: Evaluation): void {
  const summary = formulaResults(book.getWorksheet(result.sheet)!);
  const entries = formulaResults(book.getWorksheet(result.entriesSheet)!);
  // A number in every formula cell: no reader shows a blank total.
  for (const [address, value] of [...summary, ...entries])
    expect({ address, value: typeof value }).toEqual({ address, value: 'number' });

  // Each figure, where the layout puts it, equals the Evaluation's.
  const expected = new Map<string, number>();
  const { totals, categories, entries: e } = result.layout;
  expected.set(at(totals.all, 2), ev.earned);
  expected.set(at(totals.all, 3), Math.max(0, Number((ev.required - ev.earned).toFixed(2))));
  for (const m of totals.minimums) {
    const minimum = ev.minimums.find((x) => x.id === m.id)!;
    if (summary.has(at(m.row, 2))) {
      expected.set(at(m.row, 2), minimum.counted);
      expected.set(at(m.row, 3), minimum.shortfall);
    }
  }
  expected.set(at(totals.needed, 3), ev.needed);
  ev.categories.forEach((c, i) => {
    const r = categories.first + i;
    [c.counted, c.claimed, c.clipped, c.entries].forEach((v, k) => expected.set(at(r, 1 + k), v));
  });
  // Every formula cell of the summary sheet is one of these figures, and every figure is there.
  expect(new Map([...summary].sort())).toEqual(new Map([...expected].sort()));
  const claimedCol = e.columns.indexOf('Credits claimed');
  expect(entries).toEqual(
    new Map([
      [at(e.total, claimedCol), Number(ev.entries.reduce((s, x) => s + x.claimed, 0).toFixed(6))],
      [at(e.total, claimedCol + 1), ev.earned - ev.carriedOver],
    ]),
  );
}

describe('the summary stands alone (exceljs reads cached results)', () => {
  test('NISM: every formula cell holds the number the Evaluation gives', async () => {
    const { result, book } = await written(nismLog(), profileRows());
    const ev = evaluateLog(findProgram('NISM-SMS')!, nismLog(), { cycleStart: day(CYCLE_START), asOf: day(AS_OF) });
    if (!ev.ok) throw new Error(ev.message);
    expect(ev.evaluation.categories.some((c) => c.clipped > 0)).toBe(true);
    expectAllNumbersEqualEvaluation(result, book, ev.evaluation);
  });

  test('NAMSS: the approved-credits minimum and its shortfall are cached too', async () => {
    const log: CellValue[][] = [
      ['Date', 'Activity', 'Format', 'Hours', 'Approved', 'Proof', 'Location'],
      [serial('2024-03-01'), 'A', 'Webinar', 6.5, 'yes', 'Certificate', 'Austin, TX'],
      [serial('2024-04-01'), 'B', 'Webinar', 25, 'no', 'Certificate', 'Austin, TX'],
      [serial('2024-05-01'), 'C', 'Webinar', 3.25, 'yes', 'Certificate', 'Austin, TX'],
    ];
    const { result, book } = await written(log, profileRows('NAMSS-CPCS', serial('2024-01-15')), {
      asOf: day('2025-06-01'),
    });
    expect(result.layout.totals.minimums).toHaveLength(1);
    expectAllNumbersEqualEvaluation(result, book, result.evaluation);
    const ev = evaluateLog(findProgram('NAMSS-CPCS')!, log, { cycleStart: day('2024-01-15'), asOf: day('2025-06-01') });
    if (!ev.ok) throw new Error(ev.message);
    expect(result.evaluation.minimums).toEqual(ev.evaluation.minimums);
  });
});

describe('the attestation block', () => {
  const text = (ws: ExcelJS.Worksheet) => {
    const out: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && out.push(cell.value))));
    return out;
  };

  test('names the certificant, number, program and cycle, and the day proof is kept until from the program (ACSM: 1 year after renewal)', async () => {
    const log: CellValue[][] = [
      ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Proof'],
      [serial('2024-05-01'), 'Workshop', 'ACSM', 'Live course', 4, 'Certificate'],
    ];
    const { result, book } = await written(log, profileRows('ACSM-CPT', serial('2024-01-01'), 'Ann Lee'), {
      asOf: day('2025-01-01'),
    });
    const ev = result.evaluation;
    const ws = book.getWorksheet(result.sheet)!;
    const all = text(ws);
    // 1 year after the renewal deadline, worked out by hand from the cycle's dates (ACSM expires on
    // 31 December of the third year: rules revision 4).
    expect(isoFromDay(ev.cycle.deadline)).toBe('2027-12-31');
    expect(result.layout.attestation.keepUntil).toBe('2028-12-31');
    expect(all).toContain(
      'I attest that the activities listed were completed as described and that proof is kept for audit until 2028-12-31.',
    );
    const first = result.layout.attestation.first;
    const rows = Array.from({ length: 12 }, (_, i) => [
      ws.getCell(first + 1 + i, 1).value,
      ws.getCell(first + 1 + i, 2).value,
    ]);
    expect(rows).toContainEqual(['Name', 'Ann Lee']);
    expect(rows).toContainEqual(['Certificant number', '00123']);
    expect(rows).toContainEqual(['Program', `ACSM-CPT: ${ev.program.name}`]);
    expect(rows).toContainEqual(['Cycle', `${isoFromDay(ev.cycle.cycleStart)} to ${isoFromDay(ev.cycle.windowEnd)}`]);
    expect(rows.find((r) => r[0] === 'Signature')?.[1]).toMatch(/^_{20,}$/);
    expect(rows.find((r) => r[0] === 'Date')?.[1]).toMatch(/^_{10,}$/);
  });

  test('a program that names no retention period: the sentence says until the end of any audit, never an invented date', async () => {
    const { result, book } = await written(nismLog(), profileRows());
    expect(result.layout.attestation.keepUntil).toBeUndefined();
    expect(text(book.getWorksheet(result.sheet)!)).toContain(
      `I attest that the activities listed were completed as described and that proof is kept for audit until the end of any audit of this ${result.evaluation.program.body} application.`,
    );
  });
});
