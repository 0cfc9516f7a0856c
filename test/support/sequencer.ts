import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest files first, longest first, so the two workers finish together. Vitest orders
 * by the durations it cached on the last run, but a clean clone (CI) has no cache and keeps
 * the alphabetical order, which left the CLI files — each one to four minutes of spawned
 * commands — to start late and run on alone. The patterns rank the files that took longest
 * in the last measured runs (docs/PERFORMANCE.md); the rest follow in Vitest's own order.
 * The files that start server processes (test/server/) stay where they were, at the end: run
 * beside the CLI files at the start, one server answered 503 to its first request on the
 * overloaded machine.
 */
const SLOWEST_FIRST = [
  /\/test\/cli\/cli\.test\.ts$/,
  /\/test\/cli\/sla\.test\.ts$/,
  /authorization-matrix\.test\.ts$/,
  /\/test\/cli\/(contracts|remote|setup)\.test\.ts$/,
  /hostile-input\.test\.ts$/,
  /\/test\/cli\//,
  /(tickets-import|security|demo-[a-z-]+)\.test\.ts$/,
];

const rank = (f: TestSpecification) => {
  const i = SLOWEST_FIRST.findIndex((p) => p.test(f.moduleId));
  return i < 0 ? SLOWEST_FIRST.length : i;
};

export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // A stable sort by rank keeps Vitest's order within each rank.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
