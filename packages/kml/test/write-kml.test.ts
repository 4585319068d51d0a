import type { Batch } from '@conflict-events/io';
import { type ConflictEvent, eventCategories, getCategory } from '@conflict-events/schema';
import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import { kmlFormat } from '../src/index.ts';
import {
  childElement,
  childElements,
  folderNames,
  kmlDocument,
  placemarksOf,
  textOf,
  writeKmlText,
} from './helpers.ts';

function event(id: string, category: ConflictEvent['type']['category']): ConflictEvent {
  const base = sampleEvent();
  const type = category ? { category } : {};
  return { ...base, id, type };
}

const mixed = [
  event('test:1', 'protests'),
  event('test:2', 'battles'),
  event('test:3', undefined),
  event('test:4', 'protests'),
  event('test:5', 'battles'),
  event('test:6', 'riots'),
];

describe('the document', () => {
  it('is KML 2.2 with a Document named after the option, the metadata title or the default', async () => {
    const named = kmlDocument(await writeKmlText([], { name: 'Mine' }));
    expect(textOf(childElement(named, 'name'))).toBe('Mine');
    const titled = kmlDocument(
      await writeKmlText([], {
        metadata: { schemaVersion: '1.0.0', title: 'Seed', generatedAt: '2026-01-01T00:00:00Z' },
      }),
    );
    expect(textOf(childElement(titled, 'name'))).toBe('Seed');
    expect(textOf(childElement(kmlDocument(await writeKmlText([])), 'name'))).toBe(
      'conflict-events export',
    );
  });

  it('starts with an XML declaration for UTF-8', async () => {
    expect(await writeKmlText([])).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<kml /);
  });

  it('describes the dataset from its metadata, escaped', async () => {
    const document = kmlDocument(
      await writeKmlText([], {
        metadata: {
          schemaVersion: '1.0.0',
          title: 'Seed',
          generatedAt: '2026-01-01T00:00:00Z',
          licence: 'CC-BY-4.0',
          attribution: '<script>alert(1)</script>',
        },
      }),
    );
    const description = textOf(childElement(document, 'description'));
    expect(description).toContain('<b>Licence:</b> CC-BY-4.0');
    expect(description).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(description).not.toContain('<script');
  });

  it('has a Style per category and one for the uncategorised, with KML colours', async () => {
    const document = kmlDocument(await writeKmlText([]));
    const styles = childElements(document, 'Style');
    expect(styles.map((style) => style.attributes.id)).toEqual([
      ...eventCategories.map((slug) => `category-${slug}`),
      'category-uncategorised',
    ]);
    const battles = styles[0];
    if (!battles) throw new Error('no style');
    const colour = textOf(childElement(childElement(battles, 'IconStyle'), 'color'));
    // #d7191c as aabbggrr.
    expect(colour).toBe('ff1c19d7');
    for (const style of styles) {
      expect(textOf(childElement(childElement(style, 'IconStyle'), 'color'))).toMatch(
        /^ff[0-9a-f]{6}$/,
      );
    }
  });

  it('is valid with no events: no Folder, no Placemark', async () => {
    const document = kmlDocument(await writeKmlText([]));
    expect(childElements(document, 'Folder')).toEqual([]);
    expect(placemarksOf(document)).toEqual([]);
  });
});

