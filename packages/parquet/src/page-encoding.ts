// The pieces of a Parquet column chunk below the footer: the RLE / bit-packing hybrid that
// holds levels and dictionary indexes, and the Thrift compact-protocol page headers
// (parquet-format: Encodings.md, parquet.thrift `PageHeader`). The footer is `footer.ts`.
import type { ByteBuffer } from './byte-buffer.ts';
import { ThriftWriter } from './thrift-compact.ts';

// parquet.thrift's `Encoding` and `PageType` values that the writer uses.
export const encodingPlain = 0;
export const encodingRle = 3;
export const encodingRleDictionary = 8;
export const pageTypeDictionary = 2;
export const pageTypeDataV2 = 3;

/** Bits needed for values up to `max`. */
export function bitWidth(max: number): number {
  return max === 0 ? 0 : 32 - Math.clz32(max);
}

function writeRun(out: ByteBuffer, value: number, count: number, width: number): void {
  out.varint(count * 2);
  for (let shift = 0; shift < width; shift += 8) out.byte((value >>> shift) & 0xff);
}

function writePacked(
  out: ByteBuffer,
  values: ArrayLike<number>,
  start: number,
  groups: number,
  end: number,
  width: number,
): void {
  out.varint(groups * 2 + 1);
  if (width === 0) return;
  // At most 7 bits wait in `buffer` when a value is shifted in, so 25 bits always fit.
  if (width > 25) throw new RangeError(`bit width ${width} is over 25`);
  let buffer = 0;
  let bits = 0;
  const last = start + groups * 8;
  for (let index = start; index < last; index++) {
    // The last group is padded with zeros; the reader knows how many values there are.
    const value = index < end ? (values[index] as number) : 0;
    buffer |= value << bits;
    bits += width;
    while (bits >= 8) {
      out.byte(buffer & 0xff);
      buffer >>>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) out.byte(buffer & 0xff);
}

/**
 * Values `[start, end)` in the RLE / bit-packing hybrid (no length prefix): runs of 8 or more
 * equal values as RLE runs, the rest in bit-packed groups of 8.
 */
export function writeHybrid(
  out: ByteBuffer,
  values: ArrayLike<number>,
  start: number,
  end: number,
  width: number,
): void {
  let index = start;
  let packedStart = start;
  let groups = 0;
  while (index < end) {
    const value = values[index] as number;
    let run = 1;
    while (index + run < end && values[index + run] === value) run++;
    if (run >= 8) {
      if (groups > 0) writePacked(out, values, packedStart, groups, end, width);
      groups = 0;
      writeRun(out, value, run, width);
      index += run;
    } else {
      if (groups === 0) packedStart = index;
      groups++;
      index += 8;
    }
  }
  if (groups > 0) writePacked(out, values, packedStart, groups, end, width);
}

/** A dictionary page's header: PLAIN values. */
export function writeDictionaryPageHeader(
  out: ByteBuffer,
  uncompressedSize: number,
  compressedSize: number,
  entries: number,
): void {
  const thrift = new ThriftWriter(out);
  thrift.begin();
  thrift.i32(1, pageTypeDictionary);
  thrift.i32(2, uncompressedSize);
  thrift.i32(3, compressedSize);
  thrift.begin(7); // dictionary_page_header
  thrift.i32(1, entries);
  thrift.i32(2, encodingPlain);
  thrift.end();
  thrift.end();
}

export interface DataPageV2 {
  uncompressedSize: number;
  compressedSize: number;
  /** Level slots: values and nulls. */
  values: number;
  nulls: number;
  rows: number;
  encoding: number;
  definitionBytes: number;
  repetitionBytes: number;
  compressed: boolean;
}

/** A data page (v2) header: levels uncompressed before the values, as v2 has them. */
export function writeDataPageV2Header(out: ByteBuffer, page: DataPageV2): void {
  const thrift = new ThriftWriter(out);
  thrift.begin();
  thrift.i32(1, pageTypeDataV2);
  thrift.i32(2, page.uncompressedSize);
  thrift.i32(3, page.compressedSize);
  thrift.begin(8); // data_page_header_v2
  thrift.i32(1, page.values);
  thrift.i32(2, page.nulls);
  thrift.i32(3, page.rows);
  thrift.i32(4, page.encoding);
  thrift.i32(5, page.definitionBytes);
  thrift.i32(6, page.repetitionBytes);
  thrift.bool(7, page.compressed);
  thrift.end();
  thrift.end();
}
