import {
  cellsForCredential,
  checkCredential,
  credentialMarks,
  credentialOverview,
  evaluateCredentials,
  type Credential,
} from '../../src/core/credentials';
import { checkProfile, findProgram, setCustomPrograms } from '../../src/core';
import { day } from './helpers';

const HEADER = ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Category', 'Proof'];

function credential(program: string, cycleStart: string): Credential {
  const checked = checkProfile({ program, cycleStart });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.profile;
}

const asOf = day('2026-06-01');

describe('several credentials, one log', () => {
  // A second body with ACSM-EP's rules, so that these credentials share nothing (see sharedCredentials below).
  beforeAll(() =>
    setCustomPrograms([{ ...findProgram('ACSM-EP')!, id: 'GYM-EP', body: 'Gym body', sharedCredentials: undefined }]),
  );
  afterAll(() => setCustomPrograms([]));
  const cpt = credential('ACSM-CPT', '2025-01-01');
  const ep = () => credential('GYM-EP', '2025-01-01');
  const cells = [
    HEADER,
    ['2025-03-01', 'Strength course', 'ACSM', 'CEC', 10, '', 'Certificate'],
    ['2025-04-01', 'Clinical workshop', 'ACSM', 'CEC', 6, 'GYM-EP', 'Certificate'],
    ['2025-05-01', 'Coaching course', 'ACSM', 'CEC', 4, 'acsm-cpt', 'Certificate'],
  ];

  it('evaluates each credential on its own: an unmarked entry counts for both, a marked one only where named', () => {
    const result = evaluateCredentials([cpt, ep()], cells, { asOf });
    if (!result.ok) throw new Error(result.message);
    const [first, second] = result.results;
    expect(first!.program.id).toBe('ACSM-CPT');
    expect(first!.evaluation.earned).toBe(14);
    expect(first!.otherRows).toEqual([3]);
    expect(second!.program.id).toBe('GYM-EP');
    expect(second!.evaluation.earned).toBe(16);
    expect(second!.otherRows).toEqual([4]);
    expect(first!.evaluation.required).toBe(45);
    expect(second!.evaluation.required).toBe(60);
  });

  it('the overview gives each credential its status, credits and deadline', () => {
    const result = evaluateCredentials([cpt, ep()], cells, { asOf });
    if (!result.ok) throw new Error(result.message);
    const overview = credentialOverview(result.results);
    expect(overview.map((o) => [o.programId, o.keyword, o.earned, o.required])).toEqual([
      ['ACSM-CPT', 'IN PROGRESS', 14, 45],
      ['GYM-EP', 'IN PROGRESS', 16, 60],
    ]);
    // ACSM: three years ending 31 December of the third year after the start year (rules revision 3).
    expect(overview.map((o) => o.deadline)).toEqual(['2028-12-31', '2028-12-31']);
    expect(overview[1]!.summary).toContain('GYM-EP: IN PROGRESS, 16 of 60');
  });

  it('a credential with its own cycle start reads its own window', () => {
    const later = credential('GYM-EP', '2026-01-01');
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
    const own = cellsForCredential(plain, [cpt, ep()], 1);
    expect(own.cells).toBe(plain);
    expect(own.otherRows).toEqual([]);
  });

  it('rows keep their sheet numbers when the log starts lower on the sheet', () => {
    const result = evaluateCredentials([cpt, ep()], cells, { asOf, firstRow: 5 });
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

describe('how a body shares credit between its own credentials (sharedCredentials)', () => {
  const cells = [
    HEADER,
    ['2025-03-01', 'Strength course', 'ACSM', 'CEC', 10, '', 'Certificate'],
    ['2025-04-01', 'Clinical workshop', 'ACSM', 'CEC', 6, 'ACSM-EP', 'Certificate'],
  ];
  const nism = credential('NISM-SMS', '2025-03-01');

  it('highestLevel (ACSM): the lower level is covered by the highest one, whose status and figures it shows', () => {
    const result = evaluateCredentials(
      [credential('ACSM-CPT', '2025-01-01'), credential('ACSM-EP', '2025-01-01'), nism],
      cells,
      { asOf },
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.results.map((r) => r.coveredBy)).toEqual([1, undefined, undefined]);
    const [cpt, ep, other] = credentialOverview(result.results);
    expect(cpt).toMatchObject({ programId: 'ACSM-CPT', coveredBy: 'ACSM-EP', earned: 16, required: 60 });
    expect(result.results[0]!.evaluation.earned).toBe(10);
    expect(cpt!.summary).toContain('through ACSM-EP');
    expect(ep).toMatchObject({ programId: 'ACSM-EP', earned: 16, required: 60 });
    expect(ep!.coveredBy).toBeUndefined();
    // Another body's credential is not touched.
    expect(other!.coveredBy).toBeUndefined();
  });

  it('one credential of a body: nothing is shared', () => {
    const result = evaluateCredentials([credential('ACSM-CPT', '2025-01-01'), nism], cells, { asOf });
    if (!result.ok) throw new Error(result.message);
    expect(result.results[0]!.coveredBy).toBeUndefined();
    expect(result.results[0]!.evaluation.required).toBe(45);
  });

  it('morePerCredential and each, as program data: the requirement rises per further credential, or stays', () => {
    const base = findProgram('ACSM-CPT')!;
    const more = (id: string, required: number) =>
      ({
        ...base,
        id,
        body: 'Body X',
        required,
        sharedCredentials: { mode: 'morePerCredential', extraPerCredential: 4 },
      }) as const;
    setCustomPrograms([
      more('X-ONE', 36),
      more('X-TWO', 36),
      { ...base, id: 'Y-ONE', body: 'Body Y', sharedCredentials: { mode: 'each' } },
      { ...base, id: 'Y-TWO', body: 'Body Y', sharedCredentials: { mode: 'each' } },
    ]);
    try {
      const result = evaluateCredentials(
        ['X-ONE', 'X-TWO', 'Y-ONE', 'Y-TWO'].map((id) => credential(id, '2025-01-01')),
        cells.map((r) => r.slice(0, 5)),
        { asOf },
      );
      if (!result.ok) throw new Error(result.message);
      expect(result.results.map((r) => r.evaluation.required)).toEqual([40, 40, 45, 45]);
      expect(result.results.map((r) => r.addedCredits)).toEqual([4, 4, undefined, undefined]);
      expect(result.results.map((r) => r.coveredBy)).toEqual([undefined, undefined, undefined, undefined]);
    } finally {
      setCustomPrograms([]);
    }
  });
});
