import {
  type Batch,
  BatchBuilder,
  type CommonReadOptions,
  type DelimitedRecord,
  defaultBatchSize,
  peekBytes,
  type RecordPosition,
  readDelimited,
  resolveLimits,
} from '@conflict-events/io';
import type { ValidationIssue } from '@conflict-events/schema';
import { findHashtagDelimiter, hashtagRowLimit } from './find-hashtag-row.ts';
import { buildLayout, type HxlLayout, locateInLayout } from './hxl-layout.ts';
import type { HxlReadOptions } from './hxl-read-options.ts';
import { mapHxlRow } from './map-hxl-row.ts';
import { isHashtagRow } from './parse-hashtag.ts';

const sniffLength = 64 * 1024;
const datasetPattern = /^[a-z0-9][a-z0-9-]*$/;

function isBlank(record: DelimitedRecord): boolean {
  return record.fields.every((field) => field.trim() === '');
}

interface Pending {
  record: DelimitedRecord;
  position: RecordPosition;
}

/** Where the reader is: looking for the hashtag row, reading data, or rejecting untagged rows. */
type State = 'searching' | 'reading' | 'untagged';

async function chooseDelimiter(
  bytes: AsyncIterable<Uint8Array>,
  delimiter: string,
): Promise<{ delimiter: string; chunks: AsyncIterable<Uint8Array> }> {
  if (delimiter !== 'auto') return { delimiter, chunks: bytes };
  // The first line may be a description row without delimiters, so the delimiter is the one
  // that reveals a hashtag row; the tokenizer's own first-line guess is the fallback.
  const { head, chunks } = await peekBytes(bytes, sniffLength);
  const sample = new TextDecoder('utf-8', { fatal: false }).decode(head);
  return { delimiter: findHashtagDelimiter(sample) ?? 'auto', chunks };
}

/** Reads HXL-tagged CSV as batches of events and rejects, positioned by row, line and byte. */
export async function* readHxl(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<HxlReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  const dataset = options.dataset ?? 'hxl';
  if (!datasetPattern.test(dataset)) {
    throw new TypeError(
      `the dataset option "${dataset}" must be lower-case letters, digits and hyphens`,
    );
  }
  const limits = resolveLimits(options.limits);
  const batchSize = options.batchSize ?? defaultBatchSize;
  const chosen = await chooseDelimiter(bytes, options.delimiter ?? 'auto');
  const input = await readDelimited(chosen.chunks, {
    delimiter: chosen.delimiter,
    quote: '"',
    encoding: options.encoding ?? 'utf-8',
    limits,
    batchSize,
    ...(options.file !== undefined ? { file: options.file } : {}),
  });
  let layout: HxlLayout | undefined;
  const builder = new BatchBuilder(options.file, (pointer) => locateInLayout(layout, pointer));
  let state: State = 'searching';
  let pending: Pending[] = [];
  let row = 0;

  const skipBlank = (position: RecordPosition) =>
    builder.issue(
      {
        code: 'blank-row',
        severity: 'warning',
        message: `row ${position.row} is blank and was skipped`,
      },
      position,
    );

  const readRecord = ({ record, position }: Pending): void => {
    if (isBlank(record) && record.fields.length <= 1) {
      skipBlank(position);
      return;
    }
    if (state === 'untagged' || !layout) {
      if (isBlank(record)) {
        skipBlank(position);
        return;
      }
      builder.reject(record.raw, position, [
        {
          code: 'hxl-tags-missing',
          severity: 'error',
          message: `no hashtag row in the first ${hashtagRowLimit} rows, so the row's columns have no meaning`,
        },
      ]);
      return;
    }
    const problems: ValidationIssue[] = [];
    if (record.unclosedQuote) {
      problems.push({
        code: 'source-error',
        severity: 'error',
        message: 'a quoted field is not closed before the end of the input',
      });
    }
    if (record.fields.length < layout.width) {
      problems.push({
        code: 'missing-cell',
        severity: 'error',
        message: `row ${position.row} has ${record.fields.length} cells, the hashtag row ${layout.width}`,
        field: layout.columns[record.fields.length]?.field ?? '',
        fieldNumber: record.fields.length + 1,
      });
    } else if (record.fields.length > layout.width) {
      problems.push({
        code: 'extra-cell',
        severity: 'error',
        message: `row ${position.row} has ${record.fields.length} cells, the hashtag row ${layout.width}`,
        fieldNumber: layout.width + 1,
      });
    }
    if (problems.length > 0) {
      builder.reject(record.raw, position, problems);
      return;
    }
    const mapped = mapHxlRow(record.fields, layout, dataset);
    if (!mapped.candidate) {
      builder.reject(record.raw, position, mapped.errors);
      return;
    }
    for (const warning of mapped.warnings) builder.issue(warning, position);
    if (record.strayAfterQuote) {
      builder.issue(
        {
          code: 'source-error',
          severity: 'warning',
          message: 'characters after a closing quote were kept in the field',
        },
        position,
      );
    }
    builder.accept(mapped.candidate, position, record.raw);
  };

  /** No hashtag row: the first row stands as the header, every later row is rejected. */
  const giveUp = (): void => {
    state = 'untagged';
    const [first, ...rest] = pending;
    pending = [];
    if (!first) return;
    builder.setPreamble(first.record.raw);
    builder.issue(
      {
        code: 'hxl-tags-missing',
        severity: 'error',
        message: `no hashtag row (a row whose non-empty cells all start with "#") in the first ${hashtagRowLimit} rows; every data row is rejected`,
      },
      first.position,
    );
    for (const item of rest) readRecord(item);
  };

  const search = (item: Pending): void => {
    pending.push(item);
    if (isHashtagRow(item.record.fields)) {
      const above = pending.at(-2)?.record;
      const header = above && !isBlank(above) ? above.fields : undefined;
      layout = buildLayout(item.record.fields, header, (issue) =>
        builder.issue(issue, item.position),
      );
      // Description rows, the header and the hashtags describe the data: they are the preamble.
      builder.setPreamble(pending.map(({ record }) => record.raw).join('\n'));
      pending = [];
      state = 'reading';
    } else if (pending.length >= hashtagRowLimit) giveUp();
  };

  for await (const batch of input.batches) {
    for (const issue of batch.issues) builder.issue(issue);
    for (const record of batch.records) {
      row += 1;
      const item = { record, position: { row, line: record.line, byteOffset: record.byteOffset } };
      if (state === 'searching') search(item);
      else readRecord(item);
      if (builder.size >= batchSize) yield builder.take();
    }
  }
  if (state === 'searching') giveUp();
  if (builder.hasContent) yield builder.take();
}
