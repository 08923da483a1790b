import { createHash } from 'crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { evaluateLog, findProgram, PROGRAMS } from '../../src/core';
import type { CheckJson } from '../../src/cli/report';
import { AS_OF, CYCLE_START, day, LOG_HEADERS, nismLog, profileRows } from '../summary/fixtures';
import { run, tempDir, writeWorkbook } from './helpers';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let dir: string;
let tracker: string;
/** The log starts on row 4 under a title, as many trackers do. */
const LOG_TOP = 3;

beforeAll(async () => {
  dir = tempDir();
  tracker = join(dir, 'tracker.xlsx');
  await writeWorkbook(
    tracker,
    { 'CE Profile': profileRows(), 'My CE log': [['My continuing education'], [], [], ...nismLog()] },
    {},
  );
  await writeWorkbook(join(dir, 'notes.xlsx'), { Notes: [['Nothing to see here'], [1, 2, 3]] });
  await writeWorkbook(join(dir, 'bare.xlsx'), { Log: nismLog() });
  writeFileSync(join(dir, 'fake.xlsx'), 'Date,Hours\n2025-01-01,3\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expected() {
  const result = evaluateLog(findProgram('NISM-SMS')!, nismLog(), {
    cycleStart: day(CYCLE_START),
    asOf: day(AS_OF),
    firstRow: LOG_TOP + 1,
  });
  if (!result.ok) throw new Error(result.message);
  return result.evaluation;
}

describe('ce-ledger check', () => {
  test('--json gives status, totals, deadline, rows read, problems with sheet rows, missing proof', async () => {
    const r = await run(['check', 'tracker.xlsx', '--json', '--as-of', AS_OF], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as CheckJson;
    const ev = expected();
    expect(json.status).toBe(ev.status.keyword);
    expect(json.status).toBe('IN PROGRESS');
    expect(json.earned).toBe(ev.earned);
    expect(json.needed).toBe(ev.needed);
    expect(json.required).toBe(20);
    expect(json.deadline).toBe('2027-03-01');
    expect(json.entries).toBe(12);
    expect(json.sheet).toBe('My CE log');
    // "Broken hours" is the 9th data row: sheet row 4 (header) + 9 = 13.
    expect(json.problems).toEqual([
      {
        sheet: 'My CE log',
        row: 13,
        column: 'Hours',
        cell: 'E13',
        message: expect.stringMatching(/"two" is not a number/),
      },
    ]);
    // Social Media Week (6th data row, sheet row 10) is from a non-NISM provider and has no proof.
    expect(json.missingProof).toEqual([10]);
    expect(json.missingProof).toEqual(ev.proofIssues.filter((p) => p.state === 'missing').map((p) => p.row));
    expect(json.insufficientProof).toEqual([16]);
    expect(json.missingProof.every((row) => row > LOG_TOP + 1)).toBe(true);
  });

  test('the readable report names the status, the problem row and the checklist', async () => {
    const r = await run(['check', 'tracker.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(expected().status.line);
    expect(r.stdout).toMatch(/row 13 \(E13\): Hours "two" is not a number/);
    expect(r.stdout).toMatch(/\[ \] 20 credits counted/);
    expect(r.stdout).toMatch(/Insufficient proof: row 16/);
  });

  test('flags override the profile; --sheet picks the log', async () => {
    const namss = JSON.parse(
      (await run(['check', 'tracker.xlsx', '--json', '--program', 'namss-cpcs', '--cycle-start', '2024-01-15'], dir))
        .stdout,
    ) as CheckJson;
    expect(namss.program).toBe('NAMSS-CPCS');
    expect(namss.required).toBe(30);
    expect(namss.cycleStart).toBe('2024-01-15');
    const bare = await run(
      ['check', 'bare.xlsx', '--json', '--sheet', 'log', '--program', 'NISM-SMS', '--cycle-start', CYCLE_START],
      dir,
    );
    expect(bare.code).toBe(0);
    const json = JSON.parse(bare.stdout) as CheckJson;
    expect(json.problems[0]!.row).toBe(10);
    expect(json.earned).toBe(expected().earned);
  });

  test.each([
    ['a missing file', ['check', 'nope.xlsx'], /nope\.xlsx: no such file/],
    ['a file that is not xlsx', ['check', 'fake.xlsx'], /not an \.xlsx workbook/],
    [
      'a workbook without a log',
      ['check', 'notes.xlsx', '--program', 'NISM-SMS', '--cycle-start', '2025-01-01'],
      /no CE log found/,
    ],
    ['an unknown program', ['check', 'tracker.xlsx', '--program', 'NOPE'], /unknown program "NOPE"/],
    ['a bad date', ['check', 'tracker.xlsx', '--as-of', '2025-13-40'], /bad date for --as-of/],
    ['a sheet that does not exist', ['check', 'tracker.xlsx', '--sheet', 'Nope'], /no sheet named "Nope"/],
    ['no program anywhere', ['check', 'bare.xlsx'], /no program/],
    ['no cycle start anywhere', ['check', 'bare.xlsx', '--program', 'NISM-SMS'], /no cycle start/],
  ])('exit 2 with a one-line reason on %s', async (_what, argv, message) => {
    const r = await run(argv, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('usage errors exit 2 and print the usage; --help exits 0', async () => {
    const bad = await run(['check', 'tracker.xlsx', '--frobnicate'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option --frobnicate/);
    expect((await run([], dir)).code).toBe(2);
    expect((await run(['explode'], dir)).stderr).toMatch(/unknown command "explode"/);
    const help = await run(['--help'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: ce-ledger/);
  });

  test('progress goes to stderr only on a terminal', async () => {
    const quiet = await run(['check', 'tracker.xlsx', '--json'], dir, { bigFileBytes: 0, stderrIsTTY: false });
    expect(quiet.stderr).toBe('');
    const tty = await run(['check', 'tracker.xlsx', '--json'], dir, { bigFileBytes: 0, stderrIsTTY: true });
    expect(tty.stderr).toMatch(/reading tracker\.xlsx/);
    expect(JSON.parse(tty.stdout).status).toBe('IN PROGRESS');
  });
});

describe('ce-ledger summary', () => {
  test('writes a copy with the summary sheet and leaves the input byte for byte', async () => {
    const before = sha(tracker);
    const mtime = statSync(tracker).mtimeMs;
    const r = await run(['summary', 'tracker.xlsx', '-o', 'out.xlsx'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(sha(tracker)).toBe(before);
    expect(statSync(tracker).mtimeMs).toBe(mtime);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['CE Profile', 'My CE log', 'CE Summary', 'CE Entries']);
    expect(wb.definedNames.model.find((n) => n.name === 'CE_LEDGER_SUMMARY')?.ranges).toEqual(["'CE Summary'!$A$1"]);
    // The log sheet's values came through untouched.
    expect(wb.getWorksheet('My CE log')!.getCell('B5').value).toBe('=1+1');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('refuses to overwrite without --force, overwrites with it, and never writes over its input', async () => {
    writeFileSync(join(dir, 'taken.xlsx'), 'keep me');
    const refused = await run(['summary', 'tracker.xlsx', '-o', 'taken.xlsx'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists \(use --force/);
    expect(readFileSync(join(dir, 'taken.xlsx'), 'utf8')).toBe('keep me');
    const forced = await run(['summary', 'tracker.xlsx', '-o', 'taken.xlsx', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'taken.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const before = sha(tracker);
    const self = await run(['summary', 'tracker.xlsx', '-o', './tracker.xlsx', '--force'], dir);
    expect(self.code).toBe(2);
    expect(sha(tracker)).toBe(before);
  });

  test('summarising a summary replaces the sheet it made, and keeps a user sheet of the same name', async () => {
    await run(['summary', 'tracker.xlsx', '-o', 'first.xlsx'], dir);
    const again = await run(['summary', 'first.xlsx', '-o', 'second.xlsx'], dir);
    expect(again.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'second.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['CE Profile', 'My CE log', 'CE Summary', 'CE Entries']);

    await writeWorkbook(join(dir, 'own.xlsx'), { 'CE Summary': [['my notes']], Log: nismLog() });
    const own = await run(
      ['summary', 'own.xlsx', '-o', 'own-out.xlsx', '--program', 'NISM-SMS', '--cycle-start', CYCLE_START],
      dir,
    );
    expect(own.stdout).toMatch(/your own "CE Summary" sheet was kept/);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(join(dir, 'own-out.xlsx'));
    expect(wb2.worksheets.map((w) => w.name)).toEqual(['CE Summary', 'Log', 'CE Summary (2)', 'CE Entries']);
    expect(wb2.getWorksheet('CE Summary')!.getCell('A1').value).toBe('my notes');
  });

  test('unusable input exits 2 and writes nothing', async () => {
    const r = await run(
      ['summary', 'notes.xlsx', '-o', 'never.xlsx', '--program', 'NISM-SMS', '--cycle-start', CYCLE_START],
      dir,
    );
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).not.toContain('never.xlsx');
    expect((await run(['summary', 'tracker.xlsx'], dir)).stderr).toMatch(/needs -o OUT\.xlsx/);
  });
});

describe('ce-ledger template', () => {
  test('writes a profile sheet and an empty log table with validation lists', async () => {
    const r = await run(['template', '-o', 'new.xlsx', '--program', 'nism-sms', '--cycle-start', '2025-03-01'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'new.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['CE Profile', 'CE Log']);
    const names = Object.fromEntries(wb.definedNames.model.map((n) => [n.name, n.ranges[0]]));
    expect(names.CE_PROGRAM).toBe("'CE Profile'!$B$2");
    expect(wb.getWorksheet('CE Profile')!.getCell('B2').value).toBe('NISM-SMS');
    expect(wb.getWorksheet('CE Profile')!.getCell('B3').value).toEqual(new Date(Date.UTC(2025, 2, 1)));
    const log = wb.getWorksheet('CE Log')!;
    const headers = (log.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 6)).toEqual(LOG_HEADERS.slice(0, 6));
    expect(Object.keys((log as unknown as { tables: Record<string, unknown> }).tables)).toEqual(['CELog']);
    const formatCol = headers.indexOf('Format') + 1;
    const dv = log.getCell(2, formatCol).dataValidation;
    expect(dv.type).toBe('list');
    expect(dv.formulae[0]).toContain('Online asynchronous course');
    // A few native formulas, no custom functions.
    const formulas: string[] = [];
    wb.getWorksheet('CE Profile')!.eachRow((row) =>
      row.eachCell((cell) => cell.formula && formulas.push(cell.formula)),
    );
    expect(formulas).toEqual(expect.arrayContaining(['COUNTA(CELog[Date])', 'SUM(CELog[Hours])']));
    expect(formulas.join(' ')).not.toMatch(/CEU\./);
  });

  test('refuses to overwrite, needs a known program', async () => {
    expect((await run(['template', '-o', 'new.xlsx', '--program', 'NISM-SMS'], dir)).code).toBe(2);
    expect((await run(['template', '-o', 'new.xlsx', '--program', 'NISM-SMS', '--force'], dir)).code).toBe(0);
    const noProgram = await run(['template', '-o', 'x.xlsx'], dir);
    expect(noProgram.code).toBe(2);
    expect(noProgram.stderr).toMatch(/needs --program/);
    expect((await run(['template', '-o', 'x.xlsx', '--program', 'XYZ'], dir)).stderr).toMatch(/unknown program "XYZ"/);
    expect(readdirSync(dir)).not.toContain('x.xlsx');
  });

  test('a template without a cycle start leaves the cell for the user, and checks as "no cycle start"', async () => {
    expect((await run(['template', '-o', 'nostart.xlsx', '--program', 'ACSM-CPT'], dir)).code).toBe(0);
    const r = await run(['check', 'nostart.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no cycle start/);
    const ok = await run(['check', 'nostart.xlsx', '--cycle-start', '2024-05-01', '--json'], dir);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ program: 'ACSM-CPT', entries: 0, earned: 0, required: 45 });
  });
});

describe('ce-ledger programs', () => {
  test('lists every program with its requirements', async () => {
    const r = await run(['programs'], dir);
    expect(r.code).toBe(0);
    for (const p of PROGRAMS) expect(r.stdout).toContain(p.id);
    expect(r.stdout).toMatch(/NAMSS-DUAL\s+NAMSS dual certification[^\n]*\n\s+45 credits; at least 25 NAMSS-approved/);
    const json = JSON.parse((await run(['programs', '--json'], dir)).stdout) as { id: string; required: number }[];
    expect(json.map((p) => p.id)).toEqual(PROGRAMS.map((p) => p.id));
    expect(json.find((p) => p.id === 'ACSM-EP')!.required).toBe(60);
  });
});
