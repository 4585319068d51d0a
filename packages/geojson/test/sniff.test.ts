// Detection: the two formats split the inputs that start like GeoJSON between them.
import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import { geojsonFormat, geojsonSeqFormat } from '../src/index.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const feature = JSON.stringify({
  type: 'Feature',
  id: 'test:1',
  geometry: null,
  properties: sampleEvent(),
});
const collection = `{"type":"FeatureCollection","conflictEvents":{"schemaVersion":"1.0.0"},"features":[\n${feature}\n]}\n`;

function claims(text: string | Uint8Array): string[] {
  const input = typeof text === 'string' ? bytes(text) : text;
  return [geojsonFormat, geojsonSeqFormat]
    .filter((format) => format.sniff(input))
    .map((format) => format.id);
}

describe('sniff', () => {
  it.each([
    ['our FeatureCollection', collection, ['geojson']],
    ['a FeatureCollection cut by the sample', collection.slice(0, 60), ['geojson']],
    [
      'GDAL’s pretty FeatureCollection, type after name',
      '{\n"name": "events",\n"type": "FeatureCollection",\n"features": [\n',
      ['geojson'],
    ],
    [
      'a FeatureCollection whose type comes late',
      '{"features":[],"type":"FeatureCollection"}',
      ['geojson'],
    ],
    ['one Feature', `${feature}\n`, ['geojson']],
    ['a pretty Feature', JSON.stringify(JSON.parse(feature), null, 2), ['geojson']],
    ['a type key inside properties only', '{"properties":{"type":"Feature"},"x":1}', []],
    ['an RS sequence', `\u001e${feature}\n\u001e${feature}\n`, ['geojsonseq']],
    ['an RS sequence after blank lines', `\n \u001e${feature}\n`, ['geojsonseq']],
    ['a newline-delimited sequence', `${feature}\n${feature}\n`, ['geojsonseq']],
    [
      'a newline-delimited sequence, second line cut',
      `${feature}\n${feature.slice(0, 30)}`,
      ['geojsonseq'],
    ],
    ['a bare geometry', '{"type":"Point","coordinates":[1,2]}', []],
    ['a JSON dataset', '{"schemaVersion":"1.0.0","events":[]}', []],
    ['an NDJSON event', `${JSON.stringify(sampleEvent())}\n`, []],
    ['a top-level array (left to the JSON dataset format)', `[${feature}]`, []],
    ['CSV', 'id,date\n1,2\n', []],
    ['nothing', '', []],
  ])('%s', (_name, text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  it('looks past a UTF-8 or UTF-16 byte-order mark', () => {
    expect(claims(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(collection)]))).toEqual(['geojson']);
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...'{"type":"FeatureCollection","features":[]}'].flatMap((char) => [
        char.charCodeAt(0),
        0,
      ]),
    ]);
    expect(claims(utf16)).toEqual(['geojson']);
  });
});
