/** Types for scripts/build-stamp.js (the mode and start time every webpack build records in dist/). */
import type { Compiler } from 'webpack';

export const STAMP_FILE: string;

export class BuildStampPlugin {
  constructor(mode: string);
  apply(compiler: Compiler): void;
}

export interface Stamp {
  mode: string;
  startedMs: number;
}

export function readStamp(distDir: string): Stamp | null;

export function rebuildReason(state: { stamp: Stamp | null; missing: string[]; newestSourceMs: number }): string | null;
