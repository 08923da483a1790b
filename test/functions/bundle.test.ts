/**
 * dist/functions.js must stand alone: loaded by itself in a JavaScript context that provides only
 * `CustomFunctions`, it registers every function in functions.json, and the registered functions work.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

const dist = path.join(__dirname, '../../dist');

test('functions.js registers every function named in functions.json, with no other chunk', () => {
  const code = fs.readFileSync(path.join(dist, 'functions.js'), 'utf8');
  const metadata = JSON.parse(fs.readFileSync(path.join(dist, 'functions.json'), 'utf8')) as { functions: { id: string }[] };
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  class FakeError {
    constructor(
      readonly code: string,
      readonly message: string,
    ) {}
  }
  const context = vm.createContext({
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
      Error: FakeError,
      ErrorCode: { invalidValue: '#VALUE!', invalidNumber: '#NUM!' },
    },
  });
  vm.runInContext(code, context, { filename: 'functions.js' });
  expect([...registered.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  expect([...registered.keys()].sort()).toEqual(['CE_CREDITS', 'CREDITS_EARNED', 'CREDITS_NEEDED', 'RECERT_DEADLINE', 'RECERT_STATUS']);

  // The registered functions compute, and their errors are the host's CustomFunctions.Error.
  expect(registered.get('CE_CREDITS')!('NISM-SMS', 'Online blended course', 3, 40)).toBe(5);
  const log = [['Date', 'Format', 'Hours', 'Provider'], ['2025-04-01', 'Webinar', 2, 'NISM']];
  expect(registered.get('RECERT_STATUS')!('NISM-SMS', '2025-03-14', log, '2025-05-01')).toBe('IN PROGRESS: 2 of 20 credits, 18 to go by 2027-03-14');
  let thrown: unknown;
  try {
    registered.get('CE_CREDITS')!('NISM-SMS', 'Webinar', -1, null);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(FakeError);
  expect((thrown as FakeError).code).toBe('#NUM!');
});

test('functions.js does not reference other chunks or load anything at run time', () => {
  const code = fs.readFileSync(path.join(dist, 'functions.js'), 'utf8');
  expect(code).not.toMatch(/importScripts|__webpack_require__\.e\(|\.chunk\.js/);
});