describe('folders', () => {
  it('groups events into a Folder per category in the taxonomy order, uncategorised last', async () => {
    const document = kmlDocument(await writeKmlText(mixed));
    expect(folderNames(document)).toEqual(['Battles', 'Protests', 'Riots', 'Uncategorised']);
    const placemarks = placemarksOf(document);
    expect(placemarks.map((placemark) => [placemark.folder, placemark.data.id])).toEqual([
      ['Battles', 'test:2'],
      ['Battles', 'test:5'],
      ['Protests', 'test:1'],
      ['Protests', 'test:4'],
      ['Riots', 'test:6'],
      ['Uncategorised', 'test:3'],
    ]);
  });

  it('names every category Folder with the taxonomy label and styles its Placemarks', async () => {
    const events = eventCategories.map((slug, index) => event(`test:${index}`, slug));
    const document = kmlDocument(await writeKmlText(events.toReversed()));
    expect(folderNames(document)).toEqual(eventCategories.map((slug) => getCategory(slug).label));
    for (const placemark of placemarksOf(document)) {
      expect(textOf(childElement(placemark.element, 'styleUrl'))).toBe(
        `#category-${placemark.data.category}`,
      );
    }
  });

  it("with folders: 'none' writes Placemarks straight into the Document in input order", async () => {
    const document = kmlDocument(await writeKmlText(mixed, { folders: 'none' }));
    expect(childElements(document, 'Folder')).toEqual([]);
    const placemarks = placemarksOf(document);
    expect(placemarks.map((placemark) => placemark.data.id)).toEqual(mixed.map((item) => item.id));
    expect(textOf(childElement(placemarks[2]?.element ?? document, 'styleUrl'))).toBe(
      '#category-uncategorised',
    );
  });

  it('past folderBufferBytes writes the Folders so far and starts again, losing no event', async () => {
    const events = Array.from({ length: 60 }, (_, index) =>
      event(`test:${index}`, index % 3 === 0 ? 'riots' : index % 3 === 1 ? 'battles' : undefined),
    );
    // Each held chunk counts 64 KiB, so a 1-byte limit writes the Folders after every event.
    const text = await writeKmlText(events, { folderBufferBytes: 1 });
    const document = kmlDocument(text);
    const names = folderNames(document);
    expect(names).toHaveLength(60);
    expect(names.slice(0, 3)).toEqual(['Riots', 'Battles', 'Uncategorised']);
    expect(placemarksOf(document).map((placemark) => placemark.data.id)).toEqual(
      events.map((item) => item.id),
    );
    // A limit above the input's size keeps one Folder per category.
    const whole = kmlDocument(await writeKmlText(events, { folderBufferBytes: 2 ** 30 }));
    expect(folderNames(whole)).toEqual(['Battles', 'Riots', 'Uncategorised']);
  });
});

