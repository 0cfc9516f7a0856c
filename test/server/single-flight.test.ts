import { describe, expect, it } from 'vitest';
import { singleFlight } from '../../src/server/single-flight.ts';

/** A promise with its resolve and reject, so a test decides when the work ends. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('singleFlight', () => {
  it('runs the work once for callers that ask at the same time, and gives each the same result', async () => {
    const once = singleFlight<{ n: number }>();
    const gate = deferred<{ n: number }>();
    let runs = 0;
    const work = () => {
      runs++;
      return gate.promise;
    };
    const callers = Array.from({ length: 50 }, () => once('engagement-1', work));
    gate.resolve({ n: 7 });
    const results = await Promise.all(callers);
    expect(runs).toBe(1);
    expect(new Set(results).size).toBe(1);
  });

  it('says whether work for a key is running, until it settles', async () => {
    const once = singleFlight<number>();
    const gate = deferred<number>();
    const call = once('k', () => gate.promise);
    expect(once.running('k')).toBe(true);
    expect(once.running('other')).toBe(false);
    gate.resolve(1);
    await call;
    expect(once.running('k')).toBe(false);
  });

  it('keeps different keys apart', async () => {
    const once = singleFlight<string>();
    const [a, b] = await Promise.all([once('a', async () => 'A'), once('b', async () => 'B')]);
    expect([a, b]).toEqual(['A', 'B']);
  });

  it('forgets a key once its work settles, so a later caller computes again', async () => {
    const once = singleFlight<number>();
    let runs = 0;
    await once('k', async () => ++runs);
    expect(await once('k', async () => ++runs)).toBe(2);
  });

  it('does not remember a failure: every waiting caller sees it, the next caller tries again', async () => {
    const once = singleFlight<string>();
    const gate = deferred<string>();
    const first = once('k', () => gate.promise);
    const second = once('k', async () => 'never run');
    gate.reject(new Error('database went away'));
    await expect(first).rejects.toThrow('database went away');
    await expect(second).rejects.toThrow('database went away');
    expect(await once('k', async () => 'recovered')).toBe('recovered');
  });
});
