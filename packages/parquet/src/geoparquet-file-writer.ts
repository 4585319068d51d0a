// Writes one GeoParquet file a row group at a time and hands its bytes out as they are
// made: the header with the first row group, each full row group, then the footer (which
// carries the `geo` metadata with the bbox of every point written).
import type { ConflictEvent } from '@conflict-events/schema';
import type { KeyValue } from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { Codec } from './compression-codecs.ts';
import { geoMetadataKey, geoMetadataText, PointBounds } from './geo-metadata.ts';
import { type ParquetColumn, parquetSchema } from './parquet-columns.ts';
import { RowGroupBuffer, type RowGroupColumns } from './row-group-buffer.ts';
import { RowGroupMetadataCompactor } from './row-group-metadata.ts';

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
}

export class GeoParquetFileWriter {
  private readonly sink = new ChunkWriter();
  private readonly parquet: ParquetWriter;
  private readonly bounds = new PointBounds();
  private readonly buffer: RowGroupBuffer;
  private readonly metadata = new RowGroupMetadataCompactor();
  private rowsWritten = 0;

  constructor(private readonly settings: FileWriterSettings) {
    this.parquet = new ParquetWriter({
      writer: this.sink,
      schema: parquetSchema(settings.columns),
      codec: settings.codec.codec,
      compressors: settings.codec.compressors,
      createdBy,
    });
    this.buffer = new RowGroupBuffer(settings.columns);
  }

  /** Events held, not yet written as a row group. */
  get buffered(): number {
    return this.buffer.size;
  }

  get rows(): number {
    return this.rowsWritten + this.buffer.size;
  }

  /** Adds an event; returns bytes when it completed a row group. */
  add(event: ConflictEvent): Uint8Array | undefined {
    this.buffer.add(event);
    return this.buffer.size >= this.settings.rowGroupSize ? this.writeRowGroup() : undefined;
  }

  /**
   * Writes a row group (possibly short): the columns given, collected elsewhere (the
   * partitioned writer keeps one buffer per partition), else the events held. Returns the
   * bytes made so far.
   */
  writeRowGroup(columns?: RowGroupColumns): Uint8Array | undefined {
    const group = columns ?? (this.buffer.size > 0 ? this.buffer.take() : undefined);
    const size = group?.boxes.length ?? 0;
    if (group && size > 0) {
      for (const box of group.boxes) if (box) this.bounds.add(box.xmin, box.ymin);
      // One call, one row group: a buffer never holds more than a row group.
      void this.parquet.write({ columnData: group.sources, rowGroupSize: size });
      this.metadata.compact(this.parquet);
      this.rowsWritten += size;
    }
    return this.sink.take();
  }

  /** Writes what is held and the footer; returns the last bytes of the file. */
  finish(): Uint8Array {
    const last = this.writeRowGroup();
    this.parquet.kvMetadata = [
      { key: geoMetadataKey, value: geoMetadataText(this.bounds) },
      ...(this.settings.keyValues ?? []),
    ];
    void this.parquet.finish();
    const footer = this.sink.take() ?? new Uint8Array(0);
    if (!last) return footer;
    const bytes = new Uint8Array(last.byteLength + footer.byteLength);
    bytes.set(last);
    bytes.set(footer, last.byteLength);
    return bytes;
  }
}
