import {
  type Batch,
  BatchBuilder,
  type CommonReadOptions,
  type DelimitedRecord,
  defaultBatchSize,
  type RecordPosition,
  readDelimited,
  resolveLimits,
} from '@conflict-events/io';
import type { ValidationIssue } from '@conflict-events/schema';
import { type GdeltLayoutInfo, layoutOfWidth } from './gdelt-fields.ts';
import type { GdeltReadOptions } from './gdelt-format.ts';
import { fieldOfPointer } from './gdelt-pointers.ts';
import { conflictRoots, parseGdeltRow, rootOfRow } from './parse-gdelt-row.ts';

function isBlank(record: DelimitedRecord): boolean {
  return record.fields.length <= 1 && (record.fields[0] ?? '').trim() === '';
}

/** Why a row whose width is not the file's layout cannot be read. */
function widthIssue(width: number, layout: GdeltLayoutInfo | undefined): ValidationIssue {
  if (layout) {
    const expected = layout.fields.length;
    return width < expected
      ? {
          code: 'missing-cell',
          severity: 'error',
          message: `the row has ${width} fields; this file's layout (${layout.layout}) has ${expected}`,
          fieldNumber: width + 1,
        }
      : {
          code: 'extra-cell',
          severity: 'error',
          message: `the row has ${width} fields; this file's layout (${layout.layout}) has ${expected}`,
          fieldNumber: expected + 1,
        };
  }
  // No layout yet: compare with the widest layout this row could be a broken copy of.
  const message = `the row has ${width} fields; GDELT event rows have 57, 58 or 61`;
  return width > 61
    ? { code: 'extra-cell', severity: 'error', message, fieldNumber: 62 }
    : { code: 'missing-cell', severity: 'error', message, fieldNumber: width + 1 };
}

/**
 * Reads a GDELT event file (1.0 or 2.0, tab-separated, no header) as batches of events and
 * rejects. The layout is fixed by the first row whose width is a GDELT layout; rows are
 * numbered from 1, as there is no header.
 */
export async function* readGdelt(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<GdeltReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  const batchSize = options.batchSize ?? defaultBatchSize;
  const conflictOnly = options.conflictOnly ?? false;
  const input = await readDelimited(bytes, {
    delimiter: '\t',
    // GDELT never quotes: a quote character is text (headlines in URLs, names).
    quote: null,
    encoding: options.encoding ?? 'utf-8',
    limits: resolveLimits(options.limits),
    batchSize,
    ...(options.file !== undefined ? { file: options.file } : {}),
  });
  let layout: GdeltLayoutInfo | undefined;
  const builder = new BatchBuilder(options.file, (pointer) => fieldOfPointer(pointer, layout));
  let row = 0;
  for await (const batch of input.batches) {
    for (const issue of batch.issues) builder.issue(issue);
    for (const record of batch.records) {
      row += 1;
      const position: RecordPosition = { row, line: record.line, byteOffset: record.byteOffset };
      if (isBlank(record)) {
        builder.issue(
          {
            code: 'blank-row',
            severity: 'warning',
            message: `row ${row} is blank and was skipped`,
          },
          position,
        );
        continue;
      }
      layout ??= layoutOfWidth(record.fields.length);
      if (!layout || record.fields.length !== layout.fields.length) {
        builder.reject(record.raw, position, [widthIssue(record.fields.length, layout)]);
      } else {
        const root = rootOfRow(record.fields, layout);
        if (conflictOnly && (root === undefined || !conflictRoots.has(root))) {
          builder.reject(record.raw, position, [
            {
              code: 'filtered-out',
              severity: 'info',
              message: `not a conflict event (CAMEO root ${root ?? 'missing'}); filtered by conflictOnly`,
              field: 'EventRootCode',
            },
          ]);
        } else {
          const parsed = parseGdeltRow(record.fields, layout);
          if (parsed.candidate === undefined || parsed.issues.length > 0) {
            builder.reject(record.raw, position, parsed.issues);
          } else {
            for (const warning of parsed.warnings) builder.issue(warning, position);
            builder.accept(parsed.candidate, position, record.raw);
          }
        }
      }
      if (builder.size >= batchSize) yield builder.take();
    }
  }
  if (builder.hasContent) yield builder.take();
}