describe('a Placemark', () => {
  it('has a short name, a TimeSpan, ExtendedData and a Point with longitude first', async () => {
    const [placemark] = placemarksOf(kmlDocument(await writeKmlText([sampleEvent()])));
    if (!placemark) throw new Error('no placemark');
    expect(placemark.name).toBe('Armed clash, Aleppo, 2016-08-01');
    const span = childElement(placemark.element, 'TimeSpan');
    expect(textOf(childElement(span, 'begin'))).toBe('2016-08-01');
    expect(textOf(childElement(span, 'end'))).toBe('2016-08-01');
    expect(placemark.data).toEqual({
      id: 'test:1',
      category: 'battles',
      sub_type: 'armed-clash',
      date_start: '2016-08-01',
      date_end: '2016-08-01',
      date_precision: 'day',
      country: 'SYR',
      admin1: 'Aleppo',
      place: 'Aleppo',
      location_precision: 'place',
      fatalities_best: '4',
      fatalities_low: '4',
      fatalities_high: '6',
      actors_side_a: 'Military Forces of Syria',
      actors_side_b: 'Fateh al-Sham Front',
      source_names: 'SANA; Syrian Observatory for Human Rights',
      provenance_dataset: 'manual',
    });
    const point = childElement(placemark.element, 'Point');
    expect(textOf(childElement(point, 'coordinates'))).toBe('37.1343,36.2021');
  });

  it('keeps the KML 2.2 schema order of its elements', async () => {
    const [placemark] = placemarksOf(kmlDocument(await writeKmlText([sampleEvent()])));
    expect(
      childElements(placemark?.element ?? kmlDocument('<kml/>')).map((child) => child.name),
    ).toEqual(['name', 'description', 'TimeSpan', 'styleUrl', 'ExtendedData', 'Point']);
  });

  it('spans a date range and leaves out the toll of an event whose toll is unknown', async () => {
    const base = sampleEvent();
    const ranged: ConflictEvent = {
      ...base,
      date: { start: '2016-07-25', end: '2016-07-31', precision: 'week' },
      fatalities: { known: false },
    };
    const [placemark] = placemarksOf(kmlDocument(await writeKmlText([ranged])));
    if (!placemark) throw new Error('no placemark');
    const span = childElement(placemark.element, 'TimeSpan');
    expect([textOf(childElement(span, 'begin')), textOf(childElement(span, 'end'))]).toEqual([
      '2016-07-25',
      '2016-07-31',
    ]);
    expect(Object.keys(placemark.data).filter((name) => name.startsWith('fatalities'))).toEqual([]);
    expect(placemark.description).toContain('unknown (no toll reported; not the same as none)');
    expect(placemark.description).toContain('2016-07-25 to 2016-07-31 (only the week is known)');
  });

  it('has no geometry when the event has no point, and is still written', async () => {
    const base = sampleEvent();
    const { point: _point, ...location } = base.location;
    const [placemark] = placemarksOf(
      kmlDocument(await writeKmlText([{ ...base, location: { ...location, precision: 'area' } }])),
    );
    if (!placemark) throw new Error('no placemark');
    expect(childElements(placemark.element, 'Point')).toEqual([]);
    expect(placemark.description).toContain('no point');
  });

  it('writes coordinates as plain decimals, never in exponent form', async () => {
    const base = sampleEvent();
    const tiny: ConflictEvent = {
      ...base,
      location: { ...base.location, point: { lat: -1e-7, lon: 1.5e-10 } },
    };
    const [placemark] = placemarksOf(kmlDocument(await writeKmlText([tiny])));
    const point = childElement(placemark?.element ?? kmlDocument('<kml/>'), 'Point');
    expect(textOf(childElement(point, 'coordinates'))).toBe('0.00000000015,-0.0000001');
  });
});

describe('streaming', () => {
  it('takes batches as well as events', async () => {
    const batch: Batch = {
      events: mixed.slice(0, 3),
      positions: [{}, {}, {}],
      raws: ['', '', ''],
      rejected: [],
      issues: [],
      records: 3,
    };
    const document = kmlDocument(await writeKmlText([batch, ...mixed.slice(3)]));
    expect(placemarksOf(document)).toHaveLength(mixed.length);
  });

  for (const folders of ['none', 'category'] as const) {
    it(`yields bytes before the input ends (folders: ${folders})`, async () => {
      const total = 4000;
      let consumed = 0;
      async function* events(): AsyncIterable<ConflictEvent> {
        for (let index = 0; index < total; index++) {
          consumed++;
          yield event(`test:${index}`, index % 2 === 0 ? 'battles' : 'protests');
        }
      }
      const consumedAtChunk: number[] = [];
      let bytes = 0;
      // A limit of 1 MiB makes the category writer hand on its Folders several times.
      for await (const chunk of kmlFormat.write(events(), {
        folders,
        folderBufferBytes: 2 ** 20,
      })) {
        consumedAtChunk.push(consumed);
        bytes += chunk.length;
      }
      expect(bytes).toBeGreaterThan(4 * 2 ** 20);
      expect(consumedAtChunk.filter((count) => count < total).length).toBeGreaterThan(3);
    });
  }

  it('refuses options it cannot honour', async () => {
    await expect(writeKmlText([], { folders: 'layers' as 'none' })).rejects.toThrow(RangeError);
    await expect(writeKmlText([], { folderBufferBytes: 0 })).rejects.toThrow(RangeError);
    await expect(writeKmlText([], { folderBufferBytes: Number.NaN })).rejects.toThrow(RangeError);
  });
});
