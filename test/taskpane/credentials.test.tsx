/**
 * Several credentials in the pane (issue 13, point 4): with "Credential 2 …" rows in the CE Profile, an
 * overview line per credential (status, credits, deadline) stands above the dashboard of the first.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { checkProfile, dayFromIso, evaluateLog, findProgram, formatCredits } from '../../src/core';
import { App } from '../../src/taskpane/App';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { credentialOps } from '../../src/workbook/profile-sheet';
import { PaneController } from '../../src/workbook/session';
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
  expect(text(renderToStaticMarkup(<App controller={c} />))).not.toContain('Your credentials');
});
