import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseEvent, safeParseEvent } from '../src/index.ts';
import { arbitraryEvent } from './arbitraries.ts';

test('any generated valid event parses to itself and survives a JSON round trip', () => {
  fc.assert(
    fc.property(arbitraryEvent, (event) => {
      const parsed = parseEvent(event);
      expect(parsed).toEqual(event);
      expect(parseEvent(JSON.parse(JSON.stringify(parsed)))).toEqual(event);
    }),
    { numRuns: 300 },
  );
});

test('any JSON value is either an event or a list of positioned issues, never an exception', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const result = safeParseEvent(value);
      if (!result.success) {
        expect(result.issues.length).toBeGreaterThan(0);
        for (const issue of result.issues) {
          expect(issue.pointer).toMatch(/^(\/.*)?$/);
          expect(issue.message.length).toBeGreaterThan(0);
        }
      }
    }),
    { numRuns: 300 },
  );
});
