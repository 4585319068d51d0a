// The worker that reads files, so the page never parses and never freezes. It answers the
// page's requests (protocol.ts): read a source, give back one event, write an export.
import type { ByteSource, DatasetMetadata } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import { transferListOf } from '../data/event-table.ts';
import { eventFeatureTexts, featureCollectionText } from '../map/event-features.ts';
import { exportEvents } from './export-events.ts';
import type { LoadSource, WorkerRequest, WorkerResponse } from './protocol.ts';
import { readEvents } from './read-events.ts';

const progressIntervalMilliseconds = 100;

interface Loaded {
  events: ConflictEvent[];
  /** Each event's map feature as GeoJSON text, made before the table leaves the worker. */
  featureTexts: string[];
  metadata?: DatasetMetadata;
}

let loaded: Loaded = { events: [], featureTexts: [] };

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  globalThis.postMessage(message, { transfer });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function openSource(
  source: LoadSource,
): Promise<{ bytes: ByteSource; fileName: string; total?: number }> {
  if (source.kind === 'file') {
    return { bytes: source.file, fileName: source.file.name, total: source.file.size };
  }
  const response = await fetch(source.url);
  if (!response.ok) {
    throw new Error(
      `could not fetch ${source.url}: HTTP ${response.status} ${response.statusText}`,
    );
  }
  const opened: { bytes: ByteSource; fileName: string; total?: number } = {
    bytes: response,
    fileName: source.fileName,
  };
  // Content-Length counts the bytes on the wire; with a content encoding those are not the
  // bytes the body yields, so no total is claimed then.
  const length = Number(response.headers.get('content-length'));
  const encoding = response.headers.get('content-encoding');
  if (Number.isFinite(length) && length > 0 && (encoding === null || encoding === 'identity')) {
    opened.total = length;
  }
  return opened;
}

async function load(source: LoadSource): Promise<void> {
  const opened = await openSource(source);
  let lastReport = Number.NEGATIVE_INFINITY;
  const result = await readEvents(opened, (bytesRead, events) => {
    const now = performance.now();
    if (now - lastReport < progressIntervalMilliseconds) return;
    lastReport = now;
    const progress: WorkerResponse = { type: 'progress', bytesRead, events };
    if (opened.total !== undefined) progress.bytesTotal = opened.total;
    post(progress);
  });
  const { table, issues, summary } = result;
  loaded = { events: result.events, featureTexts: eventFeatureTexts(table) };
  if (result.metadata !== undefined) loaded.metadata = result.metadata;
  post({ type: 'loaded', table, issues, summary }, transferListOf(table));
}

globalThis.addEventListener('message', (message: MessageEvent<WorkerRequest>) => {
  const request = message.data;
  if (request.type === 'load') {
    load(request.source).catch((error: unknown) => {
      post({ type: 'failed', message: messageOf(error) });
    });
  } else if (request.type === 'features') {
    const text = featureCollectionText(loaded.featureTexts, request.passes);
    const blob = new Blob([text], { type: 'application/geo+json' });
    post({ type: 'features', requestId: request.requestId, blob });
  } else if (request.type === 'event') {
    const event = loaded.events[request.index];
    post(
      event === undefined
        ? { type: 'event', requestId: request.requestId }
        : { type: 'event', requestId: request.requestId, event },
    );
  } else {
    exportEvents(loaded.events, request.indexes, request.format, loaded.metadata).then(
      (blob) => post({ type: 'exported', requestId: request.requestId, blob }),
      (error: unknown) =>
        post({ type: 'export-failed', requestId: request.requestId, message: messageOf(error) }),
    );
  }
});
