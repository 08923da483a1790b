/** Logs and workbooks for the summary and command-line tests, written as a certificant would. */
import { dayFromIso, serialFromDay, type DayNumber } from '../../src/core';
import type { CellValue } from '../../src/workbook/port';

export const day = (iso: string): DayNumber => dayFromIso(iso)!;
export const serial = (iso: string): number => serialFromDay(day(iso));

export const LOG_HEADERS = ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Self-study hours', 'Subject area', 'Approved', 'Proof', 'Score', 'Proof link', 'Notes'];

/** A NISM log with caps, at-risk rows, a planned and an outside-window entry, a bad row and a hostile title. */
export function nismLog(): CellValue[][] {
  return [
    LOG_HEADERS,
    [serial('2025-04-10'), '=1+1', 'Hootsuite Academy', 'Webinar', 2, '', 'Social Media Marketing', 'yes', 'Certificate', '', 'https://example.com/cert-1.pdf', ''],
    [serial('2025-05-02'), 'Campaign measurement', 'NISM', 'Webinar', 3, '', 'Research & Analysis', 'yes', '', '', '', ''],
    [serial('2025-06-15'), 'Strategy webinar', 'Sprout Social', 'Webinar', 2, '', 'Social Media Strategy', 'yes', 'Certificate', '', 'javascript:alert(1)', ''],
    [serial('2025-07-20'), 'Compliance course', 'Coursera', 'Online asynchronous course', 5, '', 'Compliance & Governance', 'yes', 'Assessment', 85, 'proof/compliance.pdf', ''],
    [serial('2025-09-01'), 'Blended campaign course', 'NISM', 'Online blended course', 4, 20, 'Project & Campaign Management', 'yes', 'Certificate', '', '', ''],
    [serial('2025-10-05'), 'Social Media Week', 'SMW', 'Conference', 4, '', 'Social Media Strategy', '', '', '', '', 'not pre-approved'],
    [serial('2025-11-11'), 'Grovo micro-lessons', 'Grovo', 'Webinar', 3, '', 'Community Management', 'yes', 'Progress tracking', '', '', ''],
    [serial('2025-12-01'), 'Cooking for fun', 'Local college', 'In-person class', 2, '', 'Culinary arts', 'yes', 'Certificate', '', '', ''],
    [serial('2026-01-10'), 'Broken hours', 'NISM', 'Webinar', 'two', '', '', 'yes', '', '', '', ''],
    [serial('2024-12-01'), 'Before the cycle', 'NISM', 'Webinar', 1, '', '', 'yes', '', '', '', ''],
    [serial('2026-09-01'), 'Planned summit', 'NISM', 'Conference', 5, '', '', 'yes', '', '', '', ''],
    [serial('2026-02-02'), 'Quiz below 70', 'Udemy', 'Online synchronous course', 2, '', 'Social Media Marketing', 'yes', 'Assessment', 60, '', ''],
  ];
}

export const CYCLE_START = '2025-03-01';
export const AS_OF = '2026-06-01';

/** The CE Profile sheet as a user would type it (labels in A, values in B). */
export function profileRows(program = 'NISM-SMS', cycleStart = serial(CYCLE_START), name = '=1+1 Jo & Co'): CellValue[][] {
  return [
    ['CE Ledger profile'],
    ['Program', program],
    ['Cycle start', cycleStart],
    ['Name', name],
    ['Certificant number', '00123'],
  ];
}
