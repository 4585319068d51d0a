// The check fflate's streaming Gunzip leaves out: each gzip member ends with the CRC-32 and
// the length (mod 2^32) of its data (RFC 1952 §2.3.1). Without comparing them, a file cut
// inside or just before its trailer reads as complete — a partial read passed off as whole.

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let value = byte;
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
    table[byte] = value >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as gzip and zip use it), continued from `crc` over `data`. */
export function crc32(data: Uint8Array, crc = 0): number {
  let value = ~crc >>> 0;
  for (let index = 0; index < data.length; index++) {
    value = (crcTable[(value ^ (data[index] as number)) & 0xff] as number) ^ (value >>> 8);
  }
  return ~value >>> 0;
}

/** How many compressed bytes before the current slice are kept to find a trailer in. */
const keptBytes = 1024;

/**
 * Follows a gzip stream as it is inflated: the compressed bytes around the current slice and
 * the CRC-32 and length of each member's data, so each member's trailer can be compared when
 * the member ends (a next member starts, or the input ends). Returns why a trailer does not
 * match, or undefined.
 */
export class GzipTrailerCheck {
  private recent = new Uint8Array(0);
  /** Stream offset of `recent[0]`. */
  private recentStart = 0;
  private crc = 0;
  private size = 0;

  /** Before a compressed slice is pushed to the inflater. */
  compressed(slice: Uint8Array): void {
    const keep = this.recent.subarray(Math.max(0, this.recent.length - keptBytes));
    this.recentStart += this.recent.length - keep.length;
    const next = new Uint8Array(keep.length + slice.length);
    next.set(keep);
    next.set(slice, keep.length);
    this.recent = next;
  }

  /** Each piece of inflated data, in order. */
  inflated(data: Uint8Array): void {
    this.crc = crc32(data, this.crc);
    this.size = (this.size + data.length) >>> 0;
  }

  /** The member whose compressed bytes end at stream offset `end` is complete. */
  memberEnded(end: number): string | undefined {
    const at = end - 8 - this.recentStart;
    const { crc, size } = this;
    this.crc = 0;
    this.size = 0;
    if (end < 18) return 'the input ends before a whole gzip member';
    // A member boundary further back than the bytes kept cannot be checked; it is rare
    // (compressed slices are up to 32 KiB) and the inflater has checked the member's blocks.
    if (at < 0 || at + 8 > this.recent.length) return undefined;
    const view = new DataView(this.recent.buffer, this.recent.byteOffset + at, 8);
    if (view.getUint32(0, true) !== crc || view.getUint32(4, true) !== size) {
      return 'its gzip trailer (CRC-32 and length) does not match the data: the file is truncated or damaged';
    }
    return undefined;
  }
}
