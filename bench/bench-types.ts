/** Shapes shared by all benchmark sections, so bench/run.ts can print any of them. */

export interface BenchOptions {
  /** Operations for the engine (default per section: 1,000,000). */
  readonly n?: number;
  /** Operations timed for each library; scaled to n (default 2,000 / 1,000). */
  readonly sample?: number;
  /** PRNG seed; identical seeds give identical inputs. */
  readonly seed?: number;
  /** Progress lines (default: none). */
  readonly log?: (line: string) => void;
}

export interface BenchRow {
  readonly name: string;
  /** Mean time per operation. */
  readonly nsPerOp: number;
  /** How many operations were actually timed (the rest is scaled). */
  readonly timedOps: number;
  /** Time for the section's n operations (measured or scaled). */
  readonly totalMs: number;
  /** Sampled results that differ from the reference results; null for the reference itself. */
  readonly mismatches: number | null;
  /**
   * True when only `timedOps` were timed and the total was scaled to the section's n;
   * when absent, rows with mismatches are taken as scaled (the library rows).
   */
  readonly scaled?: boolean;
}

export interface SectionResult {
  readonly id: string;
  readonly title: string;
  readonly rows: BenchRow[];
  /** Named ratios for the JSON line, e.g. { engineVsFastestLibrary: 4200 }. */
  readonly ratios: Record<string, number>;
  /** Free-form facts printed under the table (input shape, compile time). */
  readonly notes: string[];
  /** Total mismatches across libraries; must be 0. */
  readonly mismatches: number;
}

/**
 * CPU milliseconds used by this process (user + system) since it started. The
 * benchmarks time with CPU time rather than wall time because they run on shared
 * machines (CI, dev boxes with other jobs): another process's load barely moves it.
 */
export const now = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
