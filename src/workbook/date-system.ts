/**
 * Workbooks in the 1904 date system (File › Options › Advanced › "Use 1904 date system", the default of
 * Excel for Mac before 2011). Excel hands the add-in the workbook's own serials, 1462 days below the
 * 1900 system's, and the pane does not yet turn them into dates: read as 1900 serials every date would
 * fall four years early. So the pane and its summary show no figures and write no dates in such a
 * workbook, and say why; the command line reads the file's date cells as dates and is right.
 */
export const DATE_1904_MESSAGE =
  'This workbook uses the 1904 date system (File › Options › Advanced › "Use 1904 date system"), whose dates ' +
  'the pane cannot read yet: it shows no figures and writes no dates rather than use dates four years early. ' +
  'Check the saved file with "npx ce-ledger check FILE.xlsx" (or make its summary with "npx ce-ledger summary"), ' +
  'which read its dates right';
