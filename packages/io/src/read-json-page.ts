import type { ValidationIssue } from '@conflict-events/schema';
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
