import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type ConflictEvent,
  checkRuleConfig,
  createEventValidator,
  eventRules,
  RuleConfigError,
  ruleCatalog,
  type ValidateOptions,
  validateEvents,
} from '../src/index.ts';
import { IdSet } from '../src/rules/id-set.ts';
import { sampleEvent } from './arbitraries.ts';

const today = '2026-11-26';

function findings(event: ConflictEvent, options: ValidateOptions = {}) {
  const check = createEventValidator({ today, ...options }).check(event);
  expect(check.event).toBeDefined();
  return check.issues.map(({ code, severity, pointer }) => ({ code, severity, pointer }));
}

function edit(change: (event: ConflictEvent) => void): ConflictEvent {
  const event = sampleEvent();
  change(event);
  return event;
}

describe('the sample event', () => {
  test('passes every rule', () => {
    expect(findings(sampleEvent())).toEqual([]);
  });
});

describe('date rules', () => {
  test('date-order: end before start', () => {
    const event = edit((e) => {
      e.date.end = '2016-07-31';
    });
    expect(findings(event)).toEqual([
      { code: 'date-order', severity: 'error', pointer: '/date/end' },
    ]);
  });

  test('date-in-future: start after today, today allowed', () => {
    const future = edit((e) => {
      e.date = { start: '2026-11-27', end: '2026-11-27', precision: 'day' };
    });
    expect(findings(future)).toEqual([
      { code: 'date-in-future', severity: 'error', pointer: '/date/start' },
    ]);
    const now = edit((e) => {
      e.date = { start: today, end: today, precision: 'day' };
    });
    expect(findings(now)).toEqual([]);
  });
});

describe('fatality rules', () => {
  test('fatalities-order: low > best and high < best, on the event and on claims', () => {
    const event = edit((e) => {
      e.fatalities = { known: true, best: 4, low: 5, high: 3 };
      (e.sources[0] as { claim: object }).claim = { fatalities: { best: 2, high: 1 } };
    });
    expect(findings(event).filter((f) => f.code === 'fatalities-order')).toEqual([
      { code: 'fatalities-order', severity: 'warning', pointer: '/fatalities/low' },
      { code: 'fatalities-order', severity: 'warning', pointer: '/fatalities/high' },
      {
        code: 'fatalities-order',
        severity: 'warning',
        pointer: '/sources/0/claim/fatalities/high',
      },
    ]);
  });

  test('fatalities-breakdown-exceeds-total', () => {
    const over = edit((e) => {
      e.fatalities = { known: true, best: 4, high: 6, breakdown: { sideA: 3, civilians: 4 } };
    });
    expect(findings(over)).toContainEqual({
      code: 'fatalities-breakdown-exceeds-total',
      severity: 'warning',
      pointer: '/fatalities/breakdown',
    });
    const partial = edit((e) => {
      e.fatalities = { known: true, best: 4, low: 4, high: 6, breakdown: { civilians: 3 } };
    });
    expect(findings(partial)).toEqual([]);
  });

  test('fatalities-claims-not-summarised: a claim outside low–high, or a claim on an unknown toll', () => {
    const narrow = edit((e) => {
      e.fatalities = { known: true, best: 4 };
    });
    expect(findings(narrow)).toEqual([
      {
        code: 'fatalities-claims-not-summarised',
        severity: 'warning',
        pointer: '/sources/1/claim/fatalities/best',
      },
    ]);
    const unknown = edit((e) => {
      e.fatalities = { known: false };
    });
    expect(findings(unknown).map((f) => f.pointer)).toEqual([
      '/sources/0/claim/fatalities/best',
      '/sources/1/claim/fatalities/best',
    ]);
  });
});

