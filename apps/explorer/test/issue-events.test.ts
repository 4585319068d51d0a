import type { ValidationIssue } from '@conflict-events/schema';
import { describe, expect, it } from 'vitest';
import { createPositionLookup, resolveIssueEvent } from '../src/data/issue-events.ts';

const issue = (fields: Partial<ValidationIssue>): ValidationIssue => ({
  code: 'fatalities-order',
  severity: 'warning',
  message: 'low above best',
  ...fields,
});

describe('linking issues to loaded events', () => {
  it('matches CSV rows, NDJSON lines and byte offsets', () => {
    const rows = createPositionLookup([{ row: 2 }, { row: 3 }], ['a', 'b']);
    expect(resolveIssueEvent(issue({ row: 3 }), rows)).toBe(1);
    const lines = createPositionLookup([{ line: 1 }, { line: 2 }], ['a', 'b']);
    expect(resolveIssueEvent(issue({ line: 2 }), lines)).toBe(1);
    const offsets = createPositionLookup(
      [
        { line: 1, byteOffset: 0 },
        { line: 2, byteOffset: 120 },
      ],
      ['a', 'b'],
    );
    expect(resolveIssueEvent(issue({ line: 2, byteOffset: 120 }), offsets)).toBe(1);
  });

  it('matches a JSON pointer inside a record to that record', () => {
    const lookup = createPositionLookup(
      [{ pointer: '/events/0' }, { pointer: '/events/1' }],
      ['a', 'b'],
    );
    expect(resolveIssueEvent(issue({ pointer: '/events/1/fatalities/low' }), lookup)).toBe(1);
    expect(resolveIssueEvent(issue({ pointer: '/events/7/date' }), lookup)).toBeUndefined();
  });

  it('falls back to the event id, as for a duplicate id', () => {
    const lookup = createPositionLookup([{ row: 2 }], ['seed:1']);
    const duplicate = issue({ code: 'duplicate-id', severity: 'error', row: 5, eventId: 'seed:1' });
    expect(resolveIssueEvent(duplicate, lookup)).toBe(0);
  });

  it('links nothing for a rejected record or a whole-file issue', () => {
    const lookup = createPositionLookup([{ row: 2 }], ['a']);
    expect(resolveIssueEvent(issue({ severity: 'error', row: 9 }), lookup)).toBeUndefined();
    expect(resolveIssueEvent(issue({ code: 'missing-label' }), lookup)).toBeUndefined();
  });
});
