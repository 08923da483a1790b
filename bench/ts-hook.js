/*
 * Lets the benchmark children `require` the TypeScript sources directly: each .ts/.tsx file is
 * transpiled on load with TypeScript's transpileModule (the repo sets isolatedModules, so per-file
 * transpiling is exact), to CommonJS/ES2020 like tsconfig.cli.json. No type-check here (`npm run lint`
 * does that), so a half-finished edit elsewhere in src/ cannot stop the benchmarks from running.
 */
'use strict';

const fs = require('fs');
const ts = require('typescript');

const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
  jsx: ts.JsxEmit.ReactJSX,
  esModuleInterop: true,
  resolveJsonModule: true,
  sourceMap: false,
  inlineSourceMap: true,
};

function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: filename });
  module._compile(outputText, filename);
}

require.extensions['.ts'] = compile;
require.extensions['.tsx'] = compile;
