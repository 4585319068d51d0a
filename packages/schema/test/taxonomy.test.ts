import { describe, expect, test } from 'vitest';
import {
  acledInterCodes,
  acledLegacyEventTypes,
  cameoEventCodes,
  cameoRootCodes,
  categoryTable,
  codebooks,
  datePrecisionTables,
  eventCategories,
  eventSubTypes,
  formatCitation,
  getSubType,
  locationPrecisionTables,
  mapAcledEventType,
  mapCameoEventCode,
  mapDatePrecision,
  mapLocationPrecision,
  mapPloverCoding,
  parseAcledInter,
  parseAcledInteraction,
  ploverCategories,
  ploverCategoryRows,
  subTypesOf,
  subTypeTable,
  ucdpViolenceTypes,
} from '../src/index.ts';

describe('core taxonomy', () => {
  test("ACLED's 6 event types and 25 sub-event types, each sub-type in one category", () => {
    expect(eventCategories).toHaveLength(6);
    expect(eventSubTypes).toHaveLength(25);
    expect(categoryTable.map((entry) => entry.slug)).toEqual([...eventCategories]);
    expect(subTypeTable.map((entry) => entry.slug)).toEqual([...eventSubTypes]);
    expect(eventCategories.map((category) => subTypesOf(category).length)).toEqual([
      3, 6, 3, 3, 2, 8,
    ]);
  });

  test('slugs are stable kebab-case and labels unique', () => {
    for (const slug of [...eventCategories, ...eventSubTypes])
      expect(slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
    const labels = subTypeTable.map((entry) => `${entry.category}/${entry.label}`);
    expect(new Set(labels).size).toBe(labels.length);
  });

  test('disorder types follow the category', () => {
    expect(getSubType('armed-clash').disorder).toEqual(['political-violence']);
    expect(getSubType('peaceful-protest').disorder).toEqual(['demonstrations']);
    expect(getSubType('excessive-force-against-protesters').disorder).toEqual([
      'political-violence',
      'demonstrations',
    ]);
    expect(getSubType('arrests').disorder).toEqual(['strategic-developments']);
  });

  test('every row cites a codebook section', () => {
    const rows = [
      ...categoryTable,
      ...subTypeTable,
      ...acledLegacyEventTypes,
      ...acledInterCodes,
      ...ucdpViolenceTypes,
      ...cameoRootCodes,
      ...cameoEventCodes,
      ...ploverCategoryRows,
      ...Object.values(locationPrecisionTables).flat(),
      ...Object.values(datePrecisionTables).flat(),
    ];
    for (const row of rows) {
      expect(Object.keys(codebooks)).toContain(row.cite.codebook);
      expect(row.cite.section.length).toBeGreaterThan(3);
      expect(formatCitation(row.cite)).toContain(row.cite.section);
    }
  });
});

describe('ACLED event types', () => {
  test('current labels map exactly, in any case and spacing', () => {
    expect(
      mapAcledEventType('Explosions/Remote violence', 'Shelling/artillery/missile attack'),
    ).toMatchObject({
      category: 'explosions-remote-violence',
      subType: 'shelling-artillery-missile-attack',
      ambiguous: false,
    });
    expect(
      mapAcledEventType('  strategic Developments ', 'Looting/property destruction'),
    ).toMatchObject({
      category: 'strategic-developments',
      subType: 'looting-property-destruction',
    });
    expect(mapAcledEventType('Protests', 'Excessive force against protestors')?.subType).toBe(
      'excessive-force-against-protesters',
    );
  });

  test('every current sub-event label maps to its slug', () => {
    for (const entry of subTypeTable) {
      const category = categoryTable.find((c) => c.slug === entry.category)?.label ?? '';
      expect(mapAcledEventType(category, entry.label)).toMatchObject({
        category: entry.category,
        subType: entry.slug,
      });
    }
  });

  test('a sub-event type under the wrong event type, or an unknown label, maps to nothing', () => {
    expect(mapAcledEventType('Battles', 'Grenade')).toBeUndefined();
    expect(mapAcledEventType('Skirmish')).toBeUndefined();
  });

  test('the nine pre-2019 types map, with the ambiguous ones flagged', () => {
    expect(acledLegacyEventTypes).toHaveLength(9);
    expect(mapAcledEventType('Battle-No change of territory')).toMatchObject({
      category: 'battles',
      subType: 'armed-clash',
      ambiguous: false,
    });
    expect(mapAcledEventType('Battle-No Change of territory')?.subType).toBe('armed-clash');
    expect(mapAcledEventType('Violence against civilians ')).toMatchObject({
      category: 'violence-against-civilians',
      ambiguous: true,
    });
    const riots = mapAcledEventType('Riots/Protests');
    expect(riots).toMatchObject({ ambiguous: true, candidates: ['protests', 'riots'] });
    expect(riots?.category).toBeUndefined();
    const ambiguous = acledLegacyEventTypes.filter((row) => row.ambiguous).map((row) => row.code);
    expect(ambiguous).toEqual([
      'Remote violence',
      'Riots/Protests',
      'Violence against civilians',
      'Strategic development',
    ]);
  });
});

describe('ACLED inter codes and interaction', () => {
  test('codes, labels and older plural labels', () => {
    expect(parseAcledInter('1')?.kind).toBe('state-forces');
    expect(parseAcledInter('07')?.kind).toBe('civilians');
    expect(parseAcledInter('Rebel group')?.code).toBe(2);
    expect(parseAcledInter('Political Militias')?.code).toBe(3);
    expect(parseAcledInter('external/other forces')?.code).toBe(8);
    expect(parseAcledInter('0')?.kind).toBeUndefined();
    expect(parseAcledInter('9')).toBeUndefined();
    expect(parseAcledInter('Army')).toBeUndefined();
  });

  test('interaction in numeric and text forms, lower code first, sole actors as X0', () => {
    expect(parseAcledInteraction('17')).toBe('17');
    expect(parseAcledInteraction('State forces-Civilians')).toBe('17');
    expect(parseAcledInteraction('External/Other forces-Civilians')).toBe('78');
    expect(parseAcledInteraction('State Forces-Rebel Groups')).toBe('12');
    expect(parseAcledInteraction('Protesters only')).toBe('60');
    expect(parseAcledInteraction('60')).toBe('60');
    expect(parseAcledInteraction('Armies-Rebels')).toBeUndefined();
  });
});

describe('UCDP, CAMEO and PLOVER', () => {
  test('UCDP type_of_violence: one-sided is violence against civilians, the others are open', () => {
    expect(ucdpViolenceTypes.map((row) => [row.code, row.category, row.ambiguous])).toEqual([
      [1, undefined, true],
      [2, undefined, true],
      [3, 'violence-against-civilians', true],
    ]);
  });

  test('20 CAMEO roots with their QuadClass', () => {
    expect(cameoRootCodes.map((row) => row.code)).toEqual(
      Array.from({ length: 20 }, (_, index) => String(index + 1).padStart(2, '0')),
    );
    expect(cameoRootCodes.map((row) => row.quadClass)).toEqual([
      1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4,
    ]);
    expect(
      cameoRootCodes.filter((row) => row.candidates.length > 0).map((row) => row.code),
    ).toEqual(['14', '17', '18', '19', '20']);
  });

  test('CAMEO event codes map through the most specific row', () => {
    expect(mapCameoEventCode('1951')).toMatchObject({
      subType: 'air-drone-strike',
      ambiguous: false,
    });
    expect(mapCameoEventCode('1953')).toMatchObject({ code: '195', subType: 'air-drone-strike' });
    expect(mapCameoEventCode('193')).toMatchObject({ category: 'battles', subType: 'armed-clash' });
    expect(mapCameoEventCode('190')).toMatchObject({
      ambiguous: true,
      candidates: ['battles', 'explosions-remote-violence'],
    });
    expect(mapCameoEventCode('0231')).toMatchObject({
      code: '02',
      candidates: [],
      ambiguous: false,
    });
    expect(mapCameoEventCode('21')).toBeUndefined();
    expect(mapCameoEventCode('x')).toBeUndefined();
  });

  test('PLOVER: 16 categories (plus the old DEMAND), modes decide where they can', () => {
    expect(ploverCategories).toHaveLength(17);
    expect(ploverCategoryRows.map((row) => row.code)).toEqual([...ploverCategories]);
    expect(mapPloverCoding('PROTEST', ['riot'])).toMatchObject({
      category: 'riots',
      subType: 'violent-demonstration',
    });
    expect(mapPloverCoding('PROTEST')).toMatchObject({
      ambiguous: true,
      candidates: ['protests', 'riots'],
    });
    expect(mapPloverCoding('ASSAULT', ['firearms', 'abduct'])).toMatchObject({
      category: 'violence-against-civilians',
    });
    expect(mapPloverCoding('AGREE')).toMatchObject({ candidates: [], ambiguous: false });
    expect(mapPloverCoding('COERCE', ['riot'])).toMatchObject({
      code: 'COERCE',
      category: 'strategic-developments',
    });
  });
});

describe('precision crosswalks', () => {
  test('ACLED geo_precision and UCDP where_prec map to distinct core precisions', () => {
    for (const scheme of ['acled-geo-precision', 'ucdp-where-prec'] as const) {
      const precisions = locationPrecisionTables[scheme].map((row) => row.precision);
      expect(new Set(precisions).size).toBe(precisions.length);
    }
    expect([1, 2, 3].map((code) => mapLocationPrecision('acled-geo-precision', code))).toEqual([
      'place',
      'near',
      'region',
    ]);
    expect(
      [1, 2, 3, 4, 5, 6, 7].map((code) => mapLocationPrecision('ucdp-where-prec', code)),
    ).toEqual(['place', 'near', 'admin2', 'admin1', 'area', 'country', 'international']);
    expect(mapLocationPrecision('ucdp-where-prec', 8)).toBeUndefined();
  });

  test('GDELT geo types 0–5', () => {
    expect([0, 1, 2, 3, 4, 5].map((code) => mapLocationPrecision('gdelt-geo-type', code))).toEqual([
      'unknown',
      'country',
      'admin1',
      'place',
      'place',
      'admin1',
    ]);
  });

  test('ACLED time_precision 1–3 and UCDP date_prec 1–5 map without loss', () => {
    expect([1, 2, 3].map((code) => mapDatePrecision('acled-time-precision', code))).toEqual([
      'day',
      'week',
      'month',
    ]);
    expect([1, 2, 3, 4, 5].map((code) => mapDatePrecision('ucdp-date-prec', code))).toEqual([
      'day',
      'range',
      'week',
      'month',
      'year',
    ]);
    expect(mapDatePrecision('acled-time-precision', 4)).toBeUndefined();
  });
});
