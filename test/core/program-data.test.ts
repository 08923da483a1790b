/** Programs are data: checked at load, never named by the engine, and open to new rule types. */
import * as fs from 'fs';
import * as path from 'path';
import { evaluateLog, loadProgram, PROGRAMS, programForCycle, type Program, type ProgramInput } from '../../src/core';
import { nismPrograms } from '../../src/core/programs/nism';
import { day } from './helpers';

const CORE = path.join(__dirname, '../../src/core');

function engineFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'programs' ? [] : engineFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

test('all nine seed programs load', () => {
  expect(PROGRAMS.map((p) => p.id).slice(0, 9)).toEqual([
    'NISM-SMS',
    'NAMSS-CPCS',
    'NAMSS-CPMSM',
    'NAMSS-DUAL',
    'NAMSS-DUAL-FIRST',
    'ACSM-GEI',
    'ACSM-CPT',
    'ACSM-EP',
    'ACSM-CEP',
  ]);
});

test('the issue 13 programs of helper progsb load', () => {
  expect(PROGRAMS.map((p) => p.id)).toEqual(
    expect.arrayContaining(['CFP', 'NCCPA-PAC', 'NASM-CPT', 'SHRM-CP', 'SHRM-SCP']),
  );
});

test('no program id or certifying body appears in engine code', () => {
  const forbidden = /\b(NISM|NAMSS|ACSM|Grovo|CPCS|CPMSM)\b/;
  const offenders = engineFiles(CORE).filter((f) => forbidden.test(fs.readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
  expect(engineFiles(CORE).length).toBeGreaterThan(10);
});

test('every placeholder in program texts is filled', () => {
  for (const p of PROGRAMS) {
    for (const phase of p.cycle.phases)
      expect(phase.summary).not.toMatch(/\{(?!through|deadline|previousThrough|fee:[a-z-]+\})/);
    for (const text of [...p.cycle.phases.map((x) => x.summary), ...p.checklist.map((c) => c.label)]) {
      for (const [, fee] of text.matchAll(/\{fee:([a-z-]+)\}/g)) expect(p.fees.map((f) => f.id)).toContain(fee);
    }
  }
});

function variant(changes: Partial<ProgramInput>): ProgramInput {
  return { ...nismPrograms[0]!, id: 'TEST-PROGRAM', ...changes };
}

describe('the schema refuses bad program data with a path', () => {
  test.each([
    [{ required: -5 }, /required/],
    [{ perEntryCap: 'five' as unknown as number }, /perEntryCap/],
    [{ defaultFormat: 'podcast' }, /defaultFormat: unknown format id 'podcast'/],
    [{ rounding: { step: 0, mode: 'floor' as const } }, /rounding\.step/],
    [{ caps: [{ id: 'x', label: 'x', limit: 5, appliesTo: { formats: ['nope'] } }] }, /unknown format id 'nope'/],
    [{ id: 'lower-case' }, /program ids are upper-case/],
    [{ versions: [{ effectiveFrom: '2030-01-01', changes: { required: -1 } }] }, /version from 2030-01-01: required/],
    // Profile facts (issue 12): a rule reads only a fact its program declares, with the right type.
    [{ carryOver: { maxCredits: 5 } }, /carryOver\.fact: needs a number fact 'carryOverCredits' declared in facts/],
    [
      { carryOver: { maxCredits: 5 }, facts: [{ id: 'carryOverCredits', label: 'Carry-over', type: 'date' as const }] },
      /needs a number fact 'carryOverCredits'/,
    ],
    [{ facts: [{ id: 'expires', label: 'Expires', type: 'date' as const }] }, /facts\.0\.id: this fact id is reserved/],
    [
      {
        facts: [
          { id: 'cardDate', label: 'Card', type: 'date' as const },
          { id: 'cardDate', label: 'Card again', type: 'date' as const },
        ],
      },
      /a fact id is declared twice/,
    ],
    [
      { atRisk: [{ type: 'hoursAtLeast' as const, id: 'x', formats: ['nope'], hours: 5, message: 'm' }] },
      /atRisk\.0\.formats: unknown format id 'nope'/,
    ],
  ])('%p', (changes, message) => {
    const result = loadProgram(variant(changes as Partial<ProgramInput>));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

/** A made-up program that uses the rule types no seed program needs yet. */
function testProgram(changes: Partial<ProgramInput>): Program {
  const result = loadProgram(
    variant({
      caps: [],
      eligibility: [],
      atRisk: [],
      checklist: [],
      perEntryCap: undefined,
      ...changes,
    }),
  );
  if (!result.ok) throw new Error(result.message);
  return result.program;
}

const cells = (rows: [string, string, number, boolean?][]) => [
  ['Date', 'Format', 'Hours', 'Approved', 'Provider', 'Proof'],
  ...rows.map(([d, f, h, a]) => [d, f, h, a ?? false, 'Acme', 'Certificate']),
];

function run(p: Program, rows: [string, string, number, boolean?][], asOf = '2026-01-01', profile = {}) {
  const result = evaluateLog(p, cells(rows), { cycleStart: day('2025-01-01'), asOf: day(asOf), profile });
  if (!result.ok) throw new Error(result.message);
  return result.evaluation;
}

describe('rule types beyond the seed programs', () => {
  test('a fractional cap: at most a quarter of the requirement from webinars', () => {
    const p = testProgram({
      caps: [
        { id: 'web', label: 'Webinars', limit: { fractionOfRequired: 0.25 }, appliesTo: { formats: ['webinar'] } },
      ],
    });
    const ev = run(p, [
      ['2025-02-01', 'Webinar', 4],
      ['2025-03-01', 'Webinar', 4],
    ]);
    expect(ev.earned).toBe(5); // 25% of 20
  });

  test('an annual minimum: 5 approved credits in each cycle year', () => {
    const p = testProgram({
      minimums: [{ id: 'yearly', label: 'approved', credits: 5, filter: { approved: true }, period: 'cycleYear' }],
    });
    const ev = run(
      p,
      [
        ['2025-02-01', 'Conference', 5, true],
        ['2025-06-01', 'Webinar', 5, false],
        ['2026-02-01', 'Conference', 5, false],
        ['2026-03-01', 'In-person class', 5, false],
      ],
      '2026-12-01',
    );
    expect(ev.earned).toBe(20);
    expect(ev.minimums[0]).toMatchObject({ shortfall: 5 });
    expect(ev.needed).toBe(5);
  });

  test('a multiplier: approved activities count one and a half times', () => {
    const p = testProgram({ multipliers: [{ label: 'approved bonus', when: { approved: true }, factor: 1.5 }] });
    const ev = run(p, [
      ['2025-02-01', 'Webinar', 2, true],
      ['2025-03-01', 'Conference', 2, false],
    ]);
    expect(ev.entries.map((e) => e.claimed)).toEqual([3, 2]);
  });

  test('a rounding step: whole credits, rounded down', () => {
    const p = testProgram({ rounding: { step: 1, mode: 'floor' } });
    expect(run(p, [['2025-02-01', 'Webinar', 2.9]]).earned).toBe(2);
  });

  test('carry-over from the previous cycle, up to its maximum', () => {
    const p = testProgram({
      carryOver: { maxCredits: 5 },
      facts: [{ id: 'carryOverCredits', label: 'Carry-over credits', type: 'number' }],
    });
    expect(run(p, [['2025-02-01', 'Webinar', 2]], '2026-01-01', { carryOverCredits: 8 }).earned).toBe(7);
  });

  test('pro-rating a short first cycle', () => {
    const p = testProgram({
      proRating: { creditsPerMonth: 0.5 },
      facts: [{ id: 'firstCycle', label: 'First cycle', type: 'boolean' }],
    });
    expect(run(p, [], '2026-01-01', { firstCycle: true }).required).toBe(12); // 24 months x 0.5
    expect(run(p, [], '2026-01-01', { firstCycle: false }).required).toBe(20);
  });

  test('rule versions by date: cycles starting on or after the change use the new numbers', () => {
    const p = testProgram({
      versions: [
        { effectiveFrom: '2025-01-01', changes: { required: 30 } },
        { effectiveFrom: '2030-01-01', changes: { required: 40 } },
      ],
    });
    expect(programForCycle(p, day('2024-12-31')).required).toBe(20);
    expect(programForCycle(p, day('2025-01-01')).required).toBe(30);
    expect(programForCycle(p, day('2031-06-01')).required).toBe(40);
    expect(run(p, []).required).toBe(30);
  });
});
