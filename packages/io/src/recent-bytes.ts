/**
 * The last bytes of a stream as it goes past, with their stream offsets: the slices are kept
 * by reference (no copy per slice) and dropped from the front once the rest holds `limit`
 * bytes. For checks that read a few bytes near a boundary, or the end of an archive, after
 * the fact. The stream's chunks must not be reused by their producer once handed on (none of
 * the byte sources here reuse them).
 */
export class RecentBytes {
  private readonly slices: Uint8Array[] = [];
  private length = 0;
  /** Stream offset of the first byte kept. */
  private start = 0;

  constructor(private readonly limit: number) {}

  add(slice: Uint8Array): void {
    this.slices.push(slice);
    this.length += slice.length;
    for (let first = this.slices[0]; first && this.length - first.length >= this.limit; ) {
      this.slices.shift();
      this.length -= first.length;
      this.start += first.length;
      first = this.slices[0];
    }
  }

  /** `count` bytes from stream offset `offset`, or undefined when they are not all kept. */
  bytes(offset: number, count: number): Uint8Array | undefined {
    const at = offset - this.start;
    if (at < 0 || at + count > this.length) return undefined;
    return this.all().subarray(at, at + count);
  }

  /** Every byte kept, in one array. */
  all(): Uint8Array {
    if (this.slices.length === 1) return this.slices[0] as Uint8Array;
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const slice of this.slices) {
      out.set(slice, offset);
      offset += slice.length;
    }
    return out;
  }
}
