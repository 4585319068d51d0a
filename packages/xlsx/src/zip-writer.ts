// The ZIP container of the workbook, written as a stream with fflate: each part is deflated
// as its text comes, and the archive's bytes are collected for the writer to hand on.
import { TextChunker } from '@conflict-events/io';
import { type DeflateOptions, Zip, ZipDeflate } from 'fflate';
import { XlsxLimitError } from './xlsx-limit-error.ts';

const chunkBytes = 1 << 16;
// Without ZIP64 (which fflate does not write) sizes and offsets are 32-bit.
export const zipMaxBytes = 0xffff_ffff;

/** One part being written: text in, deflated bytes out through the archive. */
export class ZipEntryWriter {
  private readonly chunker = new TextChunker(chunkBytes);
  private pushed = 0;

  constructor(private readonly entry: ZipDeflate) {}

  write(text: string): void {
    const bytes = this.chunker.add(text);
    if (bytes) this.push(bytes, false);
  }

  end(text = ''): void {
    if (text) this.write(text);
    this.push(this.chunker.flush() ?? new Uint8Array(0), true);
  }

  /** The most uncompressed bytes the part can have once what was written is flushed. */
  get sizeBound(): number {
    return this.pushed + chunkBytes;
  }

  private push(bytes: Uint8Array, final: boolean): void {
    this.pushed += bytes.length;
    this.entry.push(bytes, final);
  }
}

/**
 * A ZIP archive written part after part. fflate works synchronously here (no workers), so
 * after each write the archive's new bytes are ready to `take`.
 */
export class ZipWriter {
  private readonly zip: Zip;
  private readonly ready: Uint8Array[] = [];
  private failure: unknown;
  private written = 0;
  private readyBytes = 0;

  constructor(
    private readonly level: number,
    private readonly modified: Date,
    private readonly maxBytes = zipMaxBytes,
  ) {
    this.zip = new Zip((error, data) => {
      if (error) {
        this.failure ??= error;
        return;
      }
      this.written += data.length;
      this.readyBytes += data.length;
      this.ready.push(data);
    });
  }

  /** Starts a part; parts are written one after another, each ended before the next starts. */
  open(name: string): ZipEntryWriter {
    const entry = new ZipDeflate(name, {
      level: this.level as NonNullable<DeflateOptions['level']>,
    });
    entry.mtime = this.modified;
    this.zip.add(entry);
    return new ZipEntryWriter(entry);
  }

  /** A whole part at once. */
  add(name: string, text: string): void {
    this.open(name).end(text);
  }

  /** Writes the central directory; the archive is complete once its bytes are taken. */
  end(): void {
    this.zip.end();
  }

  /**
   * The archive's bytes made since the last call, as one chunk once there are at least 64 KiB
   * of them (DEFLATE hands out a few KiB at a time, and sinks write larger chunks better), or
   * whatever there is when `all` is set.
   */
  take(all = false): Uint8Array | undefined {
    if (this.failure !== undefined) throw this.failure;
    if (this.written > this.maxBytes) {
      throw new XlsxLimitError(
        `the workbook passes ${this.maxBytes} bytes, the most a ZIP file without ZIP64 can address; write this data as CSV or Parquet, or in parts`,
        'archiveSize',
      );
    }
    if (this.readyBytes === 0 || (!all && this.readyBytes < chunkBytes)) return undefined;
    const out = new Uint8Array(this.readyBytes);
    let offset = 0;
    for (const bytes of this.ready.splice(0)) {
      out.set(bytes, offset);
      offset += bytes.length;
    }
    this.readyBytes = 0;
    return out;
  }
}
