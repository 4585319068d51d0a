import { parseEvent, safeParseEvent } from '@conflict-events/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { arbitraryEvent, sampleEvent } from '../../schema/test/arbitraries.ts';
import { csvColumns, flattenEvent, unflattenEvent } from '../src/index.ts';

function keyed(values: readonly unknown[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  csvColumns.forEach((column, index) => {
    if (values[index] !== undefined) record[column.name] = values[index];
  });
  return record;
}

describe('flat events: the canonical columns as typed values', () => {
  test('numbers and booleans stay typed, records become JSON text', () => {
    const event = sampleEvent();
    const values = keyed(flattenEvent(event));
    expect(typeof values.latitude).toBe('number');
    expect(typeof values.actors).toBe('string');
    expect(values.id).toBe(event.id);
  });

  test('event → typed values → event is the identity', () => {
    fc.assert(
      fc.property(arbitraryEvent, (event) => {
        const { candidate, issues } = unflattenEvent(keyed(flattenEvent(event)));
        expect(issues).toEqual([]);
        expect(parseEvent(candidate)).toEqual(event);
      }),
      { numRuns: 60 },
    );
  });

  test('text cells are parsed as CSV cells are; unknown keys go to provenance.unmapped', () => {
    const values = keyed(flattenEvent(sampleEvent()));
    const asText = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, String(value)]),
    );
    const { candidate, issues } = unflattenEvent({ ...asText, qgis_fid: 7, layer: null });
    expect(issues).toEqual([]);
    const event = parseEvent(candidate);
    expect(event.location.point).toEqual(sampleEvent().location.point);
    expect(event.provenance?.unmapped).toMatchObject({ qgis_fid: 7, layer: null });
  });

  test('a value of the wrong type is a positioned type-error that keeps the value', () => {
    const { issues } = unflattenEvent({ ...keyed(flattenEvent(sampleEvent())), latitude: 'north' });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'type-error', field: 'latitude', value: 'north' }),
    ]);
  });

  test('a column named __proto__ is refused with its position, not lost', () => {
    const values = keyed(flattenEvent(sampleEvent()));
    const hostile = JSON.parse(`{"__proto__": "x", "id": "test:1"}`) as Record<string, unknown>;
    const { candidate } = unflattenEvent({ ...values, ...hostile });
    const unmapped = (candidate.provenance as { unmapped: Record<string, unknown> }).unmapped;
    expect(Object.hasOwn(unmapped, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(unmapped)).toBe(Object.prototype);
    expect(safeParseEvent(candidate).success).toBe(false);
  });
});