describe('type and actor rules', () => {
  test('subtype-category-mismatch', () => {
    const wrong = edit((e) => {
      e.type.subType = 'air-drone-strike';
    });
    expect(findings(wrong)).toEqual([
      { code: 'subtype-category-mismatch', severity: 'error', pointer: '/type/subType' },
    ]);
    const orphan = edit((e) => {
      delete e.type.category;
    });
    expect(findings(orphan)).toEqual([
      { code: 'subtype-category-mismatch', severity: 'error', pointer: '/type/subType' },
    ]);
  });

  test('actor-kind-mismatch for each constrained category', () => {
    const code = 'actor-kind-mismatch';
    const battleWithProtesters = edit((e) => {
      (e.actors[1] as { kind: string }).kind = 'protesters';
    });
    expect(findings(battleWithProtesters).map((f) => f.code)).toEqual([code]);
    const oneSidedBattle = edit((e) => {
      e.actors = [e.actors[0] as ConflictEvent['actors'][number]];
    });
    expect(findings(oneSidedBattle).map((f) => f.code)).toEqual([code]);
    const protest = edit((e) => {
      e.type = { category: 'protests', subType: 'peaceful-protest' };
    });
    expect(findings(protest).map((f) => f.code)).toEqual([code]);
    const riot = edit((e) => {
      e.type = { category: 'riots' };
    });
    expect(findings(riot).map((f) => f.code)).toEqual([code]);
    const violence = edit((e) => {
      e.type = { category: 'violence-against-civilians', subType: 'attack' };
    });
    expect(findings(violence).map((f) => f.code)).toEqual([code]);
    const fine = edit((e) => {
      e.type = { category: 'violence-against-civilians', subType: 'attack' };
      (e.actors[1] as { kind: string }).kind = 'civilians';
    });
    expect(findings(fine)).toEqual([]);
  });

  test('acled-interaction-mismatch: numeric and text forms', () => {
    const ok = edit((e) => {
      e.type.acled = { eventType: 'Battles', inter1: '1', inter2: '2', interaction: '12' };
    });
    expect(findings(ok)).toEqual([]);
    const text = edit((e) => {
      e.type.acled = {
        eventType: 'Battles',
        inter1: 'State forces',
        inter2: 'Rebel group',
        interaction: 'State forces-Rebel group',
      };
    });
    expect(findings(text)).toEqual([]);
    const wrong = edit((e) => {
      e.type.acled = { eventType: 'Battles', inter1: '1', inter2: '2', interaction: '13' };
    });
    expect(findings(wrong)).toEqual([
      {
        code: 'acled-interaction-mismatch',
        severity: 'warning',
        pointer: '/type/acled/interaction',
      },
    ]);
    const kinds = edit((e) => {
      e.type.acled = { eventType: 'Battles', inter1: '1', inter2: '3', interaction: '13' };
    });
    expect(findings(kinds)).toEqual([
      { code: 'acled-interaction-mismatch', severity: 'warning', pointer: '/actors/1/kind' },
    ]);
  });

  test('cameo-code-mismatch: root, base code and QuadClass', () => {
    const ok = edit((e) => {
      e.type.cameo = { eventCode: '193', baseCode: '193', rootCode: '19', quadClass: 4 };
    });
    expect(findings(ok)).toEqual([]);
    const bad = edit((e) => {
      e.type.cameo = { eventCode: '193', baseCode: '190', rootCode: '18', quadClass: 3 };
    });
    expect(findings(bad).map((f) => f.pointer)).toEqual([
      '/type/cameo/rootCode',
      '/type/cameo/baseCode',
      '/type/cameo/quadClass',
    ]);
  });
});

describe('location rules', () => {
  test('point-outside-country, with border tolerance', () => {
    const ankara = edit((e) => {
      e.location.point = { lat: 39.93, lon: 32.85 };
    });
    expect(findings(ankara)).toEqual([
      { code: 'point-outside-country', severity: 'warning', pointer: '/location/point' },
    ]);
    // Bab al-Hawa crossing, on the Syria–Turkey border.
    const border = edit((e) => {
      e.location.point = { lat: 36.232, lon: 36.668 };
    });
    expect(findings(border)).toEqual([]);
  });

  test('point-lat-lon-swapped', () => {
    const swapped = edit((e) => {
      e.location.point = { lat: 37.1343, lon: 36.2021 };
    });
    expect(findings(swapped)).toEqual([
      { code: 'point-lat-lon-swapped', severity: 'warning', pointer: '/location/point' },
    ]);
  });

  test('a point coded as in no country must be at sea', () => {
    const atSea = edit((e) => {
      e.location = { country: 'none', point: { lat: 34.5, lon: 18.0 }, precision: 'international' };
    });
    expect(findings(atSea)).toEqual([]);
    const onLand = edit((e) => {
      e.location = {
        country: 'none',
        point: { lat: 36.2, lon: 37.13 },
        precision: 'international',
      };
    });
    expect(findings(onLand).map((f) => f.code)).toEqual(['point-outside-country']);
  });

  test('location-point-missing is a notice', () => {
    const event = edit((e) => {
      delete e.location.point;
    });
    expect(findings(event)).toEqual([
      { code: 'location-point-missing', severity: 'info', pointer: '/location/point' },
    ]);
  });
});

