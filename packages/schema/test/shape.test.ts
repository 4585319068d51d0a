import { describe, expect, test } from 'vitest';
import {
  ConflictEventSchema,
  EventValidationError,
  parseDataset,
  parseEvent,
  safeParseEvent,
  validateDataset,
} from '../src/index.ts';
import { sampleEvent } from './arbitraries.ts';

function issuesOf(value: unknown) {
  const result = safeParseEvent(value);
  if (result.success) throw new Error('expected the value to be invalid');
  return result.issues.map(({ code, pointer }) => ({ code, pointer }));
}

describe('shape issues', () => {
  test('a missing required field is missing-field with its pointer', () => {
    const { date: _date, ...event } = sampleEvent();
    expect(issuesOf(event)).toEqual([{ code: 'missing-field', pointer: '/date' }]);
  });

  test('a misspelt field is extra-field, not silently dropped', () => {
    const event = { ...sampleEvent(), fatalites: 3 };
    expect(issuesOf(event)).toEqual([{ code: 'extra-field', pointer: '/fatalites' }]);
    const nested = sampleEvent() as unknown as { location: Record<string, unknown> };
    nested.location.lng = 37;
    expect(issuesOf(nested)).toEqual([{ code: 'extra-field', pointer: '/location/lng' }]);
  });

  test('wrong types and formats are type-error', () => {
    const event = sampleEvent() as unknown as Record<string, Record<string, unknown>>;
    (event.date as Record<string, unknown>).start = '01/08/2016';
    (event.fatalities as Record<string, unknown>).best = '4';
    expect(issuesOf(event)).toEqual([
      { code: 'type-error', pointer: '/date/start' },
      { code: 'type-error', pointer: '/fatalities/best' },
    ]);
  });

  test('an impossible calendar date is a type-error', () => {
    const event = sampleEvent();
    event.date.start = '2016-02-30';
    expect(issuesOf(event)).toEqual([{ code: 'type-error', pointer: '/date/start' }]);
  });

  test('values out of range or outside a vocabulary are constraint-error', () => {
    const event = sampleEvent();
    (event.location.point as { lat: number }).lat = 91;
    (event.actors[0] as { kind: string }).kind = 'army';
    (event.fatalities as { best: number }).best = -1;
    expect(issuesOf(event)).toEqual([
      { code: 'constraint-error', pointer: '/location/point/lat' },
      { code: 'constraint-error', pointer: '/actors/0/kind' },
      { code: 'constraint-error', pointer: '/fatalities/best' },
    ]);
  });

  test('unknown fatalities cannot carry a number, and a toll needs best', () => {
    expect(issuesOf({ ...sampleEvent(), fatalities: { known: false, best: 0 } })).toEqual([
      { code: 'extra-field', pointer: '/fatalities/best' },
    ]);
    expect(issuesOf({ ...sampleEvent(), fatalities: { known: true } })).toEqual([
      { code: 'missing-field', pointer: '/fatalities/best' },
    ]);
    expect(issuesOf({ ...sampleEvent(), fatalities: { best: 3 } })).toEqual([
      { code: 'type-error', pointer: '/fatalities/known' },
    ]);
  });

  test('an empty id or name is a constraint-error', () => {
    const event = sampleEvent();
    event.id = '';
    (event.actors[1] as { name: string }).name = '';
    expect(issuesOf(event)).toEqual([
      { code: 'constraint-error', pointer: '/id' },
      { code: 'constraint-error', pointer: '/actors/1/name' },
    ]);
  });

  test('issues carry the event id, the value and a readable message', () => {
    const event = sampleEvent();
    event.date.end = 'yesterday';
    const result = safeParseEvent(event);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0]).toMatchObject({
      code: 'type-error',
      severity: 'error',
      eventId: 'test:1',
      value: 'yesterday',
      pointer: '/date/end',
    });
    expect(result.issues[0]?.message).toMatch(/^date\.end: /);
  });

  test('JSON pointers escape ~ and /', () => {
    const event = sampleEvent() as unknown as Record<string, unknown>;
    event['a/b~c'] = 1;
    expect(issuesOf(event)).toEqual([{ code: 'extra-field', pointer: '/a~1b~0c' }]);
  });

  test('parseEvent returns the event or throws with every issue', () => {
    expect(parseEvent(sampleEvent())).toEqual(sampleEvent());
    expect(() => parseEvent({})).toThrow(EventValidationError);
    try {
      parseEvent({});
    } catch (error) {
      expect((error as EventValidationError).issues.length).toBe(8);
    }
  });

  test('the input is not mutated; a valid event in schema key order is returned as it is', () => {
    const input = sampleEvent();
    const frozen = structuredClone(input);
    const parsed = parseEvent(input);
    expect(input).toEqual(frozen);
    expect(parsed).toBe(input);
  });
});

describe('prototype safety', () => {
  test('a __proto__ key is refused, constructor and prototype keys are kept', () => {
    const withKeys = (keys: string) =>
      JSON.parse(
        JSON.stringify(sampleEvent()).replace(
          '"provenance":{',
          `"provenance":{"unmapped":{${keys}},`,
        ),
      );
    const parsed = parseEvent(withKeys('"constructor":"y","prototype":"z"'));
    expect(Object.getPrototypeOf(parsed.provenance.unmapped)).toBe(Object.prototype);
    expect(Object.keys(parsed.provenance.unmapped ?? {})).toEqual(['constructor', 'prototype']);
    expect(issuesOf(withKeys('"__proto__":"x"'))).toEqual([
      { code: 'type-error', pointer: '/provenance/unmapped/__proto__' },
    ]);
  });

  test('hostile keys do not pollute Object.prototype', () => {
    const attack = JSON.parse(
      '{"__proto__":{"polluted":true},"extensions":{"__proto__":{"polluted":true}}}',
    );
    const result = ConflictEventSchema.safeParse({ ...sampleEvent(), ...attack });
    expect(result.success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('datasets', () => {
  const envelope = {
    schemaVersion: '1.0.0',
    title: 'Test',
    generatedAt: '2026-01-01T00:00:00Z',
    events: [sampleEvent()],
  };

  test('a valid dataset parses', () => {
    expect(parseDataset(envelope).events).toHaveLength(1);
    expect(validateDataset(envelope, { today: '2026-01-01' })).toMatchObject({
      valid: true,
      checked: 1,
      events: 1,
      errors: 0,
    });
  });

  test('a dataset of another major version is refused', () => {
    expect(() => parseDataset({ ...envelope, schemaVersion: '2.0.0' })).toThrow(/schemaVersion/);
  });

  test('envelope and event issues are reported with document pointers', () => {
    const bad = { ...envelope, title: '', events: [sampleEvent(), { ...sampleEvent(), id: '' }] };
    const result = validateDataset(bad, { today: '2026-01-01' });
    expect(result.valid).toBe(false);
    expect(result.issues.map((issue) => issue.pointer)).toEqual(['/title', '/events/1/id']);
  });

  test('a dataset without events is one clear issue', () => {
    const { events: _events, ...rest } = envelope;
    expect(validateDataset(rest).issues).toMatchObject([
      { code: 'missing-field', pointer: '/events' },
    ]);
    expect(validateDataset([]).valid).toBe(false);
  });
});
