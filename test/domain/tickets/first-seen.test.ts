import { describe, expect, it } from 'vitest';
import { FirstSeen, fnv1a } from '../../../src/domain/tickets/first-seen.ts';

describe('FirstSeen: the ids a streamed file has shown', () => {
  it('answers null for a new id and the first row for a repeated one, across growth from a tiny table', () => {
    const seen = new FirstSeen(4);
    for (let i = 0; i < 50_000; i++) expect(seen.see(`INC${i}`, { eventAt: i % 3 ? i * 1000 : null, seq: i })).toBeNull();
    for (const i of [0, 1, 2, 4_097, 49_999]) expect(seen.see(`INC${i}`, { eventAt: -1, seq: -1 })).toEqual({ eventAt: i % 3 ? i * 1000 : null, seq: i });
    // A repeated row records nothing: the first row stays the one answered.
    expect(seen.see('INC1', { eventAt: 5, seq: 5 })).toEqual({ eventAt: 1000, seq: 1 });
  });

  it('treats two ids with the same hash as seen: the caller settles them the slow way', () => {
    expect(fnv1a('INC0112789')).toBe(fnv1a('INC0349192'));
    const seen = new FirstSeen();
    expect(seen.see('INC0112789', { eventAt: 7, seq: 1 })).toBeNull();
    expect(seen.see('INC0349192', { eventAt: 9, seq: 2 })).toEqual({ eventAt: 7, seq: 1 });
  });
});
