/**
 * Concentration and dependency (004 §8): shares and the Herfindahl–Hirschman index. The HHI
 * is the sum of the squared shares in percent, 0 (many small vendors) to 10,000 (one vendor
 * holds everything). The thresholds usual in competition law (US merger guidelines) are
 * shown as guidance only: below 1,500 unconcentrated, 1,500–2,500 moderately concentrated,
 * above 2,500 highly concentrated.
 */
export const HHI_MODERATE = 1500;
export const HHI_HIGH = 2500;

export type HhiBand = 'unconcentrated' | 'moderate' | 'high';
export const HHI_BAND_LABELS: Record<HhiBand, string> = {
  unconcentrated: 'Unconcentrated (below 1,500)',
  moderate: 'Moderately concentrated (1,500 to 2,500)',
  high: 'Highly concentrated (above 2,500)',
};

export interface Share<K extends string = string> {
  key: K;
  amount: number;
  /** 0–1 */
  share: number;
}

/** Each key's share of the total (amounts ≥ 0), largest first, ties by key. */
export function sharesOf<K extends string>(amounts: ReadonlyMap<K, number>): Share<K>[] {
  let total = 0;
  for (const v of amounts.values()) total += v;
  const out = [...amounts].filter(([, v]) => v > 0).map(([key, amount]) => ({ key, amount, share: total ? amount / total : 0 }));
  return out.sort((a, b) => b.amount - a.amount || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** HHI on shares in percent, rounded to a whole point. */
export function hhi(shares: readonly { share: number }[]): number {
  return Math.round(shares.reduce((s, x) => s + (x.share * 100) ** 2, 0));
}

export function hhiBand(index: number): HhiBand {
  if (index > HHI_HIGH) return 'high';
  if (index >= HHI_MODERATE) return 'moderate';
  return 'unconcentrated';
}

/**
 * A name as fourth parties are matched across vendors: "Amazon Web Services, Inc." and
 * "amazon web services" are one. Case, accents, punctuation and the usual company suffixes
 * do not count.
 */
export function normaliseName(name: string): string {
  const SUFFIXES = new Set(['inc', 'incorporated', 'ltd', 'limited', 'llc', 'gmbh', 'ag', 'sa', 'sas', 'sarl', 'bv', 'nv', 'plc', 'corp', 'corporation', 'co', 'company', 'srl', 'spa', 'ab', 'as', 'oy', 'kg']);
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}

export interface ConcentrationChange {
  shareBefore: number;
  shareAfter: number;
  hhiBefore: number;
  hhiAfter: number;
}

/**
 * What adding `add` to one key does to its share and to the HHI: "if we chose this candidate,
 * its share of critical services would go from 0 % to 20 % and the index from 3,400 to 2,800".
 * A key not yet present starts at nothing; adding to a newcomer can lower the index.
 */
export function concentrationWith<K extends string>(amounts: ReadonlyMap<K, number>, key: K, add: number): ConcentrationChange {
  const before = sharesOf(amounts);
  const next = new Map(amounts);
  next.set(key, (next.get(key) ?? 0) + Math.max(0, add));
  const after = sharesOf(next);
  const shareOf = (s: Share<K>[]) => s.find((x) => x.key === key)?.share ?? 0;
  return { shareBefore: shareOf(before), shareAfter: shareOf(after), hhiBefore: hhi(before), hhiAfter: hhi(after) };
}
