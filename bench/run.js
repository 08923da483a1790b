/*
 * `npm run bench`: every scenario of bench/README.md, each in its own Node process, printed as one
 * table per scenario with a Budget and a PASS/MISS column. The output is also written to
 * bench/out/latest.txt (and bench/out/latest.json).
 *
 *   node bench/run.js                   every scenario
 *   node bench/run.js ce-credits ...    only these
 *   BENCH_QUICK=1 node bench/run.js     fewer repetitions (for checking the harness, not for figures)
 *
 * Not part of `npm test`: nothing here asserts time; a MISS sets exit code 0 all the same (the figures
 * are the result), while a scenario that crashes sets exit code 1.
 */
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const SCENARIOS = [
  'log-evaluation',
  'repeated',
  'ce-credits',
  'round-trips',
  'bundle-size',
  'pane-start',
  'command-line',
  'big-files',
];
const OUT = path.join(__dirname, 'out');

function pad(text, width) {
  const s = String(text);
  return s + ' '.repeat(Math.max(0, width - [...s].length));
}

function formatTable(table) {
  const widths = table.columns.map((c, i) =>
    Math.max([...c].length, ...table.rows.map((r) => [...String(r[i] ?? '')].length)),
  );
  const line = (cells) => '| ' + cells.map((c, i) => pad(c ?? '', widths[i])).join(' | ') + ' |';
  const out = [
    `## ${table.title}`,
    '',
    line(table.columns),
    '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
  ];
  for (const r of table.rows) out.push(line(r));
  for (const n of table.notes || []) out.push('', `- ${n}`);
  return out.join('\n') + '\n';
}

function main() {
  const wanted = process.argv.slice(2);
  const list = wanted.length ? wanted : SCENARIOS;
  for (const w of list)
    if (!SCENARIOS.includes(w)) throw new Error(`unknown scenario ${w} (known: ${SCENARIOS.join(', ')})`);
  fs.mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const header = `CE Ledger benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0] ? os.cpus()[0].model.trim() : 'cpu'}, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}\n`;
  process.stdout.write(header + '\n');
  const printed = [header];
  const all = [];
  let failed = false;
  if (list.includes('bundle-size') || list.includes('pane-start')) {
    const t0 = Date.now();
    let text;
    try {
      require('./build').build();
      text = `Built .tmp/bench-dist (production) and .tmp/bench-baseline in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`;
    } catch (error) {
      failed = true;
      text = `Build FAILED: ${error.message}\n`;
    }
    process.stdout.write(text + '\n');
    printed.push(text);
  }
  for (const name of list) {
    const t0 = Date.now();
    const file = path.join(OUT, `${name}.json`);
    fs.rmSync(file, { force: true });
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=4096', path.join(__dirname, 'child.js'), name, file],
      {
        cwd: path.join(__dirname, '..'),
        stdio: ['ignore', 'inherit', 'inherit'],
        env: process.env,
      },
    );
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    let text;
    if (child.status === 0 && fs.existsSync(file)) {
      const tables = JSON.parse(fs.readFileSync(file, 'utf8'));
      all.push(...tables);
      text = tables.map(formatTable).join('\n') + `\n(${name}: ${seconds} s)\n`;
    } else {
      failed = true;
      text = `## ${name}: FAILED (exit ${child.status}${child.signal ? `, ${child.signal}` : ''}) after ${seconds} s\n`;
    }
    process.stdout.write(text + '\n');
    printed.push(text);
  }
  const total = `Total: ${((Date.now() - started) / 1000).toFixed(0)} s\n`;
  process.stdout.write(total);
  printed.push(total);
  if (!wanted.length) {
    fs.writeFileSync(path.join(OUT, 'latest.txt'), printed.join('\n'));
    fs.writeFileSync(path.join(OUT, 'latest.json'), JSON.stringify(all, null, 2));
  }
  process.exitCode = failed ? 1 : 0;
}

main();
