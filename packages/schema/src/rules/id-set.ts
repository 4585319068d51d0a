/**
 * The set of event ids seen in one input, for `duplicate-id`. Each id is kept as a 64-bit
 * fingerprint (two independent 32-bit hashes), never as a string: a string cut from a large
 * input can hold the whole input in memory, and 5 million strings cost hundreds of megabytes.
 * Two different ids share a fingerprint with a probability of about n² / 2⁶⁵ (under 10⁻⁶ for
 * 5 million ids).
 *
 * New fingerprints go into an open-addressing table of typed arrays (8 bytes a slot, grown by
 * doubling up to 2²⁰ slots, filled to three quarters). A full table of that size is not
 * doubled again: its fingerprints are sorted by their top bits into a frozen run (6.3 bytes
 * an id, see FrozenRun), and the table is emptied for the next ones. Memory then grows by
 * that much an id, steadily, instead of doubling, and never holds two tables at once: 5
 * million ids take about 37 MiB (six runs of 4.98 MB and the 8 MiB table), where they took
 * 64 MiB, and 96 MiB while the table doubled.
 * A new id is looked for in each frozen run (one run per 786 432 ids): a few memory reads.
 */
export class IdSet {
  /** Slot i holds the fingerprint's two halves at 2i and 2i + 1: one cache line a probe. */
  private slots = new Uint32Array(2048);
  private count = 0;
  private readonly runs: FrozenRun[] = [];
  private frozen = 0;

  /** `maxTableSlots` (a power of two): the table size at which fingerprints are frozen. */
  constructor(private readonly maxTableSlots = 1 << 20) {
    if (!Number.isInteger(Math.log2(maxTableSlots)) || maxTableSlots < 1024) {
      throw new RangeError(`IdSet: maxTableSlots must be a power of two of at least 1024`);
    }
  }

  get size(): number {
    return this.frozen + this.count;
  }

  /** Adds an id; returns false when it (or its fingerprint) was there already. */
  add(id: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let index = 0; index < id.length; index++) {
      const code = id.charCodeAt(index);
      h1 = Math.imul(h1 ^ code, 0x01000193);
      h2 = Math.imul(h2 ^ code, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
    h1 ^= h1 >>> 13;
    h2 = Math.imul(h2 ^ (h2 >>> 16), 0xc2b2ae35);
    h2 ^= h2 >>> 16;
    // 0/0 marks an empty slot.
    const high = h1 >>> 0 || 1;
    const low = h2 >>> 0;
    for (const run of this.runs) if (run.has(high, low)) return false;
    // Grow at three quarters full: linear probing stays short.
    if ((this.count + 1) * 8 > this.slots.length * 3) this.grow();
    return this.insert(high, low);
  }

  private insert(high: number, low: number): boolean {
    const slots = this.slots;
    const mask = (slots.length >>> 1) - 1;
    let slot = (low ^ Math.imul(high, 0x9e3779b1)) & mask;
    for (;;) {
      const at = slot << 1;
      const existing = slots[at];
      if (existing === 0) {
        slots[at] = high;
        slots[at + 1] = low;
        this.count += 1;
        return true;
      }
      if (existing === high && slots[at + 1] === low) return false;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    if (old.length >>> 1 >= this.maxTableSlots) {
      this.runs.push(new FrozenRun(old, this.count));
      this.frozen += this.count;
      this.count = 0;
      old.fill(0);
      return;
    }
    this.slots = new Uint32Array(old.length * 2);
    this.count = 0;
    for (let at = 0; at < old.length; at += 2) {
      const high = old[at] as number;
      if (high !== 0) this.insert(high, old[at + 1] as number);
    }
  }
}

/** A frozen run's groups: one per value of the top 16 bits of a fingerprint. */
const groups = 1 << 16;

/**
 * Fingerprints that no longer change, grouped by the top 16 bits of their first half (a
 * counting sort; the halves are uniform, so the groups are even: 12 fingerprints each in a
 * run of 786 432). Within a group those 16 bits are known, so only the other 48 are kept:
 * 6 bytes a fingerprint, and the whole 64 bits are still compared. `offsets[g]` is where
 * group g starts.
 */
class FrozenRun {
  private readonly rests: Uint16Array;
  private readonly lows: Uint32Array;
  private readonly offsets = new Uint32Array(groups + 1);

  constructor(slots: Uint32Array, count: number) {
    const offsets = this.offsets;
    for (let at = 0; at < slots.length; at += 2) {
      const high = slots[at] as number;
      if (high === 0) continue;
      const after = (high >>> 16) + 1;
      offsets[after] = (offsets[after] as number) + 1;
    }
    for (let group = 1; group <= groups; group++) {
      offsets[group] = (offsets[group] as number) + (offsets[group - 1] as number);
    }
    const rests = new Uint16Array(count);
    const lows = new Uint32Array(count);
    const next = offsets.slice(0, groups);
    for (let at = 0; at < slots.length; at += 2) {
      const high = slots[at] as number;
      if (high === 0) continue;
      const group = high >>> 16;
      const to = next[group] as number;
      next[group] = to + 1;
      rests[to] = high & 0xffff;
      lows[to] = slots[at + 1] as number;
    }
    this.rests = rests;
    this.lows = lows;
  }

  has(high: number, low: number): boolean {
    const group = high >>> 16;
    const rest = high & 0xffff;
    const end = this.offsets[group + 1] as number;
    for (let index = this.offsets[group] as number; index < end; index++) {
      if (this.lows[index] === low && this.rests[index] === rest) return true;
    }
    return false;
  }
}
