/**
 * Custom programs on the command line: `--program-file FILE.json`, the programs a workbook carries
 * (its hidden "CE Programs" sheet), `programs --json` and `programs --export ID`.
 */
import { promises as fs } from 'fs';
import { basename } from 'path';
import { allPrograms, findProgram, PROGRAMS, setCustomPrograms, type Program } from '../core';
import {
  describeProblems,
  parseProgramFileText,
  programToFile,
  type ProgramFileLoad,
  type Source,
} from '../core/custom-programs';
import { builtInPages, type ProgramPages } from '../core/programs/sources';
import { storedPrograms } from '../workbook/custom-program-store';
import type { WorkbookSnapshot } from '../workbook/port';
import { programRequirements } from './report';

export type LoadedFile = Extract<ProgramFileLoad, { ok: true }> & { text: string };

/** A program file that cannot be used, with one line per problem. */
export class ProgramFileError extends Error {}

/** Custom programs' pages, by upper-case id, for `programs --json`. */
const customPages = new Map<string, ProgramPages>();

export async function readProgramFile(file: string): Promise<LoadedFile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new ProgramFileError(`${file}: no such file`);
  }
  const loaded = parseProgramFileText(
    text,
    PROGRAMS.map((p) => p.id),
  );
  if (!loaded.ok) {
    const lines = describeProblems(loaded.problems).map((line) => `  ${line}`);
    throw new ProgramFileError(
      `${basename(file)} is not a usable program file (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
    );
  }
  return { ...loaded, text };
}

/**
 * Makes the workbook's stored programs and the --program-file one (which wins over a stored program of
 * the same id) the custom programs. Returns lines about stored programs that no longer load.
 */
export function applyCustomPrograms(snapshot: WorkbookSnapshot | undefined, file: LoadedFile | undefined): string[] {
  const stored = snapshot ? storedPrograms(snapshot) : { programs: [], problems: [] };
  const loads = [...stored.programs, ...(file ? [file] : [])];
  customPages.clear();
  const byId = new Map<string, Program>();
  for (const l of loads) {
    byId.set(l.program.id.toUpperCase(), l.program);
    customPages.set(l.program.id.toUpperCase(), { sources: l.sources, unconfirmed: l.unconfirmed });
  }
  setCustomPrograms([...byId.values()]);
  return stored.problems;
}

function pagesOf(program: Program): ProgramPages {
  return builtInPages(program.id) ?? customPages.get(program.id.toUpperCase()) ?? { sources: [], unconfirmed: [] };
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const LAST_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** How long a cycle runs, when the window's end counts from the cycle start. */
export function cycleLength(program: Program): { years: number; months: number; days: number; text: string } | null {
  const end = program.cycle.windowEnd;
  if (end.from !== 'cycleStart') return null;
  const parts: string[] = [];
  const plural = (n: number, unit: string) => `${n} ${unit}${Math.abs(n) === 1 ? '' : 's'}`;
  if (end.years) parts.push(plural(end.years, 'year'));
  if (end.months) parts.push(plural(end.months, 'month'));
  // A window that stops the day before a date (an anniversary, 1 January) says so rather than "-1 day".
  const dayBefore = end.days === -1;
  if (end.days && !dayBefore) parts.push(plural(end.days, 'day'));
  const fromFact = end.monthFromFact && program.facts.find((f) => f.id === end.monthFromFact)?.label.toLowerCase();
  let fixed =
    end.month !== undefined
      ? ` (ending ${end.day ? `${end.day} ` : ''}${MONTHS[end.month - 1]})`
      : fromFact
        ? ` (ending on ${end.day === 31 ? 'the last day' : end.day ? `day ${end.day}` : 'a day'} of the profile's ${fromFact})`
        : '';
  if (dayBefore && end.month === undefined && !fromFact) fixed = ' (ending the day before the anniversary)';
  else if (dayBefore && end.month !== undefined && end.day === 1) {
    const previous = (end.month + 10) % 12;
    fixed = ` (ending ${previous === 1 ? 'the last day of' : LAST_DAYS[previous]} ${MONTHS[previous]})`;
  } else if (dayBefore) parts.push(plural(end.days, 'day'));
  return { years: end.years, months: end.months, days: end.days, text: `${parts.join(' ') || '0 days'}${fixed}` };
}

export interface ProgramListing {
  id: string;
  name: string;
  body: string;
  builtIn: boolean;
  required: number;
  unit: string;
  cycle: ReturnType<typeof cycleLength>;
  minimums: { label: string; credits: number; period: string }[];
  requirements: string;
  sources: (Source | string)[];
  unconfirmed: string[];
}

export function programListing(): ProgramListing[] {
  return allPrograms().map((p) => {
    const pages = pagesOf(p);
    const texts = p.sources.filter((t) => !pages.sources.some((s) => t.includes(s.url)));
    return {
      id: p.id,
      name: p.name,
      body: p.body,
      builtIn: PROGRAMS.includes(p),
      required: p.required,
      unit: p.creditUnit,
      cycle: cycleLength(p),
      minimums: p.minimums.map((m) => ({ label: m.label, credits: m.credits, period: m.period })),
      requirements: programRequirements(p),
      sources: [...pages.sources, ...texts],
      unconfirmed: pages.unconfirmed,
    };
  });
}

/** A program as a file to start one's own from (`programs --export ID`). */
export function exportProgram(id: string): Record<string, unknown> | undefined {
  const program = findProgram(id);
  return program ? programToFile(program, pagesOf(program)) : undefined;
}
