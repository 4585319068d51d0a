import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import { kmlFormat } from '../src/index.ts';
import { writeKmlText } from './helpers.ts';

const encoder = new TextEncoder();
const sniff = (text: string) => kmlFormat.sniff(encoder.encode(text));

describe('sniff', () => {
  it('recognises the writer’s own output, even cut short', async () => {
    const text = await writeKmlText([sampleEvent()]);
    expect(sniff(text)).toBe(true);
    expect(sniff(text.slice(0, 120))).toBe(true);
  });

  it('recognises KML from other writers: no declaration, prefixes, Google’s namespaces, a BOM', () => {
    expect(sniff('<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>')).toBe(true);
    expect(
      sniff(
        '<?xml version="1.0"?>\n<!-- made by hand -->\n<kml:kml xmlns:kml="http://www.opengis.net/kml/2.2">',
      ),
    ).toBe(true);
    expect(sniff("<kml xmlns='http://earth.google.com/kml/2.1'>")).toBe(true);
    expect(
      sniff(
        '<kml xmlns:gx="http://www.google.com/kml/ext/2.2" xmlns="http://www.opengis.net/kml/2.2">',
      ),
    ).toBe(true);
    expect(
      sniff(
        '\uFEFF<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">',
      ),
    ).toBe(true);
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...'<kml xmlns="http://www.opengis.net/kml/2.2">'].flatMap((character) => [
        character.charCodeAt(0),
        0,
      ]),
    ]);
    expect(kmlFormat.sniff(utf16)).toBe(true);
  });

  it('refuses other XML, a kml root without the KML namespace, and other formats', () => {
    expect(
      sniff('<?xml version="1.0"?><gpx xmlns="http://www.topografix.com/GPX/1/1"><kml/>'),
    ).toBe(false);
    expect(sniff('<kml>')).toBe(false);
    expect(sniff('<kml xmlns="http://example.org/kml/2.2">')).toBe(false);
    // The namespace is declared, but for a prefix the root does not use.
    expect(sniff('<kml xmlns:k="http://www.opengis.net/kml/2.2">')).toBe(false);
    expect(sniff('<kmlx xmlns="http://www.opengis.net/kml/2.2">')).toBe(false);
    expect(sniff('{"type":"FeatureCollection"}')).toBe(false);
    expect(sniff('id,date_start\n')).toBe(false);
    expect(sniff('')).toBe(false);
  });
});
