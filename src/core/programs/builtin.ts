/**
 * The built-in programs, parsed and checked by the schema. In the webpack bundles this module is
 * replaced at build time by the data it exports (scripts/builtin-programs-loader.js): the build runs
 * this very module, so an invalid program fails the build, and the bundles carry the checked data
 * and no schema library. The tests, the command line and the benchmarks run it as written.
 */
import type { Program, ProgramInput } from '../schema';
import { loadProgram } from './load';
import { nismPrograms } from './nism';
import { namssPrograms } from './namss';
import { acsmPrograms } from './acsm';
import { pmiPrograms } from './pmi';
import { isc2Programs } from './isc2';
import { comptiaPrograms } from './comptia';
import { isacaPrograms } from './isaca';
import { aapcPrograms } from './aapc';
import { cfpProgram } from './cfp';
import { nccpaProgram } from './nccpa';
import { nasmProgram } from './nasm';
import { shrmPrograms } from './shrm';

/** Every definition parsed; throws naming the program and each invalid path when one is invalid. */
export function parseBuiltInPrograms(inputs: readonly ProgramInput[]): Program[] {
  return inputs.map((input) => {
    const result = loadProgram(input);
    if (!result.ok) throw new Error(result.message);
    return result.program;
  });
}

export const BUILTIN_PROGRAMS: readonly Program[] = parseBuiltInPrograms([
  ...nismPrograms,
  ...namssPrograms,
  ...acsmPrograms,
  ...pmiPrograms,
  ...isc2Programs,
  ...comptiaPrograms,
  ...isacaPrograms,
  ...aapcPrograms,
  cfpProgram,
  nccpaProgram,
  nasmProgram,
  ...shrmPrograms,
]);
