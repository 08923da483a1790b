/**
 * Smoke tests with Microsoft's office-addin-mock: the adapter works through the global `Excel.run`
 * when no runner is injected, with objects shaped as the Excel API documents them.
 */
// The shared stub for office-addin-manifest (mapped in jest.config.js) has no OfficeApp enum, which
// office-addin-mock reads when it builds a mock; this file supplies the values it needs.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
}));
import { OfficeMockObject } from 'office-addin-mock';
import { OfficeWorkbook } from '../../src/workbook/office';

type Global = { Excel?: unknown };

afterEach(() => {
  delete (globalThis as Global).Excel;
});

test('select activates the sheet and selects the range through the global Excel.run', async () => {
  const calls: string[] = [];
  const data = {
    context: {
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            activate: () => calls.push(`activate ${name}`),
            getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => ({
              select: () => calls.push(`select ${r},${c},${rows},${cols}`),
            }),
          }),
        },
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const excel = new OfficeMockObject(data) as unknown;
  (globalThis as Global).Excel = excel;
  await new OfficeWorkbook().select('CE Log', { row: 4, col: 1, rows: 1, cols: 1 });
  expect(calls).toEqual(['activate CE Log', 'select 4,1,1,1']);
});

test('a style operation sets the font and fill of the range', async () => {
  const range = { format: { font: {}, fill: {} }, address: 'Summary!A1' };
  const data = {
    context: {
      workbook: {
        worksheets: {
          getItem: () => ({ getRangeByIndexes: () => range }),
        },
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const excel = new OfficeMockObject(data) as unknown as {
    context: {
      workbook: {
        worksheets: {
          getItem(): { getRangeByIndexes(): { format: { fill: { color: string }; font: { bold: boolean } } } };
        };
      };
    };
  };
  (globalThis as Global).Excel = excel;
  await new OfficeWorkbook().apply([
    {
      kind: 'setStyle',
      sheet: 'Summary',
      range: { row: 0, col: 0, rows: 1, cols: 1 },
      style: { bold: true, fill: '#DDEEFF' },
    },
  ]);
  const format = excel.context.workbook.worksheets.getItem().getRangeByIndexes().format;
  expect(format.fill.color).toBe('#DDEEFF');
  expect(format.font.bold).toBe(true);
});
