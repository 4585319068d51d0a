// The check fflate's streaming Unzip leaves out: each zip entry's CRC-32 and size, written in
// the central directory at the end of the archive (APPNOTE 4.3.12, 4.3.16), against the data
// inflated. Without it a damaged stored entry, or damage deflate does not notice, reads as
// good data. The end of the archive is kept as it streams past and read when it is over.
import { crc32 } from './gzip-trailer.ts';
import { RecentBytes } from './recent-bytes.ts';

/** Archive bytes kept from the end: the directory of an archive of a few thousand entries. */
const keptBytes = 1 << 20;
const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;

export class ZipEntryCheck {
  private readonly tail = new RecentBytes(keptBytes);
  private crc = 0;
  private size = 0;

  /** Every compressed slice of the archive, in order. */
  compressed(slice: Uint8Array): void {
    this.tail.add(slice);
  }

  /** The chosen entry's data, in order. */
  inflated(data: Uint8Array): void {
    this.crc = crc32(data, this.crc);
    this.size += data.length;
  }

  /** Once the archive has ended: why the entry's data does not match its directory record. */
  mismatch(entry: string): string | undefined {
    const record = this.directoryRecord(entry);
    if (!record) return undefined;
    if (record.crc !== this.crc) {
      return `the data of ${entry} does not match its CRC-32: the archive is damaged`;
    }
    // 0xFFFFFFFF is ZIP64's "see the extra field"; the CRC above still holds.
    if (record.size !== 0xffffffff && record.size !== this.size % 2 ** 32) {
      return `${entry} should hold ${record.size} bytes but gave ${this.size}: the archive is damaged`;
    }
    return undefined;
  }

  private directoryRecord(entry: string): { crc: number; size: number } | undefined {
    const bytes = this.tail.all();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The end-of-directory record is the last 22 bytes, or sits before a comment of up to 64 KiB.
    let end = -1;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
      if (view.getUint32(at, true) === endOfDirectory) {
        end = at;
        break;
      }
    }
    if (end < 0) return undefined;
    const directorySize = view.getUint32(end + 12, true);
    let at = end - directorySize;
    if (at < 0) return undefined;
    const decoder = new TextDecoder();
    while (at + 46 <= end && view.getUint32(at, true) === directoryEntry) {
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      if (name === entry) {
        return { crc: view.getUint32(at + 16, true), size: view.getUint32(at + 24, true) };
      }
      at += 46 + nameLength + extraLength + commentLength;
    }
    return undefined;
  }
}
