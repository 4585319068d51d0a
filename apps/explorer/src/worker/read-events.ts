// Reads one input into memory with the I/O core's `convert`: decompression, detection, the
// format's reader, the rules and the accounting are the command line's own. What comes
// out is the full events (kept in the worker), the columnar table (sent to the page) and
// the issues, each linked to the event it is about where there is one.
import {
  type ByteSource,
  convert,
  type DatasetMetadata,
  type RecordPosition,
} from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import { type EventTable, EventTableBuilder } from '../data/event-table.ts';
import { createPositionLookup, resolveIssueEvent } from '../data/issue-events.ts';
import { registry } from '../formats.ts';
import { createMemorySink } from './memory-sink.ts';
import type { IssueRow, LoadSummary } from './protocol.ts';

/** Issues kept for the panel; the counts cover all of them. */
export const maxIssues = 10_000;

export interface ReadInput {
  bytes: ByteSource;
  fileName: string;
}

export interface ReadResult {
  events: ConflictEvent[];
  table: EventTable;
  issues: IssueRow[];
  summary: LoadSummary;
  metadata?: DatasetMetadata;
}

/** Called as bytes arrive: bytes read so far (compressed, as in the file) and events so far. */
export type ReadProgress = (bytesRead: number, events: number) => void;

export async function readEvents(input: ReadInput, progress: ReadProgress): Promise<ReadResult> {
  const events: ConflictEvent[] = [];
  const positions: RecordPosition[] = [];
  const builder = new EventTableBuilder();
  const sink = createMemorySink((received) => {
    received.events.forEach((event, index) => {
      events.push(event);
      positions.push(received.positions[index] ?? {});
      builder.add(event);
    });
  });
  const stats = await convert({
    input: input.bytes,
    fileName: input.fileName,
    registry,
    to: sink,
    output: { write() {} },
    maxIssues,
    // The core counts the bytes read (as stored) and the events after each batch.
    onProgress: ({ bytesIn, events: count }) => progress(bytesIn, count),
  });
  progress(stats.bytesIn, stats.events);

  const table = builder.finish();
  const lookup = createPositionLookup(positions, table.ids);
  const issues: IssueRow[] = stats.issues.map((issue) => {
    const eventIndex = resolveIssueEvent(issue, lookup);
    return eventIndex === undefined ? { issue } : { issue, eventIndex };
  });
  // An empty input may be of no format at all (`convert` names it `empty`).
  const format = registry.formats.find((candidate) => candidate.id === stats.from);
  const summary: LoadSummary = {
    fileName: input.fileName,
    formatId: stats.from,
    formatName: format?.name ?? 'empty input',
    compression: stats.compression,
    records: stats.records,
    events: stats.events,
    rejected: stats.rejected,
    errors: stats.errors,
    warnings: stats.warnings,
    infos: stats.infos,
    bytesRead: stats.bytesIn,
    seconds: stats.seconds,
    issuesTruncated: stats.issuesTruncated,
  };
  const result: ReadResult = { events, table, issues, summary };
  if (stats.metadata !== undefined) {
    summary.metadata = stats.metadata;
    result.metadata = stats.metadata;
  }
  return result;
}
