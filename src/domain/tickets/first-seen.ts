/**
 * Which ticket ids a streamed file has shown already, in a few bytes per id: an id is
 * kept as a 32-bit hash, with the update time and sequence of the first row that had it.
 *
 * The first import of a one-row-per-ticket export copies each row straight into `tickets`
 * unless an earlier row had the same hash. Such a row may repeat an id (the most recently
 * updated row must win) or merely share a hash with another id; either way it goes the
 * slow way, with the first row's update time and sequence, so whichever row is newer wins
 * and no ticket is lost. Measured at a million ids: 44 bytes per id, against 93 bytes per id
 * for a Map of the ids to those two numbers, plus the id strings the Map keeps alive.
 */
export interface FirstRow {
  eventAt: number | null;
  seq: number;
}

/** FNV-1a over the id's UTF-16 code units: fast, and spreads short sequential ids well. */
export const fnv1a = (id: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

export class FirstSeen {
  private hashes: Uint32Array;
  private used: Uint8Array;
  private eventAt: Float64Array;
  private seq: Float64Array;
  private count = 0;

  constructor(capacity = 1 << 16) {
    this.hashes = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.eventAt = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
  }

  /**
   * Records the row's id and returns null if no earlier row had its hash; else returns
   * that earlier row's update time and sequence (and records nothing).
   */
  see(id: string, row: FirstRow): FirstRow | null {
    const h = fnv1a(id);
    const slot = this.find(h);
    if (this.used[slot]) {
      const at = this.eventAt[slot];
      return { eventAt: Number.isNaN(at) ? null : at, seq: this.seq[slot] };
    }
    this.put(slot, h, row.eventAt, row.seq);
    this.count++;
    // Open addressing stays fast below half full.
    if (this.count * 2 > this.hashes.length) this.grow();
    return null;
  }

  private find(h: number): number {
    const mask = this.hashes.length - 1;
    let i = h & mask;
    while (this.used[i] && this.hashes[i] !== h) i = (i + 1) & mask;
    return i;
  }

  private put(slot: number, h: number, eventAt: number | null, seq: number) {
    this.used[slot] = 1;
    this.hashes[slot] = h;
    this.eventAt[slot] = eventAt ?? Number.NaN;
    this.seq[slot] = seq;
  }

  private grow() {
    const { hashes, used, eventAt, seq } = this;
    const size = hashes.length * 2;
    this.hashes = new Uint32Array(size);
    this.used = new Uint8Array(size);
    this.eventAt = new Float64Array(size);
    this.seq = new Float64Array(size);
    for (let i = 0; i < hashes.length; i++) {
      if (used[i]) this.put(this.find(hashes[i]), hashes[i], Number.isNaN(eventAt[i]) ? null : eventAt[i], seq[i]);
    }
  }
}
