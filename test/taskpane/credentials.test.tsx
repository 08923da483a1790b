/**
 * Several credentials in the pane (issue 13, point 4): with "Credential 2 …" rows in the CE Profile, an
 * overview line per credential (status, credits, deadline) stands above the dashboard, and each line
 * shows its credential's own dashboard when chosen.
 */
import ICAL from 'ical.js';
import { renderToStaticMarkup } from 'react-dom/server';
import { checkProfile, dayFromIso, evaluateLog, findProgram, formatCredits } from '../../src/core';
import { App } from '../../src/taskpane/App';
import { calendarFile } from '../../src/taskpane/CalendarAction';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { credentialOps } from '../../src/workbook/profile-sheet';
import { PaneController } from '../../src/workbook/session';
import type { CellValue } from '../../src/workbook/port';
import { SAMPLE_AS_OF, sampleLogValues } from '../../src/preview/sample';
import { sampleMemory } from '../fakes/sample-workbook';

const asOf = dayFromIso(SAMPLE_AS_OF)!;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function withSecondCredential(): Promise<MemoryWorkbook> {
  const wb = await sampleMemory();
  const second = checkProfile({ program: 'ACSM-CPT', cycleStart: '2025-01-01' });
  if (!second.ok) throw new Error('bad credential');
  await wb.apply(credentialOps([second.profile], await wb.read({ sheets: 'all' })));
  return wb;
}

test('two credentials: an overview line each above the dashboard, with the figures each program gives', async () => {
  const c = new PaneController(await withSecondCredential(), { asOf });
  await c.refresh();
  const state = c.getState();
  expect(state.credentials?.map((x) => x.programId)).toEqual([state.program!.id, 'ACSM-CPT']);
  // The first line is the dashboard's credential; the second, ACSM-CPT's own evaluation of the same log.
  expect(state.shownCredential).toBe(0);
  expect(state.credentials![0]!.earned).toBe(state.evaluation!.earned);
  const acsm = evaluateLog(findProgram('ACSM-CPT')!, sampleLogValues(), {
    cycleStart: dayFromIso('2025-01-01')!,
    asOf,
  });
  if (!acsm.ok) throw new Error(acsm.message);
  expect(state.credentials![1]).toMatchObject({ keyword: acsm.evaluation.status.keyword, required: 45 });
  expect(state.credentials![1]!.earned).toBe(acsm.evaluation.earned);

  const t = text(renderToStaticMarkup(<App controller={c} />));
  expect(t).toContain('Your credentials');
  const overview = t.indexOf('Your credentials');
  expect(overview).toBeLessThan(t.indexOf('Status '));
  expect(t).toContain(`ACSM-CPT ${formatCredits(acsm.evaluation.earned)} of 45 CECs deadline 2028-12-31`);
  expect(t).toContain(`${state.program!.id} ${formatCredits(state.evaluation!.earned)} of`);
});

test('one credential: no overview, the pane is as before', async () => {
  const c = new PaneController(await sampleMemory(), { asOf });
  await c.refresh();
  expect(c.getState().credentials).toBeUndefined();
  expect(c.getState().shownCredential).toBeUndefined();
  expect(text(renderToStaticMarkup(<App controller={c} />))).not.toContain('Your credentials');
});

// ---- Each credential has its own dashboard ----

const HEADER = ['Date', 'Activity', 'Provider', 'Format', 'Hours', 'Category', 'Proof'];
const SHARED: CellValue[] = ['2025-04-01', 'Incident response course', 'SANS', 'Training', 12, '', 'Certificate'];
const CISSP_ONLY: CellValue[] = [
  '2025-05-01',
  'Security architecture',
  'ISC2',
  'Training',
  8,
  'ISC2-CISSP',
  'Certificate',
];
const COMPTIA_ONLY: CellValue[] = [
  '2025-06-01',
  'Cloud+ course',
  'CompTIA',
  'Training',
  5,
  'COMPTIA-SECURITYPLUS',
  'Certificate',
];
const LOG: CellValue[][] = [HEADER, SHARED, CISSP_ONLY, COMPTIA_ONLY];
const SEC_AS_OF = dayFromIso('2026-01-15')!;

