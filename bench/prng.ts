/**
 * Seeded PRNG (mulberry32) so every benchmark run sees identical inputs; Math.random
 * would make runs incomparable.
 */
export type Rng = () => number;

/** A generator of floats in [0, 1) from a 32-bit seed (shared with the demo seed). */
export { mulberry32 } from '../src/shared/prng.ts';

/** Integer in [min, max]. */
export const intBetween = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

/** One element of a non-empty list. */
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
