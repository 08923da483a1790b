/**
 * The cell functions called as Excel calls them: ranges as arrays of rows, dates as serials, null for
 * an omitted optional argument, "" or 0 for an empty cell. Errors must be Excel errors whose message
 * names the argument.
 */
import {
  ceCredits,
  CHECKLIST_ROWS,
  creditsEarned,
  creditsNeeded,
  recertDeadline,
  recertStatus,
} from '../../src/functions/functions';
import { CellError } from '../../src/functions/errors';
import fc from 'fast-check';
import {
  dayFromIso,
  dayFromSerial,
  evaluateLog,
  findProgram,
  PROGRAMS,
  serialFromDay,
  setCustomPrograms,
  today,
} from '../../src/core';

const serial = (iso: string) => serialFromDay(dayFromIso(iso)!);

const LOG = [
  ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Self-study hours', 'Approved', 'Proof'],
  [serial('2025-04-01'), 'Strategy webinar', 'NISM', 'Webinar', 2, '', true, 'Certificate'],
  [serial('2025-06-10'), 'Analytics course', 'NISM', 'Online asynchronous course', 0, 30, true, 'Certificate'],
  [serial('2025-09-01'), 'Summit', 'NISM', 'Conference', 5, '', true, 'Certificate'],
  ['', '', '', '', '', '', '', ''],
  [serial('2026-01-20'), 'Blended programme', 'NISM', 'Online blended course', 2, 10, true, 'Certificate'],
];

function errorOf(fn: () => unknown): CellError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CellError);
    return e as CellError;
  }
  throw new Error('expected an Excel error');
}

