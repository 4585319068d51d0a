// Writes a selection of the loaded events with a format's own writer, into a Blob the page
// turns into a download. The bytes come from the adapter packages, never from page code.
import type { Batch, DatasetMetadata } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import { type ExportFormatId, exportCatalogue } from '../export-catalogue.ts';
import { exportFormats } from '../formats.ts';

const batchSize = 1000;

async function* selectedBatches(
  events: readonly ConflictEvent[],
  indexes: Uint32Array,
): AsyncIterable<Batch> {
  for (let start = 0; start < indexes.length; start += batchSize) {
    const selected: ConflictEvent[] = [];
    for (const index of indexes.subarray(start, start + batchSize)) {
      const event = events[index];
      if (event) selected.push(event);
    }
    yield {
      events: selected,
      positions: selected.map(() => ({})),
      raws: selected.map(() => ''),
      rejected: [],
      issues: [],
      records: selected.length,
    };
  }
}

export async function exportEvents(
  events: readonly ConflictEvent[],
  indexes: Uint32Array,
  formatId: ExportFormatId,
  metadata: DatasetMetadata | undefined,
): Promise<Blob> {
  const format = exportFormats[formatId];
  if (!format.write) throw new Error(`the format ${format.id} cannot be written`);
  const options = {
    ...format.defaultWriteOptions,
    ...(metadata === undefined ? {} : { metadata }),
  };
  const parts: BlobPart[] = [];
  for await (const chunk of format.write(selectedBatches(events, indexes), options)) {
    parts.push(chunk as Uint8Array<ArrayBuffer>);
  }
  return new Blob(parts, { type: exportCatalogue[formatId].mediaType });
}
