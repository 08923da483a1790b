#!/usr/bin/env node
'use strict';
// Writes schemas/program.schema.json, the JSON Schema of a program file, from the zod schema
// (src/core/custom-programs.ts) through the compiled CLI code. test/core/program-schema.test.ts fails
// when the file is out of date.
// Usage: npm run make:schema   (builds dist/cli first, then formats the file with Prettier)
const path = require('path');
const fs = require('fs');

const built = path.join(__dirname, '..', 'dist', 'cli', 'core', 'custom-programs.js');
if (!fs.existsSync(built)) {
  process.stderr.write('make-program-schema: dist/cli is missing: run `npm run build:cli` first\n');
  process.exit(2);
}
const { programJsonSchema } = require(built);
const target = path.join(__dirname, '..', 'schemas', 'program.schema.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, JSON.stringify(programJsonSchema(), null, 2) + '\n');
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