describe('CE_CREDITS', () => {
  test('worked examples through the cell function', () => {
    expect(ceCredits('NISM-SMS', 'Webinar', 1, null)).toBe(1);
    expect(ceCredits('nism-sms', 'online asynchronous course', 25, null)).toBe(2.5);
    expect(ceCredits('NISM-SMS', 'Online blended course', 3, 40)).toBe(5);
    expect(ceCredits('NISM-SMS', 'Research & writing', 2, 35)).toBe(5);
    expect(ceCredits('ACSM-CPT', 'CEU', 0.27, null)).toBe(2.7); // no 0.5 flooring (rules revision 5)
    expect(ceCredits('NAMSS-CPCS', 'Podcast quiz', 1.25, null)).toBe(1.25);
  });

  test('empty cells and omitted arguments mean "not given"', () => {
    expect(ceCredits('NISM-SMS', 'Webinar', '', null)).toBe(0);
    expect(ceCredits('NISM-SMS', 'Online blended course', 1, '')).toBe(1);
    expect(ceCredits('NISM-SMS', 'Online blended course', 1, 0)).toBe(1);
    expect(ceCredits('ACSM-CPT', '', 3, null)).toBe(3); // default format: Contact hours
    expect(ceCredits('NAMSS-DUAL', null, 2, null)).toBe(2); // default format: Other
    expect(ceCredits('NISM-SMS', '', '', null)).toBe(0); // an empty row
    expect(ceCredits('NISM-SMS', 'Webinar', '1.5', null)).toBe(1.5); // numeric text
    expect(ceCredits('NISM-SMS', [['Webinar']], [[2]], null)).toBe(2); // single-cell ranges
  });

  test.each([
    [
      () => ceCredits('NISM', 'Webinar', 1, null),
      '#VALUE!',
      /^program: "NISM" is not a known program; use one of NISM-SMS, NAMSS-CPCS/,
    ],
    [() => ceCredits('', 'Webinar', 1, null), '#VALUE!', /^program: enter a program id/],
    [() => ceCredits(42, 'Webinar', 1, null), '#VALUE!', /^program: "42" is not a known program/],
    [
      () => ceCredits('NISM-SMS', 'Podcast', 1, null),
      '#VALUE!',
      /^format: "Podcast" is not one of the NISM-SMS formats; use Webinar, In-person class/,
    ],
    [() => ceCredits('NISM-SMS', '', 2, null), '#VALUE!', /^format: enter a format, one of Webinar/],
    [
      () => ceCredits('NISM-SMS', 'Webinar', -1, null),
      '#NUM!',
      /^hours: -1 is negative; enter hours as a number, 0 or more$/,
    ],
    [() => ceCredits('NISM-SMS', 'Webinar', 'two', null), '#VALUE!', /^hours: "two" is not a number/],
    [
      () => ceCredits('NISM-SMS', 'Webinar', Infinity, null),
      '#NUM!',
      /^hours: Infinity is more than one entry can hold; enter 0 to 10,000$/,
    ],
    [
      () => ceCredits('NISM-SMS', 'Webinar', 1e308, null),
      '#NUM!',
      /^hours: 1e\+308 is more than one entry can hold; enter 0 to 10,000$/,
    ],
    [
      () => ceCredits('NISM-SMS', 'Webinar', ' 1e308 ', null),
      '#NUM!',
      /^hours: "1e308" is more than one entry can hold/,
    ],
    [() => ceCredits('NISM-SMS', 'Webinar', '1e400', null), '#NUM!', /^hours: "1e400" is more than one entry can hold/],
    [
      () => ceCredits('NISM-SMS', 'Webinar', 10_000.5, null),
      '#NUM!',
      /^hours: 10000.5 is more than one entry can hold/,
    ],
    [
      () => ceCredits('NISM-SMS', 'Online blended course', 1, 1e308),
      '#NUM!',
      /^selfStudyHours: 1e\+308 is more than one entry can hold/,
    ],
    [() => ceCredits('NISM-SMS', 'Webinar', NaN, null), '#NUM!', /^hours: the number is out of range/],
    [() => ceCredits('NISM-SMS', 'Online blended course', 1, -3), '#NUM!', /^selfStudyHours: -3 is negative/],
    [
      () => ceCredits('NISM-SMS', 'Online blended course', 1, 'lots'),
      '#VALUE!',
      /^selfStudyHours: "lots" is not a number/,
    ],
  ])('bad input gives the documented error (%#)', (call, code, message) => {
    const error = errorOf(call);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('CE_CREDITS remembers the ids and format texts it has read', () => {
  afterEach(() => setCustomPrograms([]));

  /** What a call shows in its cell: the value, or the error's code and message. */
  function shown(call: () => number): unknown {
    try {
      return { value: call() };
    } catch (e) {
      return { error: (e as CellError).code, message: (e as CellError).message };
    }
  }

  const ids = ['NISM-SMS', 'nism-sms', 'NAMSS-CPCS', 'ACSM-CPT', ' acsm-cpt ', 'NCCPA-PAC', 'CFP', 'NISM'];
  const texts = PROGRAMS.flatMap((p) => p.formats.flatMap((f) => [f.label, f.label.toUpperCase(), ...f.aliases]));
  const call = fc.tuple(
    fc.constantFrom(...ids),
    fc.oneof(fc.constantFrom(...texts, '', '  ', 'Podcast', ' webinar '), fc.constantFrom(null, 0, 7, [['CEU']])),
    fc.oneof(fc.double({ min: 0, max: 60, noNaN: true }), fc.constantFrom(0, -0, -1, '2.5', '', null, 20_000)),
    fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 40 }), fc.constantFrom('', -2, 'x')),
  );

  test('a call answered from memory answers as one read the whole way', () => {
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 30 }), (calls) => {
        for (const [id, format, hours, self] of calls) {
          // Replacing the custom programs (with none) makes the next call read everything again.
          setCustomPrograms([]);
          const whole = shown(() => ceCredits(id, format, hours, self));
          expect(shown(() => ceCredits(id, format, hours, self))).toEqual(whole);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a custom program saved after a call is the one the next call reads', () => {
    const base = findProgram('NISM-SMS')!;
    const custom = (perHour: number) => ({
      ...base,
      id: 'MY-CE',
      formats: base.formats.map((f) => (f.id === 'webinar' ? { ...f, perHour } : f)),
    });
    setCustomPrograms([custom(2)]);
    expect(ceCredits('MY-CE', 'Webinar', 1.5, null)).toBe(3);
    expect(ceCredits('MY-CE', 'Webinar', 1.5, null)).toBe(3);
    setCustomPrograms([custom(3)]);
    expect(ceCredits('MY-CE', 'Webinar', 1.5, null)).toBe(4.5);
    setCustomPrograms([]);
    expect(errorOf(() => ceCredits('MY-CE', 'Webinar', 1.5, null)).message).toMatch(/^program: "MY-CE" is not a known/);
  });
});

const year25 = new Date(0);
year25.setUTCFullYear(25, 2, 14);

describe('RECERT_STATUS, CREDITS_EARNED, CREDITS_NEEDED', () => {
  const start = serial('2025-03-14');
  const asOf = serial('2026-03-01');

  test('read the log with its header row and evaluate at asOf', () => {
    // 2 + 3 + 5 + 3 = 13
    expect(creditsEarned('NISM-SMS', start, LOG, asOf)).toBe(13);
    expect(creditsNeeded('NISM-SMS', start, LOG, asOf)).toBe(7);
    expect(recertStatus('NISM-SMS', start, LOG, asOf)).toBe('IN PROGRESS: 13 of 20 credits, 7 to go by 2027-03-14');
  });

  test('ISO text dates are accepted for cycleStart and asOf', () => {
    expect(creditsEarned('NISM-SMS', '2025-03-14', LOG, '2025-05-01')).toBe(2);
  });

  test('omitted asOf means today (activities dated after today are planned)', () => {
    const tomorrow = serialFromDay(today() + 1);
    const log = [
      LOG[0]!,
      [serialFromDay(today() - 1), 'x', 'NISM', 'Webinar', 1, '', true, 'Certificate'],
      [tomorrow, 'y', 'NISM', 'Conference', 2, '', true, 'Certificate'],
    ];
    const startSerial = serialFromDay(today() - 30);
    expect(creditsEarned('NISM-SMS', startSerial, log, null)).toBe(1);
    expect(creditsEarned('NISM-SMS', startSerial, log, '')).toBe(1);
    expect(creditsEarned('NISM-SMS', startSerial, log, 0)).toBe(1);
  });

  test('a row with a bad date counts for nothing but does not break the functions', () => {
    const log = [...LOG, ['31/02/2026', 'bad', 'NISM', 'Webinar', 3, '', true, 'Certificate']];
    expect(creditsEarned('NISM-SMS', start, log, asOf)).toBe(13);
  });

  test.each([
    [() => recertStatus('XYZ', 45000, LOG, null), '#VALUE!', /^program: "XYZ" is not a known program/],
    [() => recertStatus('NISM-SMS', '', LOG, null), '#VALUE!', /^cycleStart: enter a date/],
    [() => recertStatus('NISM-SMS', 'March 2025', LOG, null), '#VALUE!', /^cycleStart: "March 2025" is not a date/],
    [() => creditsEarned('NISM-SMS', 45000, LOG, 'tomorrow'), '#VALUE!', /^asOf: "tomorrow" is not a date/],
    [
      () => recertStatus('NISM-SMS', '0025-03-14', LOG, null),
      '#NUM!',
      /^cycleStart: "0025-03-14" is outside Excel's dates; use a date from 1900-01-01 to 9999-12-31$/,
    ],
    [() => recertStatus('NISM-SMS', year25, LOG, null), '#NUM!', /^cycleStart: "0025-03-14" is outside Excel's dates/],
    [() => creditsEarned('NISM-SMS', 2_958_466, LOG, null), '#NUM!', /^cycleStart: "2958466" is outside Excel's dates/],
    [() => creditsEarned('NISM-SMS', 45000, LOG, 2_958_466), '#NUM!', /^asOf: "2958466" is outside Excel's dates/],
    [() => creditsNeeded('NISM-SMS', 45000, LOG, -1), '#NUM!', /^asOf: "-1" is outside Excel's dates/],
    [
      () => creditsNeeded('NISM-SMS', 45000, LOG, '1899-12-31'),
      '#NUM!',
      /^asOf: "1899-12-31" is outside Excel's dates/,
    ],
    [
      () => creditsNeeded('NISM-SMS', 45000, LOG, new Date(Date.UTC(10000, 0, 1))),
      '#NUM!',
      /^asOf: "\+010000-01-01" is outside Excel's dates/,
    ],
    [
      () => creditsNeeded('NISM-SMS', 45000, LOG.slice(1), null),
      '#VALUE!',
      /^log: the first row looks like data, not headers/,
    ],
    [
      () => creditsNeeded('NISM-SMS', 45000, [['Activity', 'Provider']], null),
      '#VALUE!',
      /^log: no Date or Hours \(or Self-study hours\) column/,
    ],
    [
      () => creditsNeeded('NISM-SMS', 45000, 'A1:B3' as unknown as unknown[][], null),
      '#VALUE!',
      /^log: select the whole log range including its header row/,
    ],
    [() => creditsNeeded('NISM-SMS', 45000, [], null), '#VALUE!', /^log: select the whole log range/],
  ])('bad input gives the documented error (%#)', (call, code, message) => {
    const error = errorOf(call);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('numbers and dates at the edges of what Excel holds', () => {
  test('CE_CREDITS: 10,000 hours (the per-entry limit) is accepted and capped; any number of hours gives a finite result or an error', () => {
    expect(ceCredits('NISM-SMS', 'Webinar', 10_000, null)).toBe(5);
    expect(ceCredits('NAMSS-CPCS', 'Webinar', 10_000, null)).toBe(10_000);
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.constantFrom(1e308, Number.MAX_VALUE, '1e308', '1e999')), (hours) => {
        try {
          expect(Number.isFinite(ceCredits('NAMSS-CPCS', 'Webinar', hours, null))).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(CellError);
        }
      }),
    );
  });

  test('the last and first dates Excel holds are accepted as arguments', () => {
    expect(recertDeadline('NISM-SMS', '1900-01-01')).toBe(serial('1902-01-01'));
    expect(recertDeadline('NISM-SMS', 1)).toBe(serial('1902-01-01'));
    expect(creditsEarned('NISM-SMS', serial('2025-03-14'), LOG, 2_958_465)).toBe(13);
    expect(recertStatus('NISM-SMS', '9999-12-31', LOG, '9999-12-31')).toMatch(
      /^IN PROGRESS: 0 of 20 credits, 20 to go by 10001-12-31$/,
    );
  });

  test('a 5,000-character argument is quoted with its first 39 characters and "…"', () => {
    const long = 'y'.repeat(5000);
    const calls = [
      () => ceCredits(long, 'Webinar', 1, null),
      () => ceCredits('NISM-SMS', long, 1, null),
      () => ceCredits('NISM-SMS', 'Webinar', long, null),
      () => ceCredits('NISM-SMS', 'Webinar', '9'.repeat(5000), null),
      () => recertStatus('NISM-SMS', long, LOG, null),
      () => creditsEarned('NISM-SMS', 45000, LOG, long),
    ];
    for (const call of calls) {
      const { message } = errorOf(call);
      expect(message).toMatch(/"(y{39}|9{39})…"/);
      expect(message).not.toMatch(/y{40}|9{40}/);
      // Apart from the list of program ids an unknown program is answered with (20 and growing).
      expect(message.replace(/; use one of [A-Z0-9, -]+$/, '').length).toBeLessThan(300);
    }
  });
});

describe('RECERT_DEADLINE', () => {
  test.each([
    ['NISM-SMS', '2025-03-14', '2027-03-14'],
    ['NAMSS-DUAL', '2022-12-02', '2025-12-01'],
    ['ACSM-EP', '2024-02-29', '2027-12-31'], // 31 December (rules revision 4)
  ])('%s starting %s → %s, as a date serial', (id, start, deadline) => {
    expect(recertDeadline(id, serial(start))).toBe(serial(deadline));
    expect(recertDeadline(id.toLowerCase(), start)).toBe(serial(deadline));
  });

  test('bad arguments', () => {
    expect(errorOf(() => recertDeadline('NISM-SMS', -5)).message).toMatch(
      /^cycleStart: "-5" is outside Excel's dates; use a date from 1900-01-01 to 9999-12-31$/,
    );
    expect(errorOf(() => recertDeadline('NISM-SMS', 'soon')).message).toMatch(/^cycleStart: "soon" is not a date/);
    expect(errorOf(() => recertDeadline(null, 45000)).message).toMatch(/^program: enter a program id/);
  });
});

describe('the profile argument (rules section 7, revision 10)', () => {
  // Excel passes an omitted range as null; the declared type stays a range (any[][]) for the metadata.
  const omitted = null as unknown as undefined;
  // The CE Profile sheet's labels and values, as Excel passes them: dates as serials, a tick as TRUE.
  const profileSheet = (rows: unknown[][]) => [
    ['CE Ledger profile', ''],
    ['Program', 'NISM-SMS'],
    ['Cycle start', serial('2025-03-14')],
    ...rows,
    ['Attested: Re-certification fee paid ($135)', true],
  ];

  test('Expires replaces the computed deadline, for the status and for RECERT_DEADLINE', () => {
    const profile = profileSheet([['Expires', serial('2027-06-30')]]);
    expect(recertDeadline('NISM-SMS', serial('2025-03-14'), omitted)).toBe(serial('2027-03-14'));
    expect(recertDeadline('NISM-SMS', serial('2025-03-14'), profile)).toBe(serial('2027-06-30'));
    const asOf = serial('2027-04-01');
    expect(recertStatus('NISM-SMS', serial('2025-03-14'), LOG, asOf, omitted)).toMatch(/^LAPSED: /);
    expect(recertStatus('NISM-SMS', serial('2025-03-14'), LOG, asOf, profile)).toMatch(
      /^IN PROGRESS: 13 of 20 credits, 7 to go by 2027-06-30$/,
    );
  });

  test('names match ignoring case and spaces; yes/no and text dates are read', () => {
    const profile = [
      ['extension GRANTED', 'yes'],
      ['EXPIRES', '2027-03-14'],
    ];
    // NISM's granted 3-month extension: the deadline moves to 2027-06-14.
    expect(recertDeadline('NISM-SMS', serial('2025-03-14'), profile)).toBe(serial('2027-06-14'));
    expect(recertDeadline('NISM-SMS', serial('2025-03-14'), [['Extension granted', false]])).toBe(serial('2027-03-14'));
  });

  test('the same log with and without a profile gives each its own totals', () => {
    const start = serial('2025-03-14');
    const asOf = serial('2027-05-01');
    const late = [...LOG, [serial('2027-04-20'), 'Late webinar', 'NISM', 'Webinar', 3, '', true, 'Certificate']];
    const granted = [['Extension granted', true]];
    expect(creditsEarned('NISM-SMS', start, late, asOf, omitted)).toBe(13);
    expect(creditsEarned('NISM-SMS', start, late, asOf, granted)).toBe(16);
    expect(creditsNeeded('NISM-SMS', start, late, asOf, granted)).toBe(4);
    expect(creditsEarned('NISM-SMS', start, late, asOf, omitted)).toBe(13);
  });

  test('a bad fact or a range that is not name/value pairs is a #VALUE! naming the profile', () => {
    const start = serial('2025-03-14');
    const bad = errorOf(() => recertStatus('NISM-SMS', start, LOG, null, [['Expires', 'soon']]));
    expect(bad.code).toBe('#VALUE!');
    expect(bad.message).toBe('profile: Expires: enter a date (yyyy-mm-dd)');
    expect(errorOf(() => recertDeadline('NISM-SMS', start, [['Expires']])).message).toMatch(
      /^profile: select a two-column range of names and values/,
    );
    // An empty single cell is "not given".
    expect(recertDeadline('NISM-SMS', start, [['']])).toBe(serial('2027-03-14'));
  });
});

describe('inside Excel the error is a CustomFunctions.Error', () => {
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  afterEach(() => delete g.CustomFunctions);

  test('with the matching error code and our message', () => {
    class FakeError {
      constructor(
        readonly code: string,
        readonly message: string,
      ) {}
    }
    g.CustomFunctions = { Error: FakeError, ErrorCode: { invalidValue: '#VALUE!', invalidNumber: '#NUM!' } };
    let thrown: unknown;
    try {
      ceCredits('NISM-SMS', 'Webinar', -2, null);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FakeError);
    expect(thrown).toMatchObject({
      code: '#NUM!',
      message: 'hours: -2 is negative; enter hours as a number, 0 or more',
    });
  });
});

describe('an unchanged log is recognised between status cells', () => {
  test('a log changed in place is evaluated again, never answered from memory', () => {
    const log = LOG.map((row) => [...row]);
    const start = serial('2025-03-14');
    const asOf = serial('2026-03-01');
    expect(creditsEarned('NISM-SMS', start, log, asOf)).toBe(13);
    log[1]![4] = 4; // the webinar becomes 4 hours, in the same array
    expect(creditsEarned('NISM-SMS', start, log, asOf)).toBe(15);
    expect(
      creditsEarned(
        'NISM-SMS',
        start,
        log.map((r) => [...r]),
        asOf,
      ),
    ).toBe(15);
    expect(creditsEarned('NISM-SMS', start, LOG, asOf)).toBe(13);
    expect(creditsEarned('NISM-SMS', start, LOG, serial('2025-05-01'))).toBe(2); // another asOf
  });
});

describe('the memory of recent logs never answers for a different log', () => {
  test('random edits anywhere in the log: every answer equals a fresh evaluation', () => {
    const start = serial('2025-03-14');
    const asOf = serial('2026-03-01');
    const program = findProgram('NISM-SMS')!;
    const edit = fc.record({
      row: fc.integer({ min: 0, max: LOG.length - 1 }),
      column: fc.integer({ min: 0, max: LOG[0]!.length - 1 }),
      value: fc.oneof(
        fc.constant(''),
        fc.constant('Webinar'),
        fc.constant('Grovo'),
        fc.integer({ min: 0, max: 8 }),
        fc.constant(serial('2025-06-01')),
        fc.boolean(),
      ),
      inPlace: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        let log = LOG.map((row) => [...row]);
        for (const { row, column, value, inPlace } of edits) {
          if (!inPlace) log = log.map((r) => [...r]);
          log[row]![column] = value;
          const fresh = evaluateLog(program, log, { cycleStart: dayFromSerial(start)!, asOf: dayFromSerial(asOf)! });
          if (!fresh.ok) {
            expect(() => creditsEarned('NISM-SMS', start, log, asOf)).toThrow(fresh.message);
            continue;
          }
          expect(recertStatus('NISM-SMS', start, log, asOf)).toBe(fresh.evaluation.status.line);
          expect(
            creditsEarned(
              'NISM-SMS',
              start,
              log.map((r) => [...r]),
              asOf,
            ),
          ).toBe(fresh.evaluation.earned);
          expect(creditsNeeded('NISM-SMS', start, log, asOf)).toBe(fresh.evaluation.needed);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the memory of recent logs compares every column the totals read, however many', () => {
  const start = serial('2025-03-14');
  const asOf = serial('2026-03-01');
  const copy = (log: unknown[][]) => log.map((r) => [...r]);

  test('a log with more than eight such columns: an edit in the last of them is seen', () => {
    // Date, Provider, Format, Hours, Self-study, Subject, Approved, Proof, Score and Status are all read.
    const wide = [
      [
        'Date',
        'Activity',
        'Provider',
        'Format',
        'Hours',
        'Self-study hours',
        'Subject area',
        'Approved',
        'Proof',
        'Score',
        'Status',
      ],
      [serial('2025-04-01'), 'Webinar', 'NISM', 'Webinar', 2, '', '', true, 'Certificate', '', 'Completed'],
      [serial('2025-05-01'), 'Class', 'NISM', 'In-person class', 3, '', '', true, 'Certificate', '', 'Completed'],
    ];
    expect(creditsEarned('NISM-SMS', start, copy(wide), asOf)).toBe(5);
    const cancelled = copy(wide);
    cancelled[2]![10] = 'Cancelled';
    expect(creditsEarned('NISM-SMS', start, cancelled, asOf)).toBe(2);
    expect(creditsEarned('NISM-SMS', start, copy(wide), asOf)).toBe(5);
  });

  test('a log with only a Date and an Hours column: an edit to either is seen', () => {
    const narrow = [
      ['Date', 'Hours'],
      [serial('2025-04-01'), 2],
      [serial('2025-05-01'), 3],
    ];
    expect(creditsEarned('NAMSS-CPCS', start, copy(narrow), asOf)).toBe(5);
    const edited = copy(narrow);
    edited[1]![1] = 4;
    expect(creditsEarned('NAMSS-CPCS', start, edited, asOf)).toBe(7);
    const moved = copy(narrow);
    moved[2]![0] = serial('2024-01-01'); // before the cycle: no longer counts
    expect(creditsEarned('NAMSS-CPCS', start, moved, asOf)).toBe(2);
  });

  test('a row dated outside the cycle: its other cells are seen again once its date moves into the cycle', () => {
    const log = [
      ['Date', 'Format', 'Hours', 'Approved'],
      [serial('2025-04-01'), 'Webinar', 2, true],
      [serial('2024-01-01'), 'Webinar', 3, true], // before the cycle: counts for nothing
    ];
    expect(creditsEarned('NAMSS-CPCS', start, copy(log), asOf)).toBe(2);
    const hours = copy(log);
    hours[2]![2] = 7;
    expect(creditsEarned('NAMSS-CPCS', start, hours, asOf)).toBe(2);
    const bad = copy(hours);
    bad[2]![1] = 'Lunch & learn'; // not a NAMSS format: it would make the row invalid, were it in the cycle
    expect(creditsEarned('NAMSS-CPCS', start, bad, asOf)).toBe(2);
    const moved = copy(hours);
    moved[2]![0] = serial('2025-05-01');
    expect(creditsEarned('NAMSS-CPCS', start, moved, asOf)).toBe(9);
    const movedBad = copy(bad);
    movedBad[2]![0] = serial('2025-05-01');
    expect(creditsEarned('NAMSS-CPCS', start, movedBad, asOf)).toBe(2);
  });

  test('the same with dates typed as text', () => {
    const log = [
      ['Date', 'Format', 'Hours', 'Approved'],
      ['2025-04-01', 'Webinar', 2, true],
      ['2024-01-01', 'Webinar', 3, true], // before the cycle: counts for nothing
    ];
    expect(creditsEarned('NAMSS-CPCS', start, copy(log), asOf)).toBe(2);
    const hours = copy(log);
    hours[2]![2] = 7;
    expect(creditsEarned('NAMSS-CPCS', start, hours, asOf)).toBe(2);
    const moved = copy(hours);
    moved[2]![0] = '2025-05-01';
    expect(creditsEarned('NAMSS-CPCS', start, moved, asOf)).toBe(9);
  });
});

test('text dates that a value shows to be day first are read day first, by the cell functions and the pane alike', () => {
  // 13/04/2025 can only be 13 April, so the column is day first: 05/06/2025 is 5 June, after asOf.
  const log = [
    ['Date', 'Format', 'Hours'],
    ['13/04/2025', 'Webinar', 2],
    ['05/06/2025', 'Webinar', 3],
  ];
  const start = serial('2025-03-14');
  const asOf = serial('2025-05-10');
  expect(creditsEarned('NISM-SMS', start, log, asOf)).toBe(2);
  const full = evaluateLog(findProgram('NISM-SMS')!, log, {
    cycleStart: dayFromSerial(start)!,
    asOf: dayFromSerial(asOf)!,
  });
  expect(full.ok && full.evaluation.earned).toBe(2);
});

describe('RECERT_STATUS with the requirements met', () => {
  const met = (location: string) => [
    ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Approved', 'Proof', 'Location'],
    [serial('2023-04-01'), 'Credentialing summit', 'NAMSS', 'Conference', 15, true, 'Certificate', 'Denver, CO'],
    [serial('2024-04-01'), 'Bylaws course', 'NAMSS', 'Webinar', 15, true, 'Certificate', location],
  ];

  test('says how many checklist items are still open, and follows an edit to a cell the totals do not read', () => {
    const asOf = serial('2025-09-01');
    expect(recertStatus('NAMSS-CPCS', '2022-05-01', met(''), asOf)).toMatch(/^READY: 30 of 30 .*; 1 item open$/);
    // The same totals, the location filled in: the memory of the last log must not answer with the old count.
    const done = recertStatus('NAMSS-CPCS', '2022-05-01', met('Online, Austin, TX'), asOf);
    expect(done).toMatch(/^READY: 30 of 30 /);
    expect(done).not.toMatch(/open$/);
    expect(creditsEarned('NAMSS-CPCS', '2022-05-01', met(''), asOf)).toBe(30);
  });

  test('on a log too long to count them at every recalculation, it points to the pane instead of saying nothing', () => {
    const asOf = serial('2025-09-01');
    const log = met('');
    const filler = ['', '', '', '', '', '', '', 'note'];
    while (log.length - 1 <= CHECKLIST_ROWS) log.push(filler);
    expect(recertStatus('NAMSS-CPCS', '2022-05-01', log, asOf)).toMatch(
      /^READY: 30 of 30 .*; see the checklist in the task pane$/,
    );
  });
});
