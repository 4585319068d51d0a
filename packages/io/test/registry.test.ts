import { describe, expect, test } from 'vitest';
import { type AnyFormat, createRegistry, FormatDetectionError } from '../src/index.ts';

function format(
  id: string,
  extensions: string[],
  magic: string,
  can: { read?: boolean; write?: boolean } = {},
): AnyFormat {
  return {
    id,
    name: id,
    extensions,
    mediaTypes: ['text/plain'],
    capabilities: { read: can.read ?? true, write: can.write ?? true, lossless: false },
    rejectsLayout: 'lines',
    sniff: (head) => new TextDecoder().decode(head).startsWith(magic),
    defaultReadOptions: {},
    defaultWriteOptions: {},
  };
}

const csv = format('csv', ['csv'], 'id,');
const acled = format('acled', ['csv'], 'event_id_cnty', { write: false });
const geojsonl = format('geojsonseq', ['geojsonl', 'geojsons'], '\u001e');
const registry = createRegistry([csv, acled, geojsonl]);
const head = (text: string) => new TextEncoder().encode(text);

describe('format registry', () => {
  test('the extension narrows, sniffing decides among formats sharing it', () => {
    expect(
      registry.detect({ fileName: 'a.csv', head: head('event_id_cnty,x'), can: 'read' }).id,
    ).toBe('acled');
    expect(registry.detect({ fileName: 'a.CSV.gz', head: head('id,date'), can: 'read' }).id).toBe(
      'csv',
    );
  });

  test('one extension match wins even when sniffing says nothing', () => {
    expect(registry.detect({ fileName: 'a.geojsonl', head: head('{}'), can: 'read' }).id).toBe(
      'geojsonseq',
    );
  });

  test('without a name, sniffing alone', () => {
    expect(registry.detect({ head: head('\u001e{"type":"Feature"}'), can: 'read' }).id).toBe(
      'geojsonseq',
    );
  });

  test('unknown and ambiguous inputs are errors naming the candidates', () => {
    expect(() => registry.detect({ fileName: 'a.csv', head: head('x,y'), can: 'read' })).toThrow(
      'the format of "a.csv" is not recognised; formats that can read are: csv, acled',
    );
    const twins = createRegistry([csv, format('other', ['csv'], 'id,')]);
    try {
      twins.detect({ fileName: 'a.csv', head: head('id,date'), can: 'read' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FormatDetectionError);
      expect((error as FormatDetectionError).candidates).toEqual(['csv', 'other']);
    }
  });

  test('outputs by extension, among formats that write', () => {
    expect(registry.forOutput('out.csv').id).toBe('csv');
    expect(() => registry.forOutput('out.xlsx')).toThrow('no format writes "out.xlsx"');
    expect(registry.get('acled').id).toBe('acled');
    expect(() => registry.get('kml')).toThrow('unknown format "kml"');
    expect(() => createRegistry([csv, csv])).toThrow('two formats have the id "csv"');
  });

  test('a generic fallback format yields to a specific one that also recognises the input', () => {
    const hxl = { ...format('hxl', ['csv'], 'id,'), fallback: true };
    const both = createRegistry([hxl, csv]);
    expect(both.detect({ fileName: 'a.csv', head: head('id,date'), can: 'read' }).id).toBe('csv');
    expect(
      createRegistry([hxl]).detect({ fileName: 'a.csv', head: head('id,date'), can: 'read' }).id,
    ).toBe('hxl');
  });

  test('UTF-16 input (told by its byte-order mark) is shown to sniffers as UTF-8', () => {
    const registry = createRegistry([csv, acled]);
    for (const [bom, encode] of [
      [[0xff, 0xfe], (unit: number) => [unit & 0xff, unit >> 8]],
      [[0xfe, 0xff], (unit: number) => [unit >> 8, unit & 0xff]],
    ] as const) {
      const text = 'event_id_cnty,event_date\n';
      const head = new Uint8Array([
        ...bom,
        ...[...text].flatMap((character) => encode(character.charCodeAt(0))),
        0x41, // half of a code unit cut by the sample
      ]);
      expect(registry.detect({ head, can: 'read' }).id).toBe('acled');
    }
  });
});
