// The messages between the page and the loading worker. The page never parses a file: it
// sends a source, gets progress, then a columnar table; full events are asked for one at a
// time, and exports are written in the worker too.
import type { DatasetMetadata } from '@conflict-events/io';
import type { ConflictEvent, ValidationIssue } from '@conflict-events/schema';
import type { EventTable } from '../data/event-table.ts';
import type { ExportFormatId } from '../export-catalogue.ts';

export type LoadSource =
  | { kind: 'file'; file: File }
  | { kind: 'url'; url: string; fileName: string };

export type WorkerRequest =
  | { type: 'load'; source: LoadSource }
  | { type: 'event'; requestId: number; index: number }
  | { type: 'features'; requestId: number; passes: Uint8Array }
  | { type: 'export'; requestId: number; format: ExportFormatId; indexes: Uint32Array };

/** A validation issue and, when it is about a loaded event, that event's index. */
export interface IssueRow {
  issue: ValidationIssue;
  eventIndex?: number;
}

export interface LoadSummary {
  fileName: string;
  formatId: string;
  formatName: string;
  compression: string;
  records: number;
  events: number;
  rejected: number;
  errors: number;
  warnings: number;
  infos: number;
  bytesRead: number;
  seconds: number;
  /** More issues were found than the panel holds. */
  issuesTruncated: boolean;
  metadata?: DatasetMetadata;
}

export type WorkerResponse =
  | { type: 'progress'; bytesRead: number; bytesTotal?: number; events: number }
  | { type: 'loaded'; table: EventTable; issues: IssueRow[]; summary: LoadSummary }
  | { type: 'failed'; message: string }
  | { type: 'event'; requestId: number; event?: ConflictEvent }
  | { type: 'features'; requestId: number; blob: Blob }
  | { type: 'exported'; requestId: number; blob: Blob }
  | { type: 'export-failed'; requestId: number; message: string };
