// hyparquet-writer keeps every row group's metadata as objects until it writes the footer.
// `pnpm bench:footer` measured it on 1M events (67 row groups of 73 columns): 4.4 MiB of
// heap, about 67 KiB a row group, so 22 MiB at 5M events: with the duplicate-id set, what
// grows with the number of events in a GeoParquet conversion. Most of it repeats: each
// column chunk carries its own arrays of encodings, schema path and page counts, equal to
// those of the same column in every other row group, and one index entry whether or not the
// column has a page index.
import type { ColumnChunk } from 'hyparquet';
import type { ParquetWriter } from 'hyparquet-writer';

type ChunkMetadata = NonNullable<ColumnChunk['meta_data']>;
type Statistics = NonNullable<ChunkMetadata['statistics']>;

/**
 * Makes the metadata of the row groups written so far share what repeats: equal arrays of
 * encodings, paths and encoding counts become one array, the statistics of an all-null chunk
 * one object, equal counts one bigint, and index entries without an index are dropped (the
 * footer writer skips them). Only values equal to the ones replaced are put in, so the footer
 * is byte for byte the same.
 */
export class RowGroupMetadataCompactor {
  private readonly arrays = new Map<string, unknown[]>();
  private readonly nullStatistics = new Map<bigint, Statistics>();
  private readonly counts = new Map<bigint, bigint>();
  private compacted = 0;

  /** Compacts the row groups the writer added since the last call. */
  compact(writer: ParquetWriter): void {
    const groups = writer.row_groups;
    for (; this.compacted < groups.length; this.compacted++) {
      const group = groups[this.compacted];
      if (!group) continue;
      for (const chunk of group.columns) if (chunk.meta_data) this.compactChunk(chunk.meta_data);
    }
    const pending = writer.pendingIndexes;
    if (pending.some((entry) => !hasIndex(entry))) {
      writer.pendingIndexes = pending.filter(hasIndex);
    }
  }

  private compactChunk(meta: ChunkMetadata): void {
    meta.encodings = this.shared('e', meta.encodings, String);
    meta.path_in_schema = this.shared('p', meta.path_in_schema, String);
    if (meta.encoding_stats) {
      meta.encoding_stats = this.shared(
        's',
        meta.encoding_stats,
        (stat) => `${stat.page_type}/${stat.encoding}/${stat.count}`,
      );
    }
    meta.num_values = this.count(meta.num_values);
    const statistics = meta.statistics;
    if (statistics && isNullOnly(statistics) && statistics.null_count !== undefined) {
      const nulls = statistics.null_count;
      let shared = this.nullStatistics.get(nulls);
      if (!shared) {
        shared = statistics;
        this.nullStatistics.set(nulls, shared);
      }
      meta.statistics = shared;
    }
  }

  private shared<T>(kind: string, values: T[], key: (value: T) => string): T[] {
    const name = `${kind}:${values.map(key).join('\u0000')}`;
    const found = this.arrays.get(name);
    if (found) return found as T[];
    this.arrays.set(name, values);
    return values;
  }

  private count(value: bigint): bigint {
    const found = this.counts.get(value);
    if (found !== undefined) return found;
    if (this.counts.size < 1024) this.counts.set(value, value);
    return value;
  }
}

function hasIndex(entry: ParquetWriter['pendingIndexes'][number]): boolean {
  return (
    entry.columnIndex !== undefined ||
    entry.offsetIndex !== undefined ||
    entry.bloomFilter !== undefined
  );
}

/** Statistics that say only how many nulls a chunk has (the same for every all-null chunk). */
function isNullOnly(statistics: Statistics): boolean {
  const keys = Object.keys(statistics) as (keyof Statistics)[];
  return keys.every((key) => key === 'null_count' || statistics[key] === undefined);
}
