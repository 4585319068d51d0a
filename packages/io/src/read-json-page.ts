import type { ValidationIssue } from '@conflict-events/schema';
import { BatchBuilder, type FieldLocator } from './batch-builder.ts';
import type { CellSource } from './cell-reader.ts';
import type { Batch } from './format.ts';
import { LimitError, type Limits } from './limits.ts';
import { decodeText } from './text-decode.ts';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON value as the cell a CSV export would have: numbers as printed, null as empty. */
export function jsonCellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export interface JsonPage {
  /** The parsed document; absent when the input is not JSON (then `issues` says why). */
  value?: unknown;
  /** Encoding problems and the parse error, if any. */
  issues: ValidationIssue[];
}

/**
 * Reads a small JSON document whole: one page of a source's API. Pages are a thousand or so
 * records, so parsing whole is simpler than streaming; `maxRecordLength` bounds the page.
 * JSON exchanged between systems is UTF-8 (RFC 8259), so no encoding option applies.
 */
export async function readJsonPage(
  bytes: AsyncIterable<Uint8Array>,
  options: { file?: string; limits: Limits },
): Promise<JsonPage> {
  const text = await decodeText(bytes, options.file !== undefined ? { file: options.file } : {});
  const parts: string[] = [];
  let length = 0;
  for await (const chunk of text.chunks) {
    length += chunk.length;
    if (length > options.limits.maxRecordLength) {
      throw new LimitError(
        `the JSON document is longer than ${options.limits.maxRecordLength} characters (limit maxRecordLength)`,
        'maxRecordLength',
      );
    }
    parts.push(chunk);
  }
  const issues = [...text.issues];
  try {
    return { value: JSON.parse(parts.join('')), issues };
  } catch (error) {
    issues.push({
      code: 'source-error',
      severity: 'error',
      message: `the input is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
    return { issues };
  }
}

/** What an importer makes of one source record. */
export interface MappedRecord {
  /** The candidate event, when the record maps; then `errors` is empty. */
  candidate?: unknown;
  errors: ValidationIssue[];
  /** Problems that do not stop the record. */
  warnings: ValidationIssue[];
}

export interface JsonPageLayout {
  /** The member holding the records (`data`, `Result`). */
  key: string;
  /** What the page is, for messages: "an ACLED API response". */
  what: string;
  /** A look at the page as a whole (a failure flag, a next page), reported as an issue. */
  inspect?(page: JsonObject): ValidationIssue | undefined;
}

/**
 * Reads the records of one JSON API page: the array under `layout.key`, each object mapped
 * by `map` and positioned by its pointer (`/data/3`); a rejected element's raw text is its
 * JSON. Every element is an event or a reject, so the accounting holds.
 */
export async function* readJsonPageRecords(
  bytes: AsyncIterable<Uint8Array>,
  options: { file?: string; limits: Limits; batchSize: number; locate?: FieldLocator },
  layout: JsonPageLayout,
  map: (element: JsonObject) => MappedRecord,
): AsyncIterable<Batch> {
  const { value: page, issues } = await readJsonPage(bytes, {
    limits: options.limits,
    ...(options.file !== undefined ? { file: options.file } : {}),
  });
  const builder = new BatchBuilder(options.file, options.locate);
  for (const issue of issues) builder.issue(issue);
  const records = isJsonObject(page) ? page[layout.key] : undefined;
  if (page !== undefined && !Array.isArray(records)) {
    builder.issue({
      code: 'source-error',
      severity: 'error',
      message: `the input is not ${layout.what}: it has no "${layout.key}" array`,
      pointer: `/${layout.key}`,
    });
  }
  if (!Array.isArray(records) || !isJsonObject(page)) {
    yield builder.take();
    return;
  }
  const remark = layout.inspect?.(page);
  if (remark) builder.issue(remark);
  for (const [index, element] of records.entries()) {
    const position = { pointer: `/${layout.key}/${index}` };
    const raw = JSON.stringify(element) ?? 'null';
    const mapped = isJsonObject(element) ? map(element) : undefined;
    if (!mapped) {
      builder.reject(raw, position, [
        {
          code: 'type-error',
          severity: 'error',
          message: `a "${layout.key}" element is not an object`,
        },
      ]);
    } else if (mapped.candidate === undefined) builder.reject(raw, position, mapped.errors);
    else {
      for (const warning of mapped.warnings) builder.issue(warning, position);
      builder.accept(mapped.candidate, position, raw);
    }
    if (builder.size >= options.batchSize) yield builder.take();
  }
  if (builder.hasContent) yield builder.take();
}

/** One JSON record as the cells a source's own reader takes, with the keys it does not know. */
export interface JsonRecordCells<Column extends string> extends CellSource<Column> {
  /** Members under keys the source does not have, kept for provenance.unmapped. */
  extra: readonly (readonly [string, string])[];
}

/**
 * Turns one element of an API page into cells by the source's column names, as its CSV
 * export would print them. A member holding an array or object is an error (no column of
 * these sources holds one); a repeated column keeps its first value, the rest go to `extra`.
 */
export function jsonRecordCells<Column extends string>(
  element: JsonObject,
  columnOf: (key: string) => Column | undefined,
): { record: JsonRecordCells<Column>; errors: ValidationIssue[] } {
  const cells = new Map<Column, string>();
  const extra: (readonly [string, string])[] = [];
  const errors: ValidationIssue[] = [];
  for (const [key, value] of Object.entries(element)) {
    const text = jsonCellText(value);
    if (text === undefined) {
      errors.push({
        code: 'type-error',
        severity: 'error',
        message: `"${key}" holds ${Array.isArray(value) ? 'an array' : 'an object'}, not a value`,
        field: key,
      });
      continue;
    }
    const column = columnOf(key);
    if (column !== undefined && !cells.has(column)) cells.set(column, text);
    else extra.push([key, text]);
  }
  return {
    record: { cell: (column) => cells.get(column) ?? '', fieldNumber: () => undefined, extra },
    errors,
  };
}
