/*
 * Runs one command in this process and prints its wall time and peak memory (max RSS) as the last
 * line of stderr, as JSON: `{"ms":…,"maxRssMiB":…,"code":…}`. Started by the command-line scenarios:
 *
 *   node bench/lib/measured-child.js cli DIST_DIR check FILE …   the compiled ce-ledger main()
 *   node bench/lib/measured-child.js exceljs FILE                  new ExcelJS.Workbook().xlsx.readFile(FILE)
 *
 * Time is measured from just before the command, after Node and the modules have loaded (the same
 * start-up for both), and max RSS is the whole process's peak (what the operating system sees).
 */
'use strict';

const path = require('path');

async function main() {
  const [kind, ...rest] = process.argv.slice(2);
  let run;
  if (kind === 'cli') {
    const [dist, ...argv] = rest;
    const { main: cli } = require(path.resolve(dist, 'src', 'cli', 'main.js'));
    let stdout = '';
    let stderr = '';
    const io = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false, cwd: process.cwd() };
    run = async () => {
      const code = await cli(argv, io);
      if (code !== 0) process.stderr.write(stderr);
      return {
        code,
        first: stdout.split('\n').find((l) => /IN PROGRESS|COMPLETE|READY|GRACE|LAPSED|EXPIRED/.test(l)) || '',
      };
    };
  } else if (kind === 'exceljs') {
    const ExcelJS = require('exceljs');
    run = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(rest[0]);
      return { code: 0, first: `${wb.worksheets.reduce((n, ws) => n + ws.rowCount, 0)} rows` };
    };
  } else {
    throw new Error(`unknown kind ${kind}`);
  }
  const t0 = process.hrtime.bigint();
  const result = await run();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stderr.write(`\n${JSON.stringify({ ms, maxRssMiB, code: result.code, first: result.first })}\n`);
  process.exit(result.code);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
