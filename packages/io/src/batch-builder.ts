import { safeParseEvent, type ValidationIssue } from '@conflict-events/schema';
import type { Batch, RecordPosition } from './format.ts';

/** Where an issue inside an event sits in the input's own terms (a CSV column). */
export type FieldLocator = (pointer: string) => { field: string; fieldNumber?: number } | undefined;

/** Adds a record's position (and the input's field for the issue's pointer) to an issue. */
export function positionIssue(
  issue: ValidationIssue,
  position: RecordPosition,
  file: string | undefined,
  locate?: FieldLocator,
): ValidationIssue {
  const out: ValidationIssue = { ...issue };
  if (file !== undefined) out.file = file;
  if (position.row !== undefined) out.row = position.row;
  if (position.line !== undefined) out.line = position.line;
  if (position.byteOffset !== undefined) out.byteOffset = position.byteOffset;
  if (position.pointer !== undefined) out.pointer = `${position.pointer}${issue.pointer ?? ''}`;
  if (locate && issue.pointer !== undefined && out.field === undefined) {
    const located = locate(issue.pointer);
    if (located) {
      out.field = located.field;
      if (located.fieldNumber !== undefined) out.fieldNumber = located.fieldNumber;
    }
  }
  return out;
}

/**
 * Collects one batch for a reader: candidate events are shape-checked against the schema;
 * those that fail become rejected records with positioned issues. Every record a reader
 * sees goes through `accept` or `reject`, which keeps the accounting exact.
 */
export class BatchBuilder {
  private batch: Batch = BatchBuilder.empty();

  constructor(
    private readonly file: string | undefined,
    private readonly locate?: FieldLocator,
  ) {}

  private static empty(): Batch {
    return { events: [], positions: [], raws: [], rejected: [], issues: [], records: 0 };
  }

  get size(): number {
    return this.batch.records;
  }

  get hasContent(): boolean {
    return (
      this.batch.records > 0 || this.batch.issues.length > 0 || this.batch.preamble !== undefined
    );
  }

  /** Shape-checks a candidate event; accepts it or rejects it with its issues. */
  accept(candidate: unknown, position: RecordPosition, raw: string): void {
    const parsed = safeParseEvent(candidate);
    if (parsed.success) {
      this.batch.events.push(parsed.data);
      this.batch.positions.push(position);
      this.batch.raws.push(raw);
      this.batch.records += 1;
    } else this.reject(raw, position, parsed.issues);
  }

  /** Rejects a record; issues get the record's position. */
  reject(raw: string, position: RecordPosition, issues: readonly ValidationIssue[]): void {
    this.batch.rejected.push({
      position,
      raw,
      issues: issues.map((issue) => positionIssue(issue, position, this.file, this.locate)),
    });
    this.batch.records += 1;
  }

  /** An issue not tied to a rejected record (a header problem, a warning). */
  issue(issue: ValidationIssue, position: RecordPosition = {}): void {
    this.batch.issues.push(positionIssue(issue, position, this.file, this.locate));
  }

  setPreamble(preamble: string): void {
    this.batch.preamble = preamble;
  }

  setMetadata(metadata: NonNullable<Batch['metadata']>): void {
    this.batch.metadata = metadata;
  }

  /** Hands over the batch collected so far and starts a new one. */
  take(): Batch {
    const batch = this.batch;
    this.batch = BatchBuilder.empty();
    return batch;
  }
}
