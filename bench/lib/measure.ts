/** Timing helpers and the table shape every scenario returns to bench/run.js. */

export interface Table {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  notes?: string[];
}

/** A value the optimiser cannot prove unused. */
export let sink: unknown = 0;
export function consume(value: unknown): void {
  sink = value;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function nowNs(): bigint {
  return process.hrtime.bigint();
}

/** Milliseconds elapsed since `start` (from nowNs()). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * This process's CPU time in microseconds (user + system, every thread). The timed-ratio scenarios
 * (1 to 3) use it rather than the wall clock: on a machine shared with other work, a long sample is
 * more often paused for another process than a short one, so wall-clock ratios to a short floor grow
 * with the machine's load. Time this process spends running is what the code costs.
 */
export function cpuNow(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** Milliseconds of this process's CPU time since `start` (from cpuNow()). */
export function cpuMsSince(start: number): number {
  return (cpuNow() - start) / 1000;
}

export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

export function fixed(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 100) return n.toFixed(Math.min(digits, 1));
  return n.toFixed(digits);
}

export function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'MISS';
}
