import { SCHEMA_VERSION } from '@conflict-events/schema';
import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import { jsonDatasetFormat, ndjsonFormat } from '../src/index.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const event = JSON.stringify(sampleEvent());
const pretty = JSON.stringify({ events: [sampleEvent()], title: 't' }, null, 2);

function claims(text: string | Uint8Array): string[] {
  const input = typeof text === 'string' ? bytes(text) : text;
  return [ndjsonFormat, jsonDatasetFormat]
    .filter((format) => format.sniff(input))
    .map((format) => format.id);
}

describe('sniff', () => {
  it.each([
    ['NDJSON lines', `${event}\n${event}\n`, ['ndjson']],
    ['an NDJSON line cut by the sample', event.slice(0, 40), ['ndjson']],
    ['NDJSON after whitespace', `  \n${event}\n`, ['ndjson']],
    ['a one-line dataset', `{"schemaVersion":"${SCHEMA_VERSION}","events":[]}\n`, ['json']],
    ['a dataset cut by the sample', `{"schemaVersion":"${SCHEMA_VERSION}","title":"x`, ['json']],
    ['a pretty dataset starting with events', pretty, ['json']],
    [
      'a pretty object that is no dataset (another source’s API page)',
      JSON.stringify(sampleEvent(), null, 2),
      [],
    ],
    ['a top-level array', `[${event}]`, ['json']],
    [
      'a GeoJSON FeatureCollection with dataset metadata',
      `{"type":"FeatureCollection","conflictEvents":{"schemaVersion":"${SCHEMA_VERSION}"},"features":[]}`,
      [],
    ],
    [
      'newline-delimited GeoJSON Features',
      `{"type":"Feature","id":"a","geometry":null,"properties":${event}}\n`,
      [],
    ],
    ['an array of GeoJSON Features', '[{"type": "Feature", "geometry": null}]', []],
    [
      'an event whose notes quote GeoJSON',
      `${JSON.stringify({ ...sampleEvent(), notes: '{"type": "Feature"}' })}\n`,
      ['ndjson'],
    ],
    ['CSV', 'id,date\n1,2\n', []],
    ['nothing', '', []],
  ])('%s', (_name, text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  it('looks past a UTF-8 or UTF-16 byte-order mark', () => {
    expect(claims(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(`${event}\n`)]))).toEqual(['ndjson']);
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...'[{}]'].flatMap((char) => [char.charCodeAt(0), 0]),
    ]);
    expect(claims(utf16)).toEqual(['json']);
  });
});
