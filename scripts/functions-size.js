/*
 * What functions.js is made of: builds it alone (production, with a source map) into
 * .tmp/functions-size and prints, per source module, its minified bytes and what gzip saves without
 * it (the module's share of the gzipped script). `npm run bench` (bundle-size) gives the total.
 *
 *   node scripts/functions-size.js
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const webpack = require('webpack');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, '.tmp', 'functions-size');
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The segments of a source map's `mappings`: [line, column, source index] in generated order. */
function segments(mappings) {
  const out = [];
  let source = 0;
  mappings.split(';').forEach((line, lineIndex) => {
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      out.push([lineIndex, column, fields.length > 1 ? source : -1]);
    }
  });
  return out;
}

const gz = (text) => zlib.gzipSync(text, { level: 9 }).length;

async function main() {
  const config = await require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'production' });
  config.entry = { functions: config.entry.functions };
  config.devtool = 'source-map';
  config.output = { ...config.output, path: OUT, clean: true };
  config.plugins = config.plugins.filter((p) => !/Html|Copy/.test(p.constructor.name));
  const compiler = webpack(config);
  await new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error || stats.hasErrors()) reject(error ?? new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );
  const code = fs.readFileSync(path.join(OUT, 'functions.js'), 'utf8');
  const map = JSON.parse(fs.readFileSync(path.join(OUT, 'functions.js.map'), 'utf8'));
  const lines = code.split('\n');
  const owner = lines.map((l) => new Int32Array(l.length).fill(-1));
  const segs = segments(map.mappings);
  segs.forEach(([line, column, source], i) => {
    const next = segs[i + 1];
    const end = next && next[0] === line ? next[1] : lines[line].length;
    owner[line].fill(source, column, end);
  });
  const whole = gz(code);
  const without = (source) => lines.map((l, n) => [...l].filter((_, c) => owner[n][c] !== source).join('')).join('\n');
  const rows = map.sources
    .map((name, source) => ({
      name: name.replace(/^webpack:\/\/[^/]*\//, ''),
      bytes: owner.reduce((sum, o) => sum + o.filter((s) => s === source).length, 0),
      source,
    }))
    .filter((r) => r.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  console.log(`functions.js: ${code.length} bytes, ${whole} gzipped (level 9)\n`);
  console.log('minified  gzip share  module');
  for (const r of rows) {
    const share = whole - gz(without(r.source));
    console.log(`${String(r.bytes).padStart(8)}  ${String(share).padStart(10)}  ${r.name}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
