import {
  type Batch,
  type CommonWriteOptions,
  type DatasetMetadata,
  eventArrays,
  TextChunker,
} from '@conflict-events/io';
import { type ConflictEvent, SCHEMA_VERSION } from '@conflict-events/schema';
import {
  defaultJsonDatasetWriteOptions,
  type JsonDatasetWriteOptions,
} from './json-dataset-options.ts';

function envelopeOf(
  options: Partial<JsonDatasetWriteOptions> & CommonWriteOptions,
): Record<string, unknown> {
  // Metadata typed without events may still carry them at run time; the writer's own win.
  const { events: _events, ...metadata } = (options.metadata ?? {}) as Partial<DatasetMetadata> & {
    events?: unknown;
  };
  const envelope: Record<string, unknown> = {
    schemaVersion: SCHEMA_VERSION,
    title: options.title ?? defaultJsonDatasetWriteOptions.title,
    ...metadata,
  };
  // The events written are in this package's model, whatever version the metadata came with.
  envelope.schemaVersion = SCHEMA_VERSION;
  envelope.generatedAt = metadata.generatedAt ?? options.generatedAt ?? new Date().toISOString();
  return envelope;
}

function indent(text: string, by: string): string {
  return by + text.replaceAll('\n', `\n${by}`);
}

/**
 * Writes a dataset document as a stream: the envelope, then the events one by one, so the
 * events are never held together. Valid JSON for any number of events, zero included.
 */
export async function* writeJsonDataset(
  events: AsyncIterable<ConflictEvent | Batch>,
  options: Partial<JsonDatasetWriteOptions> & CommonWriteOptions = {},
): AsyncIterable<Uint8Array> {
  const pretty = options.pretty ?? defaultJsonDatasetWriteOptions.pretty;
  const envelope = JSON.stringify(envelopeOf(options), null, pretty ? 2 : undefined);
  // The envelope without its closing brace; the events member follows it.
  const head = `${envelope.slice(0, envelope.lastIndexOf('}')).trimEnd()},${pretty ? '\n  ' : ''}"events":${pretty ? ' ' : ''}[`;
  const chunker = new TextChunker();
  chunker.add(head);
  let count = 0;
  for await (const group of eventArrays(events)) {
    for (const event of group) {
      const text = pretty ? indent(JSON.stringify(event, null, 2), '    ') : JSON.stringify(event);
      const bytes = chunker.add(`${count === 0 ? '\n' : ',\n'}${text}`);
      count++;
      if (bytes) yield bytes;
    }
  }
  const close = pretty ? '\n  ]\n}\n' : '\n]}\n';
  chunker.add(count === 0 ? (pretty ? ']\n}\n' : ']}\n') : close);
  const rest = chunker.flush();
  if (rest) yield rest;
}
