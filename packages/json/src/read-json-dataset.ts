// Reads a JSON dataset (the envelope of `schemas/dataset.schema.json`) or a top-level array of
// events as a stream, on the core's JSON document reader: what is its own is the envelope.
import {
  type Batch,
  BatchBuilder,
  type CommonReadOptions,
  type DatasetMetadata,
  decodeText,
  type JsonDocumentLayout,
  type JsonDocumentObject,
  readJsonDocument,
  resolveJsonReadSettings,
} from '@conflict-events/io';
import { safeParseDataset } from '@conflict-events/schema';
import {
  defaultJsonDatasetReadOptions,
  type JsonDatasetReadOptions,
} from './json-dataset-options.ts';

/** The envelope's members other than `events`, checked against the dataset schema. */
function checkEnvelope(
  document: JsonDocumentObject,
  builder: BatchBuilder,
): DatasetMetadata | undefined {
  if (!document.hasRecordsMember) {
    builder.issue({
      code: 'missing-field',
      severity: 'error',
      message: 'events is required',
      pointer: '/events',
    });
  }
  // fromEntries defines each member as an own property, "__proto__" included, so the
  // schema sees (and refuses) it as an unknown key.
  const parsed = safeParseDataset(Object.fromEntries([...document.members, ['events', []]]));
  if (!parsed.success) {
    for (const issue of parsed.issues) builder.issue(issue);
    return undefined;
  }
  const { events: _events, ...metadata } = parsed.data;
  return metadata;
}

function datasetLayout(builder: BatchBuilder): JsonDocumentLayout {
  return {
    recordsKey: 'events',
    emptyMessage:
      'the input is empty: a JSON dataset is an object with an "events" array, or an array of events',
    notAContainer: (kind) =>
      `a JSON dataset is an object with an "events" array, or an array of events, not a ${kind}`,
    record: (value, position, raw) => builder.accept(value, position, raw),
    finishObject: (document) => checkEnvelope(document, builder),
  };
}

/**
 * Reads a JSON dataset or a top-level array of events as a stream: each event is handed on
 * as soon as it is complete, so the document is never held whole. The envelope's metadata,
 * which may come after the events, is checked at the end and set on the last batch.
 */
export async function* readJsonDataset(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<JsonDatasetReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  const { batchSize, limits, maxDepth, decode } = resolveJsonReadSettings(
    options,
    defaultJsonDatasetReadOptions,
  );
  const text = await decodeText(bytes, decode);
  const builder = new BatchBuilder(options.file);
  yield* readJsonDocument(
    text,
    { batchSize, limits, maxDepth, batches: builder },
    datasetLayout(builder),
  );
}
