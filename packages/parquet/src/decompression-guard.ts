// Decompressors for reading, each checked before it allocates: a page states its
// uncompressed size, and a hostile file may state gigabytes for a few bytes. The bounds are
// the shared ones of @conflict-events/io: the bytes decompressed from one input, and their
// ratio to the input's size once past the first MiB.
import { LimitError, type Limits } from '@conflict-events/io';
import type { Compressors } from 'hyparquet';

const ratioGrace = 2 ** 20;

export class DecompressionGuard {
  private total = 0;
  /** The limit broken, kept because hyparquet may wrap what a decompressor throws. */
  error: LimitError | undefined;

  constructor(
    private readonly fileBytes: number,
    private readonly limits: Limits,
  ) {}

  private check(outputLength: number): void {
    this.total += outputLength;
    if (this.total > this.limits.maxDecompressedBytes) {
      this.error = new LimitError(
        `the Parquet pages decompress to more than maxDecompressedBytes (${this.limits.maxDecompressedBytes} bytes)`,
        'maxDecompressedBytes',
      );
    } else if (
      this.total > ratioGrace &&
      this.total / Math.max(1, this.fileBytes) > this.limits.maxCompressionRatio
    ) {
      this.error = new LimitError(
        `the Parquet pages decompress to more than maxCompressionRatio (${this.limits.maxCompressionRatio}) times the file's ${this.fileBytes} bytes`,
        'maxCompressionRatio',
      );
    }
    if (this.error) throw this.error;
  }

  /** The given decompressors, each checking the size it is asked to produce first. */
  wrap(decompressors: Compressors): Compressors {
    const guarded: Compressors = {};
    for (const [codec, decompress] of Object.entries(decompressors) as [
      keyof Compressors,
      NonNullable<Compressors[keyof Compressors]>,
    ][]) {
      guarded[codec] = (input, outputLength) => {
        this.check(outputLength);
        return decompress(input, outputLength);
      };
    }
    return guarded;
  }
}
