/** The rules core's public surface. Pure: no Office, no DOM, no I/O. */
export * from './dates';
export * from './excerpt';
export * from './schema';
export * from './columns';
export * from './log';
export * from './credits';
export * from './cycle';
export * from './evaluation';
export * from './evaluate';
export * from './evaluate-steps';
export { evaluateTotals, type Totals, type TotalsResult } from './pass';
export * from './profile';
export * from './facts';
export * from './rounding';
export { PROGRAMS, findProgram, programIds, allPrograms, customPrograms, setCustomPrograms } from './programs';
export { loadProgram, type ProgramLoad } from './programs/load';
export { programForCycle } from './versions';