/** ISC2-CISSP in the profile's own rows, COMPTIA-SECURITYPLUS as credential 2, one log for both. */
async function securityPane(): Promise<{ wb: MemoryWorkbook; c: PaneController }> {
  // With a blank row at the end of the table, for an entry typed later.
  const wb = new MemoryWorkbook({ 'CE Log': [...LOG.map((r) => r.slice()), HEADER.map(() => null)] });
  const range = { row: 0, col: 0, rows: LOG.length + 1, cols: HEADER.length };
  await wb.apply([{ kind: 'createTable', sheet: 'CE Log', name: 'CELog', range }]);
  const c = new PaneController(wb, { asOf: SEC_AS_OF });
  const saved = await c.saveProfile({ program: 'ISC2-CISSP', cycleStart: '2025-01-01' });
  if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
  const second = checkProfile({ program: 'COMPTIA-SECURITYPLUS', cycleStart: '2025-03-01' });
  if (!second.ok) throw new Error('bad credential');
  await wb.apply(credentialOps([second.profile], await wb.read({ sheets: 'all' })));
  await c.refresh();
  return { wb, c };
}

/** What COMPTIA-SECURITYPLUS alone makes of the entries that count for it (no marks, no ISC2-only row). */
function comptiaAlone() {
  const cells = [HEADER, SHARED, [...COMPTIA_ONLY.slice(0, 5), '', 'Certificate']];
  const result = evaluateLog(findProgram('COMPTIA-SECURITYPLUS')!, cells, {
    cycleStart: dayFromIso('2025-03-01')!,
    asOf: SEC_AS_OF,
  });
  if (!result.ok) throw new Error(result.message);
  return result.evaluation;
}

test('choosing the second credential shows its own dashboard: its program, credits, requirement and status', async () => {
  const { c } = await securityPane();
  const before = c.getState();
  expect(before.credentials?.map((x) => x.programId)).toEqual(['ISC2-CISSP', 'COMPTIA-SECURITYPLUS']);
  expect(before.evaluation!.program.id).toBe('ISC2-CISSP');
  // ISC2 counts the shared entry and its own: 12 + 8; not the CompTIA-only one.
  expect(before.evaluation!.earned).toBe(20);

  await c.chooseCredential(1);
  const state = c.getState();
  const alone = comptiaAlone();
  expect(state.shownCredential).toBe(1);
  expect(state.evaluation!.program.id).toBe('COMPTIA-SECURITYPLUS');
  // 12 shared + 5 of its own; the 8 credits marked ISC2-CISSP only are not counted here.
  expect(state.evaluation!.earned).toBe(17);
  expect(state.evaluation!.earned).toBe(alone.earned);
  expect(state.evaluation!.required).toBe(50);
  expect(state.evaluation!.status.keyword).toBe(alone.status.keyword);
  expect(state.evaluation!.cycle.deadline).toBe(alone.cycle.deadline);
  // The overview still has both lines, each with its own figures.
  expect(state.credentials!.map((x) => [x.programId, x.earned, x.required])).toEqual([
    ['ISC2-CISSP', 20, 120],
    ['COMPTIA-SECURITYPLUS', 17, 50],
  ]);

  const html = renderToStaticMarkup(<App controller={c} />);
  const t = text(html);
  expect(t).toContain(`Dashboard below: COMPTIA-SECURITYPLUS (${findProgram('COMPTIA-SECURITYPLUS')!.name})`);
  const status = t.slice(t.indexOf('Status '));
  expect(status).toContain(`${alone.status.keyword} `);
  expect(status).toContain(`Total: 17 of 50 ${findProgram('COMPTIA-SECURITYPLUS')!.creditUnit}`);
  expect(status).not.toContain('of 120');
  // The entry marked for ISC2-CISSP only is named as not counted here (sheet row 3).
  expect(t).toContain('Not counted below, marked for other credentials only: Row 3.');
  // The lines are toggle buttons: the second is pressed and says it is shown.
  const pressed = [...html.matchAll(/<button[^>]*aria-pressed="(true|false)"[^>]*>(.*?)<\/button>/g)].map((m) => [
    m[1],
    text(m[2]!).trim(),
  ]);
  expect(pressed).toEqual([
    ['false', expect.stringMatching(/^IN PROGRESS ISC2-CISSP 20 of 120 CPEs deadline \S+$/)],
    ['true', expect.stringMatching(/ COMPTIA-SECURITYPLUS 17 of 50 \S+ deadline \S+ \(shown below\)$/)],
  ]);
});

