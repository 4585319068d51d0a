// One record of JSON text read whole (an NDJSON line, a GeoJSONSeq text): parsed, or refused
// with the issue that says why.
import type { ValidationIssue } from '@conflict-events/schema';
import { nestingIssue, nestsDeeperThan } from './nesting-depth.ts';

export type ParsedJsonRecord = { value: unknown } | { issue: ValidationIssue };

/**
 * Parses a record's text; one that is not JSON gets an `invalid-json` issue with the
 * parser's reason, one nested deeper than `maxDepth` a `nesting-too-deep` issue, so that its
 * value never reaches code that recurses over it.
 */
export function parseJsonRecord(text: string, maxDepth: number): ParsedJsonRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      issue: { code: 'invalid-json', severity: 'error', message: `not valid JSON: ${reason}` },
    };
  }
  if (nestsDeeperThan(text, maxDepth)) return { issue: nestingIssue(maxDepth) };
  return { value };
}
