import { describe, expect, it } from 'vitest';
import { concentrationWith, hhi, hhiBand, normaliseName, sharesOf } from '../../../src/domain/risk/concentration.ts';

describe('concentration', () => {
  it('works out shares and the HHI of a written-out portfolio', () => {
    // Ten critical and high engagements: Acme 5, Beta 3, Gamma 2.
    // Shares 50 %, 30 %, 20 % → HHI = 50² + 30² + 20² = 2500 + 900 + 400 = 3800: highly concentrated.
    const shares = sharesOf(new Map([['Gamma', 2], ['Acme', 5], ['Beta', 3]]));
    expect(shares.map((s) => [s.key, s.amount, s.share])).toEqual([
      ['Acme', 5, 0.5],
      ['Beta', 3, 0.3],
      ['Gamma', 2, 0.2],
    ]);
    expect(hhi(shares)).toBe(3800);
    expect(hhiBand(3800)).toBe('high');
  });

  it('places the guidance thresholds at 1,500 and 2,500', () => {
    // Five equal vendors: 5 × 20² = 2000 (moderate); ten equal: 10 × 10² = 1000 (unconcentrated); one: 10,000.
    expect(hhi(sharesOf(new Map(['a', 'b', 'c', 'd', 'e'].map((k) => [k, 1]))))).toBe(2000);
    expect(hhiBand(2000)).toBe('moderate');
    expect(hhi(sharesOf(new Map(Array.from({ length: 10 }, (_, i) => [`v${i}`, 7]))))).toBe(1000);
    expect(hhiBand(1000)).toBe('unconcentrated');
    expect(hhiBand(1500)).toBe('moderate');
    expect(hhiBand(2500)).toBe('moderate');
    expect(hhiBand(2501)).toBe('high');
    expect(hhi(sharesOf(new Map([['only', 12_000_00]])))).toBe(10_000);
  });

  it('matches spend in minor units per currency without mixing them', () => {
    // EUR: A 600,000.00, B 400,000.00 → 60 % and 40 % → 3600 + 1600 = 5200.
    expect(hhi(sharesOf(new Map([['A', 60_000_000], ['B', 40_000_000]])))).toBe(5200);
  });

  it('matches fourth parties by a normalised name', () => {
    expect(normaliseName('Amazon Web Services, Inc.')).toBe('amazon web services');
    expect(normaliseName('AMAZON WEB SERVICES')).toBe('amazon web services');
    expect(normaliseName('Hetzner Online GmbH')).toBe('hetzner online');
    expect(normaliseName('Société Générale S.A.')).toBe('societe generale');
    expect(normaliseName('AG')).toBe('ag');
  });
});

describe('concentration with one more vendor', () => {
  it('gives the newcomer its share and the index before and after, on a worked example', () => {
    // Three critical engagements with A, one with B: 75 % / 25 % → 5,625 + 625 = 6,250.
    // One more with C: A 60 %, B 20 %, C 20 % → 3,600 + 400 + 400 = 4,400.
    const counts = new Map([['A', 3], ['B', 1]]);
    expect(concentrationWith(counts, 'C', 1)).toEqual({ shareBefore: 0, shareAfter: 0.2, hhiBefore: 6250, hhiAfter: 4400 });
    // More of A makes it worse: 4 of 5 → 6,400 + 400 = 6,800.
    expect(concentrationWith(counts, 'A', 1)).toEqual({ shareBefore: 0.75, shareAfter: 0.8, hhiBefore: 6250, hhiAfter: 6800 });
    expect(concentrationWith(new Map(), 'C', 5)).toEqual({ shareBefore: 0, shareAfter: 1, hhiBefore: 0, hhiAfter: 10000 });
    expect(counts.get('C')).toBeUndefined();
  });
});