test('the chosen credential stays shown through refreshes, and the first comes back when it is gone', async () => {
  const { wb, c } = await securityPane();
  await c.chooseCredential(1);
  // A new entry for both credentials: the refresh evaluates it, still for the chosen credential.
  const entry = ['2025-07-01', 'Threat modelling', 'SANS', 'Training', 3, '', 'Certificate'];
  await wb.apply([{ kind: 'setValues', sheet: 'CE Log', row: LOG.length, col: 0, values: [entry] }]);
  c.changed();
  await c.refresh();
  expect(c.getState().shownCredential).toBe(1);
  expect(c.getState().evaluation!.program.id).toBe('COMPTIA-SECURITYPLUS');
  expect(c.getState().evaluation!.earned).toBe(20);

  // Credential 2 removed from the profile: the dashboard falls back to the first.
  const profile = (await wb.read({ sheets: ['CE Profile'] })).sheets['CE Profile']!;
  const row = profile.values.findIndex((r) => r[0] === 'Credential 2 program');
  expect(row).toBeGreaterThan(0);
  await wb.apply([{ kind: 'setValues', sheet: 'CE Profile', row: profile.row + row, col: 1, values: [['']] }]);
  await c.refresh();
  expect(c.getState().credentials).toBeUndefined();
  expect(c.getState().shownCredential).toBeUndefined();
  expect(c.getState().evaluation!.program.id).toBe('ISC2-CISSP');
  // ISC2 alone now: the marked rows are read as any other (a single credential reads no marks).
  expect(c.getState().evaluation!.earned).toBe(12 + 8 + 5 + 3);
});

test('the calendar file holds both credentials’ deadlines, whichever dashboard is shown', async () => {
  const { c } = await securityPane();
  await c.chooseCredential(1);
  const state = c.getState();
  const file = calendarFile(state.evaluation!, state.calendar, new Date(Date.UTC(2026, 0, 15, 9, 0, 0)));
  expect(file.name).toBe('CE-credentials-dates.ics');
  const calendar = new ICAL.Component(ICAL.parse(file.text));
  const events = calendar
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v))
    .map((e) => [e.startDate.toString(), e.summary]);
  const deadlines = state.credentials!.map((x) => x.deadline);
  expect(deadlines[0]).not.toBe(deadlines[1]);
  expect(events).toContainEqual([deadlines[0], 'ISC2-CISSP: renewal deadline']);
  expect(events).toContainEqual([deadlines[1], 'COMPTIA-SECURITYPLUS: renewal deadline']);
  expect(events.filter(([, s]) => /deadline in 90 days$/.test(s!)).map(([, s]) => s)).toEqual(
    expect.arrayContaining([
      'ISC2-CISSP: renewal deadline in 90 days',
      'COMPTIA-SECURITYPLUS: renewal deadline in 90 days',
    ]),
  );
});

test('a credential covered by a higher level of its body shows that level’s dashboard and says so', async () => {
  const wb = await sampleMemory();
  const extra = ['ACSM-CPT', 'ACSM-EP'].map((program) => {
    const checked = checkProfile({ program, cycleStart: '2025-01-01' });
    if (!checked.ok) throw new Error('bad credential');
    return checked.profile;
  });
  await wb.apply(credentialOps(extra, await wb.read({ sheets: 'all' })));
  const c = new PaneController(wb, { asOf });
  await c.refresh();
  const cpt = c.getState().credentials!.findIndex((x) => x.programId === 'ACSM-CPT');
  expect(c.getState().credentials![cpt]!.coveredBy).toBe('ACSM-EP');
  await c.chooseCredential(cpt);
  const state = c.getState();
  expect(state.shownCredential).toBe(cpt);
  // ACSM asks only the highest level's requirement: the figures are ACSM-EP's, never ACSM-CPT's 45 alone.
  expect(state.evaluation!.program.id).toBe('ACSM-EP');
  expect(state.evaluation!.required).toBe(findProgram('ACSM-EP')!.required);
  const t = text(renderToStaticMarkup(<App controller={c} />));
  expect(t).toContain('ACSM-CPT is covered by ACSM-EP');
  expect(t).toContain(`Total: ${formatCredits(state.evaluation!.earned)} of ${findProgram('ACSM-EP')!.required}`);
});

