#!/usr/bin/env node
/*
 * `npm run validate`: the offline structural checks of manifest.xml (see manifest-checks.js).
 * Exits 1 when any check fails. Usage: node scripts/validate-manifest.js [path/to/manifest.xml]
 * (a built dist/manifest.xml can be checked too; its icons are looked up beside it in assets/).
 */
'use strict';

const path = require('path');
const { checkManifestFile } = require('./manifest-checks');

const repoRoot = path.join(__dirname, '..');
const file = path.resolve(process.argv[2] || path.join(repoRoot, 'manifest.xml'));
const assetsDir = path.join(path.dirname(file), 'assets');

const results = checkManifestFile(file, { assetsDir });
console.log(`Checking ${path.relative(process.cwd(), file) || file}`);
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name}: ${r.detail}`);
const failed = results.filter((r) => !r.ok).length;
console.log(failed === 0 ? `manifest OK (${results.length} checks)` : `${failed} of ${results.length} checks failed`);
process.exitCode = failed === 0 ? 0 : 1;
