/**
 * Custom programs kept in the workbook, so the file carries the rules its log is checked against: a
 * hidden sheet "CE Programs", one program a row (its id in column A, the program file's JSON from
 * column B on, in pieces that fit a cell). The pane writes it; the pane at startup, the cell functions
 * (through the registry the pane fills) and the command line read it. A sheet of that name without
 * our first-row marker is the user's, and is neither read nor written.
 */
import { allPrograms, PROGRAMS, setCustomPrograms } from '../core/programs';
import { describeProblems, parseProgramFileText, type ProgramFileLoad } from '../core/custom-programs';
import type { Program } from '../core/schema';
import type { CellValue, WorkbookOp, WorkbookPort, WorkbookSnapshot } from './port';

export const PROGRAMS_SHEET = 'CE Programs';
const MARKER =
  'CE Ledger custom programs (written by the CE Ledger pane: use "Use my own program rules" to change them)';
/** Excel holds at most 32,767 characters in a cell. */
const PIECE = 30_000;

export interface StoredPrograms {
  programs: Extract<ProgramFileLoad, { ok: true }>[];
  /** One line per stored program that no longer loads: "GUILD-CPD: caps[0].limit: …". */
  problems: string[];
  /** A sheet named CE Programs that CE Ledger did not write. */
  foreignSheet: boolean;
}

function sheetName(snapshot: WorkbookSnapshot): string | undefined {
  return snapshot.sheetNames.find((n) => n.toLowerCase() === PROGRAMS_SHEET.toLowerCase());
}

function rowsOf(snapshot: WorkbookSnapshot): { rows: CellValue[][]; foreign: boolean } | undefined {
  const name = sheetName(snapshot);
  if (!name) return undefined;
  const data = snapshot.sheets[name];
  if (!data) return undefined;
  // Rows of the used range, placed at their sheet coordinates.
  const rows: CellValue[][] = [];
  data.values.forEach((values, i) => {
    rows[data.row + i] = [...Array<CellValue>(data.col).fill(''), ...values];
  });
  return { rows, foreign: rows[0]?.[0] !== MARKER };
}

/** The custom programs stored in a workbook snapshot (which must include the CE Programs sheet). */
export function storedPrograms(snapshot: WorkbookSnapshot): StoredPrograms {
  const found = rowsOf(snapshot);
  if (!found || found.foreign) return { programs: [], problems: [], foreignSheet: Boolean(found?.foreign) };
  const builtIn = PROGRAMS.map((p) => p.id);
  const result: StoredPrograms = { programs: [], problems: [], foreignSheet: false };
  for (const row of found.rows.slice(1)) {
    const id = String(row?.[0] ?? '').trim();
    if (!row || !id) continue;
    const text = row
      .slice(1)
      .map((v) => (v === null ? '' : String(v)))
      .join('');
    const loaded = parseProgramFileText(text, builtIn);
    if (loaded.ok) result.programs.push(loaded);
    else result.problems.push(...describeProblems(loaded.problems).map((line) => `${id}: ${line}`));
  }
  return result;
}

/** What the last `loadWorkbookPrograms` could not use, for the pane to say. */
let lastProblems: string[] = [];

export function storedProgramProblems(): readonly string[] {
  return lastProblems;
}

/** Reads the workbook's custom programs and makes them the registry's (cell functions included). */
export async function loadWorkbookPrograms(port: WorkbookPort): Promise<StoredPrograms> {
  const snapshot = await port.read({ sheets: [PROGRAMS_SHEET] });
  const stored = storedPrograms(snapshot);
  setCustomPrograms(stored.programs.map((p) => p.program));
  lastProblems = stored.problems;
  return stored;
}

/**
 * The operations that store one program file (its text as loaded) in the workbook, replacing a stored
 * program of the same id. Throws when a sheet of that name exists and is not CE Ledger's.
 */
export function storeProgramOps(snapshot: WorkbookSnapshot, program: Program, fileText: string): WorkbookOp[] {
  const found = rowsOf(snapshot);
  const name = sheetName(snapshot) ?? PROGRAMS_SHEET;
  if (sheetName(snapshot) && (!found || found.foreign))
    throw new Error(`The sheet "${name}" is not CE Ledger's: rename it, then load the program again`);
  const ops: WorkbookOp[] = [];
  const rows = found?.rows ?? [];
  if (!found) {
    ops.push({ kind: 'addSheet', name }, { kind: 'setValues', sheet: name, row: 0, col: 0, values: [[MARKER]] });
  }
  let row = rows.findIndex((r, i) => i > 0 && String(r?.[0] ?? '').toUpperCase() === program.id.toUpperCase());
  if (row < 0) row = Math.max(1, rows.length);
  const compact = JSON.stringify(JSON.parse(fileText));
  const pieces: CellValue[] = [];
  for (let at = 0; at < compact.length; at += PIECE) pieces.push(compact.slice(at, at + PIECE));
  // Blank out what a longer earlier version left to the right.
  const width = Math.max(pieces.length + 1, rows[row]?.length ?? 0);
  const values: CellValue[] = [program.id, ...pieces];
  while (values.length < width) values.push('');
  ops.push({ kind: 'setValues', sheet: name, row, col: 0, values: [values] });
  if (!found) ops.push({ kind: 'hideSheet', sheet: name });
  return ops;
}

/** Stores a loaded program file in the workbook and adds it to the registry. */
export async function storeProgram(port: WorkbookPort, program: Program, fileText: string): Promise<void> {
  const snapshot = await port.read({ sheets: [PROGRAMS_SHEET] });
  await port.apply(storeProgramOps(snapshot, program, fileText));
  const others = allPrograms().filter((p) => p.id.toUpperCase() !== program.id.toUpperCase() && !PROGRAMS.includes(p));
  setCustomPrograms([...others, program]);
  lastProblems = lastProblems.filter((line) => !line.toUpperCase().startsWith(`${program.id.toUpperCase()}:`));
}
