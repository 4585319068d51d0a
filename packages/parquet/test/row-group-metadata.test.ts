// The row-group metadata compactor: the footer it leads to is byte for byte the one
// hyparquet-writer writes from its own objects, and the repeated parts are held once.
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { parquetColumns, parquetSchema } from '../src/parquet-columns.ts';
import { RowGroupBuffer } from '../src/row-group-buffer.ts';
import { RowGroupMetadataCompactor } from '../src/row-group-metadata.ts';
import { syntheticEvent } from './synthetic-events.ts';

/** Writes `groups` row groups of `size` synthetic events; compacts after each when asked. */
function writeFile(options: { groups: number; size: number; pageSize?: number; compact: boolean }) {
  const writer = new ByteWriter();
  const parquet = new ParquetWriter({
    writer,
    schema: parquetSchema(parquetColumns),
    codec: 'UNCOMPRESSED',
    createdBy: 'test',
  });
  const compactor = new RowGroupMetadataCompactor();
  const buffer = new RowGroupBuffer(parquetColumns);
  let index = 0;
  for (let group = 0; group < options.groups; group++) {
    for (let row = 0; row < options.size; row++) buffer.add(syntheticEvent(index++));
    const { sources } = buffer.take();
    const write: Parameters<ParquetWriter['write']>[0] = {
      columnData: sources,
      rowGroupSize: options.size,
    };
    if (options.pageSize !== undefined) write.pageSize = options.pageSize;
    void parquet.write(write);
    if (options.compact) compactor.compact(parquet);
  }
  const rowGroups = parquet.row_groups;
  const pending = parquet.pendingIndexes.length;
  void parquet.finish();
  return { bytes: writer.getBytes().slice(), rowGroups, pending };
}

describe('RowGroupMetadataCompactor', () => {
  it('leaves the file byte for byte the same', () => {
    const plain = writeFile({ groups: 6, size: 40, compact: false });
    const compacted = writeFile({ groups: 6, size: 40, compact: true });
    expect(compacted.bytes.byteLength).toBeGreaterThan(1000);
    expect(compacted.bytes).toEqual(plain.bytes);
  });

  it('keeps the index entries of columns that have page indexes', () => {
    // Pages of 64 bytes: most columns have several pages, so an offset index each.
    const plain = writeFile({ groups: 3, size: 60, pageSize: 64, compact: false });
    const compacted = writeFile({ groups: 3, size: 60, pageSize: 64, compact: true });
    expect(compacted.pending).toBeGreaterThan(0);
    expect(compacted.pending).toBeLessThan(plain.pending);
    expect(compacted.bytes).toEqual(plain.bytes);
  });

  it('holds what repeats once and drops index entries without an index', () => {
    const { rowGroups, pending } = writeFile({ groups: 3, size: 30, compact: true });
    expect(pending).toBe(0);
    const [first, second] = rowGroups;
    if (!first || !second) throw new Error('expected row groups');
    first.columns.forEach((chunk, index) => {
      const other = second.columns[index]?.meta_data;
      const meta = chunk.meta_data;
      expect(other?.path_in_schema).toBe(meta?.path_in_schema);
      expect(other?.encodings).toBe(meta?.encodings);
      expect(other?.encoding_stats).toBe(meta?.encoding_stats);
    });
    const nullOnly = first.columns
      .map((chunk) => chunk.meta_data?.statistics)
      .filter(
        (statistics) =>
          statistics?.null_count === 30n &&
          Object.entries(statistics).every(
            ([key, value]) => key === 'null_count' || value === undefined,
          ),
      );
    expect(nullOnly.length).toBeGreaterThan(1);
    expect(new Set(nullOnly).size).toBe(1);
  });
});
