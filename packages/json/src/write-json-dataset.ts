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

/** The members of an object's JSON text without its braces, laid out as the writer's. */
function members(value: Record<string, unknown>, pretty: boolean): string {
  const text = JSON.stringify(value, null, pretty ? 2 : undefined);
  return text.slice(1, -1).replace(/\n$/, '');
}

/**
 * Writes a dataset document as a stream: the envelope, then the events one by one, so the
 * events are never held together. Valid JSON for any number of events, zero included.
 *
 * Metadata given as an option is written first. Without it, metadata carried by the input's
 * batches (a JSON dataset read by `convert`) is known only once the input has been read, so
 * its members follow the events: JSON members have no order, and readers take them anywhere.
 */
export async function* writeJsonDataset(
  events: AsyncIterable<ConflictEvent | Batch>,
  options: Partial<JsonDatasetWriteOptions> & CommonWriteOptions = {},
): AsyncIterable<Uint8Array> {
  const pretty = options.pretty ?? defaultJsonDatasetWriteOptions.pretty;
  const leading = options.metadata !== undefined;
  const envelope = envelopeOf(options);
  const first = leading
    ? envelope
    : { schemaVersion: envelope.schemaVersion, generatedAt: envelope.generatedAt };
  const opening = JSON.stringify(first, null, pretty ? 2 : undefined);
  // The envelope without its closing brace; the events member follows it.
  const head = `${opening.slice(0, opening.lastIndexOf('}')).trimEnd()},${pretty ? '\n  ' : ''}"events":${pretty ? ' ' : ''}[`;
  const chunker = new TextChunker();
  chunker.add(head);
  let carried: DatasetMetadata | undefined;
  let count = 0;
  for await (const group of eventArrays(events, 1000, (metadata) => {
    carried = metadata;
  })) {
    for (const event of group) {
      const text = pretty ? indent(JSON.stringify(event, null, 2), '    ') : JSON.stringify(event);
      const bytes = chunker.add(`${count === 0 ? '\n' : ',\n'}${text}`);
      count++;
      if (bytes) yield bytes;
    }
  }
  let rest = '';
  if (!leading) {
    const {
      schemaVersion: _version,
      generatedAt: _generated,
      ...trailing
    } = envelopeOf(carried === undefined ? options : { ...options, metadata: carried });
    rest = `,${members(trailing, pretty)}`;
  }
  const close = `${count === 0 ? '' : pretty ? '\n  ' : '\n'}]${rest}${pretty ? '\n' : ''}}\n`;
  chunker.add(close);
  const last = chunker.flush();
  if (last) yield last;
}
