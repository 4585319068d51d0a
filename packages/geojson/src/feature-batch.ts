// Collects one batch of a GeoJSON reader. Like the core's BatchBuilder, every record goes
// through `addFeature` or `reject`, which keeps `records = events + rejected` exact; unlike
// it, issues found by the schema are moved from the event to where the value sits in the
// feature (`/properties/date/start`, `/geometry/coordinates/1`, the flat column name), so
// that pointers point into the input document.
import {
  type Batch,
  type DatasetMetadata,
  positionIssue,
  type RecordPosition,
} from '@conflict-events/io';
import { safeParseEvent, type ValidationIssue } from '@conflict-events/schema';
import { type FeatureContext, type FeatureLocator, mapFeature } from './feature-to-event.ts';

function emptyBatch(): Batch {
  return { events: [], positions: [], raws: [], rejected: [], issues: [], records: 0 };
}

function relocate(issue: ValidationIssue, locate: FeatureLocator): ValidationIssue {
  if (issue.pointer === undefined) return issue;
  const located = locate(issue.pointer);
  const out: ValidationIssue = { ...issue, pointer: located.pointer };
  if (located.field !== undefined) out.field = located.field;
  return out;
}

export class FeatureBatchBuilder {
  private batch = emptyBatch();

  constructor(private readonly file: string | undefined) {}

  get size(): number {
    return this.batch.records;
  }

  get hasContent(): boolean {
    return (
      this.batch.records > 0 || this.batch.issues.length > 0 || this.batch.metadata !== undefined
    );
  }

  /** Maps and shape-checks one parsed feature: an event, or a rejected record with its issues. */
  addFeature(value: unknown, position: RecordPosition, raw: string, context: FeatureContext): void {
    const mapped = mapFeature(value, context);
    if (!mapped.candidate || mapped.errors.length > 0) {
      this.reject(raw, position, [...mapped.errors, ...mapped.warnings]);
      return;
    }
    const parsed = safeParseEvent(mapped.candidate);
    if (!parsed.success) {
      const issues = parsed.issues.map((issue) => relocate(issue, mapped.locate));
      this.reject(raw, position, [...issues, ...mapped.warnings]);
      return;
    }
    this.batch.events.push(parsed.data);
    this.batch.positions.push(position);
    this.batch.raws.push(raw);
    this.batch.records += 1;
    for (const warning of mapped.warnings) this.issue(warning, position);
  }

  /** Rejects a record; its issues get the record's position. */
  reject(raw: string, position: RecordPosition, issues: readonly ValidationIssue[]): void {
    this.batch.rejected.push({
      position,
      raw,
      issues: issues.map((issue) => positionIssue(issue, position, this.file)),
    });
    this.batch.records += 1;
  }

  /** An issue not tied to a rejected record: a warning on an event, a problem of the document. */
  issue(issue: ValidationIssue, position: RecordPosition = {}): void {
    this.batch.issues.push(positionIssue(issue, position, this.file));
  }

  setMetadata(metadata: DatasetMetadata): void {
    this.batch.metadata = metadata;
  }

  /** Hands over the batch collected so far and starts a new one. */
  take(): Batch {
    const batch = this.batch;
    this.batch = emptyBatch();
    return batch;
  }
}