describe('cross-record rules and configuration', () => {
  test('duplicate-id across the whole stream points to the first', () => {
    const result = validateEvents(
      [sampleEvent(), { ...sampleEvent(), id: 'test:2' }, sampleEvent()],
      { today },
    );
    expect(result).toMatchObject({ valid: false, checked: 3, events: 3, errors: 1 });
    expect(result.issues[0]).toMatchObject({ code: 'duplicate-id', pointer: '/2/id' });
    expect(result.issues[0]?.message).toContain('already used by an earlier event');
  });

  test('validateEvents accepts async iterables', async () => {
    async function* events() {
      yield sampleEvent();
      yield { id: 'broken' };
    }
    const result = await validateEvents(events(), { today });
    expect(result).toMatchObject({ valid: false, checked: 2, events: 1 });
    expect(result.issues.every((issue) => issue.pointer?.startsWith('/1/'))).toBe(true);
  });

  test('rules can be switched off and re-graded', () => {
    const event = edit((e) => {
      e.date.end = '2016-07-31';
      delete e.location.point;
    });
    expect(
      findings(event, { rules: { 'date-order': 'warning', 'location-point-missing': 'off' } }),
    ).toEqual([{ code: 'date-order', severity: 'warning', pointer: '/date/end' }]);
    expect(findings(event, { skipRules: true })).toEqual([]);
    const twice = validateEvents([sampleEvent(), sampleEvent()], {
      today,
      rules: { 'duplicate-id': 'off' },
    });
    expect(twice.valid).toBe(true);
  });

  test('a config naming an unknown rule or setting is an error, not ignored', () => {
    expect(() => checkRuleConfig({ 'date-ordr': 'off' })).toThrow(RuleConfigError);
    expect(() => checkRuleConfig({ 'missing-field': 'off' })).toThrow(
      /shape errors cannot be configured/,
    );
    expect(() => checkRuleConfig({ 'date-order': 'fatal' })).toThrow(/off, error, warning, info/);
    expect(() => createEventValidator({ rules: { nope: 'off' } })).toThrow(RuleConfigError);
  });

  test('the catalogue lists every rule once with a description', () => {
    const codes = ruleCatalog.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of eventRules) expect(codes).toContain(rule.code);
    expect(codes).toContain('duplicate-id');
    for (const rule of ruleCatalog) expect(rule.description.length).toBeGreaterThan(10);
  });
});

describe('the id set behind duplicate-id', () => {
  test('tells new ids from seen ones across growth', () => {
    const set = new IdSet();
    for (let index = 0; index < 50_000; index++) expect(set.add(`acled:SYR${index}`)).toBe(true);
    expect(set.size).toBe(50_000);
    for (let index = 0; index < 50_000; index += 997)
      expect(set.add(`acled:SYR${index}`)).toBe(false);
    expect(set.add('')).toBe(true);
    expect(set.add('')).toBe(false);
  });

  test('agrees with a Set of the ids when its tables are frozen into runs', () => {
    // 1,024-slot tables: a run is frozen every 768 ids, so 20,000 ids make 26 runs.
    const set = new IdSet(1024);
    for (let index = 0; index < 20_000; index++) expect(set.add(`ucdp:${index}`)).toBe(true);
    expect(set.size).toBe(20_000);
    for (let index = 0; index < 20_000; index += 7) expect(set.add(`ucdp:${index}`)).toBe(false);
    expect(set.size).toBe(20_000);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 4000 }), (ids) => {
        const small = new IdSet(1024);
        const reference = new Set<string>();
        for (const id of ids) {
          if (small.add(id) !== !reference.has(id)) return false;
          reference.add(id);
        }
        return small.size === reference.size;
      }),
      { numRuns: 50 },
    );
    expect(() => new IdSet(1000)).toThrow(/power of two/);
  });
});
