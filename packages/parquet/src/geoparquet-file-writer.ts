// Writes one GeoParquet file a row group at a time and hands its bytes out as they are
// made: the header with the first row group, each full row group, then the footer (which
// carries the `geo` metadata with the bbox of every point written).
import type { ConflictEvent } from '@conflict-events/schema';
import type { KeyValue } from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { ByteBuffer } from './byte-buffer.ts';
import type { ChunkSettings } from './column-encoders.ts';
import type { Codec } from './compression-codecs.ts';
import { Footer } from './footer.ts';
import { geoMetadataKey, geoMetadataText, PointBounds } from './geo-metadata.ts';
import { type ParquetColumn, parquetSchema } from './parquet-columns.ts';
import { RowGroupBuffer } from './row-group-buffer.ts';

export const createdBy = '@conflict-events/parquet';

/** A hyparquet-writer sink whose bytes can be taken away between row groups. */
class ChunkWriter extends ByteWriter {
  take(): Uint8Array | undefined {
    if (this.index === 0) return undefined;
    const bytes = this.getBytes().slice();
    // `offset` keeps counting the whole file, which the footer's offsets need.
    this.index = 0;
    return bytes;
  }
}

export interface FileWriterSettings {
  columns: readonly ParquetColumn[];
  codec: Codec;
  rowGroupSize: number;
  /** Extra footer metadata (the dataset's), next to `geo`. */
  keyValues?: readonly KeyValue[];
  /** Bytes of values after which a data page ends (at the next row); 1 MiB by default. */
  pageSize?: number;
}

export class GeoParquetFileWriter {
  private readonly sink = new ChunkWriter();
  private readonly parquet: ParquetWriter;
  private readonly footer: Footer;
  private readonly bounds = new PointBounds();
  /** The events `add` was given, encoded (made on the first: the partitioned writer has its own). */
  private buffer: RowGroupBuffer | undefined;
  private readonly chunks: ChunkSettings;
  private readonly scratch = new ByteBuffer(1024);
  private rowsWritten = 0;

  constructor(private readonly settings: FileWriterSettings) {
    const schema = parquetSchema(settings.columns);
    this.footer = new Footer(schema);
    // hyparquet-writer writes the header (`PAR1`) and lends its snappy compressor.
    this.parquet = new ParquetWriter({
      writer: this.sink,
      schema,
      codec: settings.codec.codec,
      compressors: settings.codec.compressors,
      createdBy,
    });
    const codec = settings.codec.codec;
    this.chunks = {
      codec,
      compress: codec === 'UNCOMPRESSED' ? undefined : this.parquet.compressors[codec],
      pageSize: settings.pageSize ?? 1 << 20,
    };
  }

  /** Events held, not yet written as a row group. */
  get buffered(): number {
    return this.buffer?.size ?? 0;
  }

  get rows(): number {
    return this.rowsWritten + (this.buffer?.size ?? 0);
  }

  /** Adds an event; returns bytes when it completed a row group. */
  add(event: ConflictEvent): Uint8Array | undefined {
    this.buffer ??= new RowGroupBuffer(this.settings.columns);
    this.buffer.add(event);
    return this.buffer.size >= this.settings.rowGroupSize ? this.writeRowGroup() : undefined;
  }

  /**
   * Writes a row group (possibly short): the events `buffer` holds (the partitioned writer
   * keeps one buffer per partition), else the ones this writer holds. Returns the bytes made
   * so far.
   */
  writeRowGroup(buffer = this.buffer): Uint8Array | undefined {
    const size = buffer?.size ?? 0;
    if (buffer && size > 0) {
      const box = buffer.bounds.bbox;
      if (box) {
        this.bounds.add(box[0], box[1]);
        this.bounds.add(box[2], box[3]);
      }
      this.footer.addRowGroup(size, buffer.write(this.sink, this.chunks, this.scratch));
      this.rowsWritten += size;
    }
    return this.sink.take();
  }

  /** Writes what is held and the footer; returns the last bytes of the file. */
  finish(): Uint8Array {
    const last = this.writeRowGroup();
    const footer = this.footer.finish(
      [
        { key: geoMetadataKey, value: geoMetadataText(this.bounds) },
        ...(this.settings.keyValues ?? []),
      ],
      createdBy,
    );
    if (!last) return footer;
    const bytes = new Uint8Array(last.byteLength + footer.byteLength);
    bytes.set(last);
    bytes.set(footer, last.byteLength);
    return bytes;
  }
}
