/**
 * How the add-in asks Excel for a workbook's date system (date-system.ts): apart from the port's date
 * handling, since only code that runs in Excel (the Office adapter, the cell functions) has the Excel API.
 */

/**
 * Queues the question Excel answers with the workbook's date system: DATE(1904,1,1), whose value is 0
 * in a 1904 workbook (worksheet functions, ExcelApi 1.2). Undefined on a host without them (1900).
 */
export function queueEpoch(workbook: Excel.Workbook): { value: number } | undefined {
  const functions = (workbook as { functions?: Excel.Functions }).functions;
  return functions?.date ? functions.date(1904, 1, 1).load('value') : undefined;
}
