/**
 * Programs users write, on the command line: `programs --json` and `--export`, `--program-file` for
 * check, summary and template, programs a workbook carries, and what a broken file says.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import Ajv2020 from 'ajv/dist/2020';
import ExcelJS from 'exceljs';
import { PROGRAMS, setCustomPrograms } from '../../src/core';
import type { CheckJson } from '../../src/cli/report';
import { run, tempDir, writeWorkbook } from './helpers';

const ROOT = join(__dirname, '../..');
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas/program.schema.json'), 'utf8')) as object;
// Written from schemas/program.schema.json alone, no TypeScript.
const GUILD = join(ROOT, 'test/fixtures/programs/guild-cpd.json');

let dir: string;
beforeAll(async () => {
  dir = tempDir('ce-programs-');
  copyFileSync(GUILD, join(dir, 'guild.json'));
  await writeWorkbook(join(dir, 'log.xlsx'), {
    'CE Log': [
      ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Proof'],
      ['2025-02-01', 'Course A', 'Guild', 'Course', 20, 'Certificate'],
      ['2025-03-01', 'Journal club', 'Guild', 'Reading', 20, 'Certificate'],
      ['2025-04-01', 'Ethics in practice', 'Guild', 'Ethics', 2, 'Certificate'],
    ],
  });
});
// The registry is the process's: leave it as the other test files expect it.
afterEach(() => setCustomPrograms([]));

interface Listing {
  id: string;
  builtIn: boolean;
  required: number;
  cycle: { years: number; text: string } | null;
  sources: ({ title: string; url: string } | string)[];
}

test('programs --json lists every program with required credits, cycle length and sources', async () => {
  const r = await run(['programs', '--json'], dir);
  expect(r.code).toBe(0);
  const list = JSON.parse(r.stdout) as Listing[];
  expect(list.map((p) => p.id)).toEqual(PROGRAMS.map((p) => p.id));
  for (const p of list) {
    expect(p.required).toBeGreaterThan(0);
    expect(p.cycle!.years).toBeGreaterThan(0);
    const pages = p.sources.filter((s): s is { title: string; url: string } => typeof s !== 'string');
    expect({
      id: p.id,
      pages: pages.length > 0 && pages.every((s) => /^https?:\/\//.test(s.url) && s.title !== ''),
    }).toEqual({ id: p.id, pages: true });
  }
  expect(list.find((p) => p.id === 'ACSM-EP')).toMatchObject({
    required: 60,
    cycle: { years: 3, text: '3 years (ending 31 December)' },
  });
  expect(list.find((p) => p.id === 'NAMSS-CPCS')!.cycle!.text).toBe('3 years (ending 1 December)');
});

test('programs --export prints a program file that passes the JSON Schema and, with its own id, loads back', async () => {
  const r = await run(['programs', '--export', 'acsm-cpt'], dir);
  expect(r.code).toBe(0);
  const file = JSON.parse(r.stdout) as Record<string, unknown>;
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(SCHEMA);
  expect(validate(file) ? [] : validate.errors).toEqual([]);
  writeFileSync(join(dir, 'mine.json'), JSON.stringify({ ...file, id: 'MY-CPT', name: 'My trainer rules' }));
  const listed = JSON.parse(
    (await run(['programs', '--json', '--program-file', 'mine.json'], dir)).stdout,
  ) as (Listing & {
    requirements: string;
  })[];
  const mine = listed.find((p) => p.id === 'MY-CPT')!;
  const original = listed.find((p) => p.id === 'ACSM-CPT')!;
  expect(mine).toMatchObject({ builtIn: false, required: 45, requirements: original.requirements });
  expect(mine.sources).toEqual(original.sources);
  // As it was exported, the file takes a built-in id.
  writeFileSync(join(dir, 'same.json'), r.stdout);
  const same = await run(['programs', '--program-file', 'same.json'], dir);
  expect(same.code).toBe(2);
  expect(same.stderr).toMatch(/^\s+id: ACSM-CPT is a built-in program; give your program an id of its own$/m);
  expect((await run(['programs', '--export', 'NOPE'], dir)).stderr).toMatch(/unknown program "NOPE"/);
});

test('check and summary use a program from --program-file', async () => {
  const argv = ['--program-file', 'guild.json', '--program', 'GUILD-CPD', '--cycle-start', '2025-01-01'];
  const r = await run(['check', 'log.xlsx', '--json', ...argv], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as CheckJson;
  // Course 20 + reading 20 x 0.5 = 10, capped at 6 + ethics 2.
  expect(json).toMatchObject({ program: 'GUILD-CPD', required: 24, earned: 28, deadline: '2027-01-01' });
  expect(json.minimums).toEqual([expect.objectContaining({ id: 'ethics', counted: 2, shortfall: 0 })]);
  const summary = await run(['summary', 'log.xlsx', '-o', 'summary.xlsx', ...argv], dir);
  expect(summary.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'summary.xlsx'));
  const text: string[] = [];
  wb.getWorksheet('CE Summary')!.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
  expect(text.join(' ')).toContain('Guild of Example Practitioners CPD');
  // Without the file, the program is unknown.
  expect((await run(['check', 'log.xlsx', '--program', 'GUILD-CPD'], dir)).stderr).toMatch(
    /unknown program "GUILD-CPD"/,
  );
});

test('template --program-file stores the program in the new workbook, where check finds it without the file', async () => {
  const made = await run(
    ['template', '-o', 'guild.xlsx', '--program-file', 'guild.json', '--cycle-start', '2025-01-01'],
    dir,
  );
  expect(made.stderr).toBe('');
  expect(made.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'guild.xlsx'));
  expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
    ['CE Profile', 'visible'],
    ['CE Log', 'visible'],
    ['CE Programs', 'hidden'],
  ]);
  setCustomPrograms([]);
  const r = await run(['check', 'guild.xlsx', '--json'], dir);
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toMatchObject({ program: 'GUILD-CPD', required: 24, earned: 0, entries: 0 });
});

test('a broken program file: exit 2, each problem with its path and a plain message, nothing written', async () => {
  const file = JSON.parse(readFileSync(GUILD, 'utf8')) as Record<string, unknown>;
  writeFileSync(
    join(dir, 'broken.json'),
    JSON.stringify({ ...file, required: '24', caps: [{ id: 'reading', label: 'Reading', limit: 6, applies: {} }] }),
  );
  const r = await run(['template', '-o', 'broken.xlsx', '--program-file', 'broken.json'], dir);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n').filter(Boolean)).toEqual([
    'ce-ledger: broken.json is not a usable program file (2 problems):',
    '  required: should be a number, not text',
    '  caps[0].applies: is not a field here (check the spelling against program.schema.json)',
  ]);
  writeFileSync(join(dir, 'notjson.json'), '{ "id": "X", }');
  const bad = await run(['check', 'log.xlsx', '--program-file', 'notjson.json'], dir);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/notjson\.json is not a usable program file \(1 problem\):\n {2}not valid JSON: /);
});

test('programs --json lists the issue 13 programs of PMI, ISC2, CompTIA, ISACA and AAPC with their numbers', async () => {
  const list = JSON.parse((await run(['programs', '--json'], dir)).stdout) as (Listing & {
    requirements: string;
    unconfirmed: string[];
  })[];
  const byId = new Map(list.map((p) => [p.id, p]));
  const expected: [string, number, number][] = [
    ['PMI-PMP', 60, 3],
    ['PMI-ACP', 30, 3],
    ['ISC2-CISSP', 120, 3],
    ['COMPTIA-SECURITYPLUS', 50, 3],
    ['ISACA-CISA', 120, 3],
    ['AAPC-CPC', 36, 2],
  ];
  for (const [id, required, years] of expected) {
    const p = byId.get(id);
    expect({
      id,
      required: p?.required,
      years: p?.cycle?.years,
      unconfirmed: (p?.unconfirmed.length ?? 0) > 0,
    }).toEqual({ id, required, years, unconfirmed: true });
  }
  // The windows that stop the day before a date say which day, not "-1 day".
  expect(byId.get('ISACA-CISA')!.cycle!.text).toBe('3 years (ending 31 December)');
  expect(byId.get('ISC2-CISSP')!.cycle!.text).toBe('3 years (ending the day before the anniversary)');
  expect(byId.get('AAPC-CPC')!.requirements).toBe('36 CEUs (+4 × "Additional AAPC credentials", counted up to 4)');
  expect(byId.get('COMPTIA-SECURITYPLUS')!.requirements).toMatch(/Live webinars: at most 10 CEUs per cycle/);
});
