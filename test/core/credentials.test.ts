import {
  cellsForCredential,
  checkCredential,
  credentialMarks,
  credentialOverview,
  evaluateCredentials,
  type Credential,
} from '../../src/core/credentials';
import { checkProfile } from '../../src/core';
import { day } from './helpers';

const HEADER = ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Category', 'Proof'];

function credential(program: string, cycleStart: string): Credential {
  const checked = checkProfile({ program, cycleStart });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.profile;
}

const asOf = day('2026-06-01');

describe('several credentials, one log', () => {
  const cpt = credential('ACSM-CPT', '2025-01-01');
  const ep = credential('ACSM-EP', '2025-01-01');
  const cells = [
    HEADER,
    ['2025-03-01', 'Strength course', 'ACSM', 'CEC', 10, '', 'Certificate'],
    ['2025-04-01', 'Clinical workshop', 'ACSM', 'CEC', 6, 'ACSM-EP', 'Certificate'],
    ['2025-05-01', 'Coaching course', 'ACSM', 'CEC', 4, 'acsm-cpt', 'Certificate'],
  ];

  it('evaluates each credential on its own: an unmarked entry counts for both, a marked one only where named', () => {
    const result = evaluateCredentials([cpt, ep], cells, { asOf });
    if (!result.ok) throw new Error(result.message);
    const [first, second] = result.results;
    expect(first!.program.id).toBe('ACSM-CPT');
    expect(first!.evaluation.earned).toBe(14);
    expect(first!.otherRows).toEqual([3]);
    expect(second!.program.id).toBe('ACSM-EP');
    expect(second!.evaluation.earned).toBe(16);
    expect(second!.otherRows).toEqual([4]);
    expect(first!.evaluation.required).toBe(45);
    expect(second!.evaluation.required).toBe(60);
  });

  it('the overview gives each credential its status, credits and deadline', () => {
    const result = evaluateCredentials([cpt, ep], cells, { asOf });
    if (!result.ok) throw new Error(result.message);
    const overview = credentialOverview(result.results);
    expect(overview.map((o) => [o.programId, o.keyword, o.earned, o.required])).toEqual([
      ['ACSM-CPT', 'IN PROGRESS', 14, 45],
      ['ACSM-EP', 'IN PROGRESS', 16, 60],
    ]);
    // ACSM: three years ending 31 December of the third year after the start year (rules revision 3).
    expect(overview.map((o) => o.deadline)).toEqual(['2028-12-31', '2028-12-31']);
    expect(overview[1]!.summary).toContain('ACSM-EP: IN PROGRESS, 16 of 60');
  });

  it('a credential with its own cycle start reads its own window', () => {
    const later = credential('ACSM-EP', '2026-01-01');
    const result = evaluateCredentials([cpt, later], cells, { asOf });
    if (!result.ok) throw new Error(result.message);
    // Every 2025 entry is before the EP cycle: it earns nothing there, and its deadline is a year later.
    expect(result.results[1]!.evaluation.earned).toBe(0);
    expect(result.results[0]!.evaluation.earned).toBe(14);
    expect(credentialOverview(result.results).map((o) => o.deadline)).toEqual(['2028-12-31', '2029-12-31']);
  });

  it('marks are taken out of the Category cell; categories and a program name that is not an id stay', () => {
    expect(credentialMarks('ACSM-EP; Ethics', ['ACSM-EP'])).toEqual({ marks: ['acsmep'], rest: 'Ethics' });
    expect(credentialMarks('Ethics', ['ACSM-EP'])).toEqual({ marks: [], rest: 'Ethics' });
    // Any known program id marks, even one the profile does not list: the entry is for that credential.
    expect(credentialMarks('NISM-SMS', ['ACSM-EP']).marks).toEqual(['nismsms']);
    expect(credentialMarks(12, ['ACSM-EP'])).toEqual({ marks: [], rest: 12 });
  });

  it('a log without a Category column is read unchanged for every credential', () => {
    const plain = cells.map((r) => r.filter((_, i) => i !== 5));
    const own = cellsForCredential(plain, [cpt, ep], 1);
    expect(own.cells).toBe(plain);
    expect(own.otherRows).toEqual([]);
  });

  it('rows keep their sheet numbers when the log starts lower on the sheet', () => {
    const result = evaluateCredentials([cpt, ep], cells, { asOf, firstRow: 5 });
    if (!result.ok) throw new Error(result.message);
    expect(result.results[0]!.otherRows).toEqual([7]);
    const counted = result.results[0]!.evaluation.entries.map((e) => e.entry.row);
    expect(counted).toEqual([6, 8]);
  });

  it('an extra credential is checked like the profile, its problems named by the credential', () => {
    const bad = checkCredential({ program: 'NOPE', cycleStart: '2025-01-01' }, 2);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.field).toBe('Credential 2 program');
    const good = checkCredential({ program: 'nism-sms', cycleStart: '2025-02-01', extensionGranted: true }, 2);
    expect(good.ok && good.credential.program).toBe('NISM-SMS');
    expect(good.ok && good.credential.extensionGranted).toBe(true);
  });
});
