/** assets/sample-tracker.xlsx is generated from src/preview/sample.ts and must stay in step with it. */
import { join, resolve } from 'path';
import { dayFromIso, evaluateLog, findProgram } from '../../src/core';
import { buildSampleTracker } from '../../src/cli/sample-tracker';
import {
  SAMPLE_AS_OF,
  SAMPLE_CYCLE_START,
  SAMPLE_NAME,
  SAMPLE_PROGRAM,
  sampleLogValues,
} from '../../src/preview/sample';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { run } from './helpers';

const asset = join(resolve(__dirname, '..', '..'), 'assets', 'sample-tracker.xlsx');

test('the committed sample tracker holds what the generator writes (run `npm run make:sample` if not)', async () => {
  const committed = await (await XlsxWorkbook.open(asset)).read({ sheets: 'all' });
  const fresh = await (await buildSampleTracker()).read({ sheets: 'all' });
  expect(committed.sheetNames).toEqual(fresh.sheetNames);
  expect(committed.names).toEqual(fresh.names);
  for (const name of fresh.sheetNames) expect(committed.sheets[name]).toEqual(fresh.sheets[name]);
});

test("checking the sample gives the core's verdict on the sample rows, profile read from the file", async () => {
  const r = await run(['check', asset, '--json', '--as-of', SAMPLE_AS_OF], process.cwd());
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  const ev = evaluateLog(findProgram(SAMPLE_PROGRAM)!, sampleLogValues(), {
    cycleStart: dayFromIso(SAMPLE_CYCLE_START)!,
    asOf: dayFromIso(SAMPLE_AS_OF)!,
  });
  if (!ev.ok) throw new Error(ev.message);
  expect(json.status).toBe(ev.evaluation.status.keyword);
  expect(json.earned).toBe(ev.evaluation.earned);
  expect(json.needed).toBe(ev.evaluation.needed);
  expect(json.problems.length).toBeGreaterThan(0);
  expect(json.missingProof.length).toBeGreaterThan(0);
  const summary = await (await XlsxWorkbook.open(asset)).read({ sheets: ['CE Profile'] });
  expect(summary.sheets['CE Profile']!.values.flat()).toContain(SAMPLE_NAME);
});