test('the checklist of the credential shown is ticked in its own row, never in another credential’s', async () => {
  const { wb, c } = await securityPane();
  const fee = () => c.getState().evaluation!.checklist.find((i) => i.id === 'fee' && i.kind === 'manual');
  await c.chooseCredential(1);
  expect(fee()?.done).toBe(false);
  // CompTIA's "CE fee paid" and ISC2's "Annual maintenance fee paid" share the item id "fee".
  await c.setAttestation('fee', true);
  expect(c.getState().evaluation!.program.id).toBe('COMPTIA-SECURITYPLUS');
  expect(fee()?.done).toBe(true);
  const profile = (await wb.read({ sheets: ['CE Profile'] })).sheets['CE Profile']!;
  const row = profile.values.find((r) => /^Credential 2 attested: CE fee paid/.test(String(r[0])));
  expect(row?.[1]).toBe(true);
  expect(c.getState().profile.profile!.attestations.fee).not.toBe(true);

  await c.chooseCredential(0);
  expect(c.getState().evaluation!.program.id).toBe('ISC2-CISSP');
  expect(fee()?.done).toBe(false);
  await c.setAttestation('fee', true);
  expect(fee()?.done).toBe(true);
  await c.chooseCredential(1);
  await c.setAttestation('fee', false);
  expect(fee()?.done).toBe(false);
  await c.chooseCredential(0);
  expect(fee()?.done).toBe(true);
});

test('a row problem in the dashboard of the second credential selects its cell in the log', async () => {
  const { wb, c } = await securityPane();
  // A bad date in an entry marked for CompTIA only: a problem of its dashboard, not of ISC2's.
  const entry = ['2025-13-45', 'Broken entry', 'CompTIA', 'Training', 2, 'COMPTIA-SECURITYPLUS', 'Certificate'];
  await wb.apply([{ kind: 'setValues', sheet: 'CE Log', row: LOG.length, col: 0, values: [entry] }]);
  await c.refresh();
  expect(c.getState().evaluation!.problems).toEqual([]);
  await c.chooseCredential(1);
  const problems = c.getState().evaluation!.problems;
  expect(problems.map((p) => [p.row, p.column])).toEqual([[LOG.length + 1, 'Date']]);
  await c.selectProblem(problems[0]!);
  expect(wb.selection).toEqual({ sheet: 'CE Log', range: { row: LOG.length, col: 0, rows: 1, cols: 1 } });
});

test('a further credential the CE Profile names wrongly is said in the pane, not dropped without a word', async () => {
  const wb = await withSecondCredential();
  // A third credential whose program is not a program.
  const snapshot = await wb.read({ sheets: 'all' });
  const profile = Object.values(snapshot.sheets).find((s) => s.name === 'CE Profile')!;
  const row = profile.row + profile.values.length;
  await wb.apply([
    {
      kind: 'setValues',
      sheet: 'CE Profile',
      row,
      col: 0,
      values: [
        ['Credential 3 program', 'NOPE-123'],
        ['Credential 3 cycle start', '2025-01-01'],
      ],
    },
  ]);
  const c = new PaneController(wb, { asOf });
  await c.refresh();
  const state = c.getState();
  // The two readable credentials are still shown.
  expect(state.credentials?.map((x) => x.programId)).toEqual([state.program!.id, 'ACSM-CPT']);
  expect(state.credentialProblems?.map((p) => p.field)).toEqual(['Credential 3 program']);
  const t = text(renderToStaticMarkup(<App controller={c} />)).replace(/&quot;/g, '"');
  expect(t).toContain('Not in the overview: CE Profile "Credential 3 program": is not a known program id');
});
