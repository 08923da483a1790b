/** The submission summary sheet and the workbook-to-Evaluation step it shares with the command line. */
export { generateSummary, type GenerateSummaryOptions, type GenerateSummaryResult } from './generate';
export {
  summaryOps,
  summarySheetName,
  wrappedLines,
  ENTRIES_SHEET,
  SUMMARY_SHEET,
  type SummaryLayout,
  type SummaryOptions,
  type SummaryPerson,
  type SummaryPlan,
} from './summary-sheet';
export {
  ENTRIES_MARKER,
  evaluateWorkbook,
  findLog,
  markedSheet,
  markedSummarySheet,
  SUMMARY_MARKER,
  type LogLocation,
  type WorkbookEvaluation,
  type WorkbookEvaluationFailure,
  type WorkbookEvaluationOptions,
} from './workbook-log';
export { proofLinkTarget } from './links';
