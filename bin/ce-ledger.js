#!/usr/bin/env node
'use strict';
// The ce-ledger command: loads the compiled command line (npm run build:cli writes dist/cli).
const path = require('path');
const fs = require('fs');

const entry = path.join(__dirname, '..', 'dist', 'cli', 'cli', 'index.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(
    'ce-ledger: the command line is not built yet: run `npm run build:cli` in ' + path.join(__dirname, '..') + '\n',
  );
  process.exitCode = 2;
} else {
  require(entry);
}
