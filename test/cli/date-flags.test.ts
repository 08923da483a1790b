/**
 * --cycle-start and --as-of accept only dates Excel can hold (1900-01-01 to 9999-12-31): the flags
 * are read by the core's date parser before any file is opened, so no workbook is needed here.
 */
import { run, tempDir } from './helpers';

const dir = tempDir();

test.each([
  ['check', '--cycle-start', '0025-03-14'],
  ['check', '--as-of', '0025-03-14'],
  ['check', '--cycle-start', '1899-12-31'],
  ['summary', '--cycle-start', '0099-12-31'],
  ['template', '--cycle-start', '0000-01-01'],
])(
  '%s %s %s exits 2 with a one-line reason naming the range, never reading the year as 19xx',
  async (command, flag, value) => {
    const argv = command === 'check' ? ['check', 'tracker.xlsx'] : [command, 'tracker.xlsx', '-o', 'out.xlsx'];
    if (command === 'template') argv.splice(1, 1, '--program', 'NISM-SMS');
    const r = await run([...argv, flag, value], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `ce-ledger: bad date for ${flag}: "${value}" (use YYYY-MM-DD, a date from 1900-01-01 to 9999-12-31)\n`,
    );
  },
);

test('a 5,000-character flag value is quoted with its first 39 characters', async () => {
  const r = await run(['check', 'tracker.xlsx', '--as-of', '2'.repeat(5000)], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    `ce-ledger: bad date for --as-of: "${'2'.repeat(39)}…" (use YYYY-MM-DD, a date from 1900-01-01 to 9999-12-31)\n`,
  );
});
