/*
 * webpack loader for src/core/programs/builtin.ts: runs the module at build time (through the same
 * loaders, with webpack's importModule) and replaces it with the data it exports. Running it parses
 * every built-in program with the schema, so an invalid program fails the build with the message
 * that names its path; the bundles get the checked data as JSON and no schema library (the cell
 * functions' functions.js carries no zod). Programs a user supplies are still parsed when they load
 * (src/core/programs/load.ts), in the bundles that offer that.
 *
 * With the option `slim` (functions.js: webpack.config.js) the data leaves out the texts no cell
 * function returns (scripts/slim-programs.js); the pane and the other bundles get every field.
 */
'use strict';

const { isDeepStrictEqual } = require('util');
const { slimPrograms } = require('./slim-programs');

/** Marks the request that runs the original module, so this loader leaves that one alone. */
const RUN_QUERY = '?run-at-build';

/** `value` with no undefined-valued keys, as JSON writes it. */
function withoutUndefined(value) {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = withoutUndefined(v);
    return out;
  }
  return value;
}

/**
 * The module source that exports `programs` as data. Throws when JSON cannot carry them exactly
 * (a function, a Date, NaN or Infinity in program data would be lost on the way).
 */
function programsModuleSource(programs) {
  if (!Array.isArray(programs) || programs.length === 0)
    throw new Error('builtin.ts exported no BUILTIN_PROGRAMS array');
  const json = JSON.stringify(programs);
  if (!isDeepStrictEqual(JSON.parse(json), withoutUndefined(programs)))
    throw new Error('the built-in programs hold values JSON cannot carry (functions, dates, NaN or Infinity)');
  // JSON.parse of a string literal is parsed faster than the same object literal.
  return [
    '// The built-in programs, parsed and checked by ProgramSchema at build time (scripts/builtin-programs-loader.js).',
    `export const BUILTIN_PROGRAMS = JSON.parse(${JSON.stringify(json)});`,
    '',
  ].join('\n');
}

function builtinProgramsLoader() {
  const callback = this.async();
  const { slim = false } = this.getOptions();
  this.importModule(this.resourcePath + RUN_QUERY, {}, (error, exports) => {
    if (error) {
      // webpack wraps the module's own error in "Execution of module code from module graph (…) failed: ".
      const message = String(error.message).replace(/^[^]*?Execution of module code[^]*?failed: /, '');
      callback(new Error(`the built-in programs are invalid: ${message}`));
      return;
    }
    try {
      const programs = exports.BUILTIN_PROGRAMS;
      // The full data is checked too, so both builds refuse the same programs.
      const source = programsModuleSource(programs);
      callback(null, slim ? programsModuleSource(slimPrograms(programs)) : source);
    } catch (e) {
      callback(e);
    }
  });
}

module.exports = builtinProgramsLoader;
module.exports.RUN_QUERY = RUN_QUERY;
module.exports.programsModuleSource = programsModuleSource;
