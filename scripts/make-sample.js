#!/usr/bin/env node
'use strict';
// Writes assets/sample-tracker.xlsx from src/preview/sample.ts through the compiled CLI code.
// Usage: npm run make:sample   (builds dist/cli first)
const path = require('path');
const fs = require('fs');

const built = path.join(__dirname, '..', 'dist', 'cli', 'cli', 'sample-tracker.js');
if (!fs.existsSync(built)) {
  process.stderr.write('make-sample: dist/cli is missing: run `npm run build:cli` first\n');
  process.exit(2);
}
const { buildSampleTracker } = require(built);
const target = path.join(__dirname, '..', 'assets', 'sample-tracker.xlsx');
buildSampleTracker()
  .then((port) => port.save(target))
  .then(() => process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`))
  .catch((e) => {
    process.stderr.write(`make-sample: ${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  });
