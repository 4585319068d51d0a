/**
 * The set of event ids seen in one input, for `duplicate-id`, in 8 bytes a slot: each id is
 * kept as a 64-bit fingerprint (two independent 32-bit hashes) in an open-addressing table
 * of typed arrays. Ids are not kept as strings: a string cut from a large input can hold the
 * whole input in memory, and 5 million strings cost hundreds of megabytes. Two different ids
 * share a fingerprint with a probability of about n² / 2⁶⁵ (under 10⁻⁶ for 5 million ids).
 */
export class IdSet {
  /** Slot i holds the fingerprint's two halves at 2i and 2i + 1: one cache line a probe. */
  private slots = new Uint32Array(2048);
  private count = 0;

  get size(): number {
    return this.count;
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
    // Grow at three quarters full: linear probing stays short and memory stays near 11 bytes an id.
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
    this.slots = new Uint32Array(old.length * 2);
    this.count = 0;
    for (let at = 0; at < old.length; at += 2) {
      const high = old[at] as number;
      if (high !== 0) this.insert(high, old[at + 1] as number);
    }
  }
}
