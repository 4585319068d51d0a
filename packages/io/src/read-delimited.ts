import type { ValidationIssue } from '@conflict-events/schema';
import { type DelimitedRecord, DelimitedTokenizer } from './delimited.ts';
import type { Limits } from './limits.ts';
import { decodeText, type TextInput } from './text-decode.ts';

export interface ReadDelimitedOptions {
  /** One character, or `auto` to choose among `candidates` from the first line. */
  delimiter: string;
  /** Delimiters `auto` chooses from. Default comma, semicolon, tab. */
  candidates?: readonly string[];
  quote: string | null;
  encoding?: string;
  limits: Limits;
  file?: string;
  /** Records per yielded batch. */
  batchSize: number;
}

export interface DelimitedBatch {
  records: DelimitedRecord[];
  /** Encoding problems found while decoding the text of these records. */
  issues: ValidationIssue[];
}

export interface DelimitedInput {
  text: Pick<TextInput, 'encoding' | 'bomBytes'>;
  /** The delimiter used (chosen by sniffing when `auto`). */
  delimiter: string;
  batches: AsyncIterable<DelimitedBatch>;
}

const defaultCandidates = [',', ';', '\t'] as const;

/**
 * True for a row of HXL hashtags (every non-empty cell starts with `#`), which HDX puts
 * right under the header of the files it publishes: a description of the columns, not data.
 */
export function isHashtagRow(fields: readonly string[]): boolean {
  let tags = 0;
  for (const field of fields) {
    const cell = field.trim();
    if (cell === '') continue;
    if (!cell.startsWith('#')) return false;
    tags += 1;
  }
  return tags > 0;
}

/**
 * Chooses the delimiter that splits the first line (outside quotes) into the most fields;
 * ties go to the earlier candidate.
 */
export function sniffDelimiter(
  sample: string,
  candidates: readonly string[] = defaultCandidates,
  quote = '"',
): string {
  const counts = new Map(candidates.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const char of sample) {
    if (char === quote) quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1);
  }
  let best = candidates[0] ?? ',';
  for (const candidate of candidates) {
    if ((counts.get(candidate) as number) > (counts.get(best) as number)) best = candidate;
  }
  return best;
}

const sniffLength = 64 * 1024;

/** Decodes and tokenizes delimited text into batches of records with positions. */
export async function readDelimited(
  bytes: AsyncIterable<Uint8Array>,
  options: ReadDelimitedOptions,
): Promise<DelimitedInput> {
  const decodeOptions: { encoding?: string; file?: string } = {};
  if (options.encoding !== undefined) decodeOptions.encoding = options.encoding;
  if (options.file !== undefined) decodeOptions.file = options.file;
  const text = await decodeText(bytes, decodeOptions);
  const iterator = text.chunks[Symbol.asyncIterator]();
  // Enough text to see the first line, for sniffing.
  const head: string[] = [];
  let headLength = 0;
  let finished = false;
  while (options.delimiter === 'auto' && headLength < sniffLength) {
    const next = await iterator.next();
    if (next.done) {
      finished = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
    if (/[\r\n]/.test(next.value)) break;
  }
  const delimiter =
    options.delimiter === 'auto'
      ? sniffDelimiter(head.join(''), options.candidates, options.quote ?? '"')
      : options.delimiter;
  const tokenizer = new DelimitedTokenizer({
    delimiter,
    quote: options.quote,
    limits: options.limits,
    byteLength: text.byteLength,
    startByteOffset: text.bomBytes,
  });

  async function* batches(): AsyncIterable<DelimitedBatch> {
    let pending: DelimitedRecord[] = [];
    let seenIssues = 0;
    const takeIssues = () => {
      const fresh = text.issues.slice(seenIssues);
      seenIssues = text.issues.length;
      return fresh;
    };
    const feed = function* (records: DelimitedRecord[]): Iterable<DelimitedBatch> {
      for (const record of records) pending.push(record);
      while (pending.length >= options.batchSize) {
        yield { records: pending.slice(0, options.batchSize), issues: takeIssues() };
        pending = pending.slice(options.batchSize);
      }
    };
    for (const chunk of head) yield* feed(tokenizer.push(chunk));
    if (!finished) {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        yield* feed(tokenizer.push(next.value));
      }
    }
    yield* feed(tokenizer.end());
    const issues = takeIssues();
    if (pending.length > 0 || issues.length > 0) yield { records: pending, issues };
  }

  return {
    text: { encoding: text.encoding, bomBytes: text.bomBytes },
    delimiter,
    batches: batches(),
  };
}

export interface RecordShape {
  /** Problems that reject the record: a quote left open, a cell count other than expected. */
  errors: ValidationIssue[];
  /** Characters after a closing quote: kept in the field, reported, the record read on. */
  warning?: ValidationIssue;
}

/**
 * The shape problems of one delimited record against the number of cells its header (or
 * layout) has, in Frictionless terms: `missing-cell`, `extra-cell`, and `source-error`.
 */
export function recordShapeIssues(
  record: DelimitedRecord,
  width: number,
  row: number,
  against = 'the header',
): RecordShape {
  const errors: ValidationIssue[] = [];
  const cells = record.fields.length;
  if (cells !== width) {
    const missing = cells < width;
    errors.push({
      code: missing ? 'missing-cell' : 'extra-cell',
      severity: 'error',
      message: `row ${row} has ${cells} cells, ${against} ${width}`,
      fieldNumber: missing ? cells + 1 : width + 1,
    });
  }
  if (record.unclosedQuote) {
    errors.push({
      code: 'source-error',
      severity: 'error',
      message: 'a quoted field is not closed before the end of the input',
    });
  }
  const shape: RecordShape = { errors };
  if (record.strayAfterQuote) {
    shape.warning = {
      code: 'source-error',
      severity: 'warning',
      message: 'characters after a closing quote were kept in the field',
    };
  }
  return shape;
}
