import type { z } from 'zod';
import { toJsonPointer } from './json-pointer.ts';
import type { ValidationIssue } from './validation-report.ts';

/** Shape problems are reported with Frictionless error types where one fits. */
export const shapeIssueCodes = {
  'missing-field': 'A required field is absent.',
  'extra-field':
    'A field the model does not define (misspelt, or data that belongs in provenance.unmapped).',
  'type-error': 'A value of the wrong type or format (not a number, not a YYYY-MM-DD date, …).',
  'constraint-error': 'A value outside its allowed range, set or pattern.',
} as const;
export type ShapeIssueCode = keyof typeof shapeIssueCodes;

const maxValueLength = 200;

/** The offending value as short text for a report. */
export function describeValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > maxValueLength ? `${text.slice(0, maxValueLength)}…` : text;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function codeOf(issue: z.core.$ZodIssue, value: unknown): ShapeIssueCode {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? 'missing-field' : 'type-error';
    case 'invalid_format':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return 'type-error';
    case 'unrecognized_keys':
      return 'extra-field';
    default:
      return 'constraint-error';
  }
}

function label(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'the event' : path.map(String).join('.');
}

/** Turns zod's issues into report issues with JSON pointers relative to `base`. */
export function shapeIssuesFromZod(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  base: readonly PropertyKey[] = [],
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const eventId = valueAt(input, ['id']);
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        out.push(
          withValue(
            {
              code: 'extra-field',
              severity: 'error',
              message: `${label(path)} is not a field of the model`,
              pointer: toJsonPointer([...base, ...path]),
            },
            eventId,
            valueAt(input, path),
          ),
        );
      }
      continue;
    }
    const value = valueAt(input, issue.path);
    const code = codeOf(issue, value);
    const message =
      code === 'missing-field'
        ? `${label(issue.path)} is required`
        : `${label(issue.path)}: ${issue.message}`;
    out.push(
      withValue(
        { code, severity: 'error', message, pointer: toJsonPointer([...base, ...issue.path]) },
        eventId,
        value,
      ),
    );
  }
  return out;
}

function withValue(issue: ValidationIssue, eventId: unknown, value: unknown): ValidationIssue {
  if (typeof eventId === 'string' && eventId.length > 0) issue.eventId = eventId;
  const text = describeValue(value);
  if (text !== undefined) issue.value = text;
  return issue;
}
