// The description balloon, which Google Earth renders as HTML: what it says, and that no
// datum can put markup into it.
import type { ConflictEvent } from '@conflict-events/schema';
import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import { kmlDocument, placemarksOf, writeKmlText } from './helpers.ts';

async function descriptionOf(event: ConflictEvent): Promise<string> {
  const [placemark] = placemarksOf(kmlDocument(await writeKmlText([event])));
  if (!placemark) throw new Error('no placemark');
  return placemark.description;
}

describe('the description', () => {
  it('escapes an HTML payload in the notes', async () => {
    const description = await descriptionOf({
      ...sampleEvent(),
      notes: '<img src=x onerror=alert(1)>',
    });
    expect(description).toContain('<b>Notes:</b> &lt;img src=x onerror=alert(1)&gt;');
    expect(description).not.toContain('<img');
  });

  it('escapes markup in every other text a source or actor brings', async () => {
    const base = sampleEvent();
    const hostile = '<script>alert(1)</script>';
    const description = await descriptionOf({
      ...base,
      id: hostile,
      location: { ...base.location, place: hostile, description: hostile },
      actors: [{ name: hostile, side: 'a', role: 'primary', kind: 'rebel-group' }],
      sources: [
        {
          name: hostile,
          kind: 'other',
          url: 'javascript:alert(1)',
          claim: { attribution: hostile, statement: hostile },
        },
      ],
      tags: [hostile],
    });
    expect(description).not.toContain('<script');
    expect(description).not.toContain('href="javascript');
    expect(description.split('&lt;script&gt;').length - 1).toBe(9);
  });

  it('neutralises Google Earth’s $[field] substitution in data', async () => {
    const description = await descriptionOf({ ...sampleEvent(), notes: 'see $[id]' });
    expect(description).toContain('see &#36;[id]');
  });

  it('says the date and its precision, the place and its precision, and the point', async () => {
    const description = await descriptionOf(sampleEvent());
    expect(description).toContain('<h3>Armed clash, Aleppo, 2016-08-01</h3>');
    expect(description).toContain('<b>Date:</b> 2016-08-01 (known to the day)');
    expect(description).toContain(
      '<b>Place:</b> Aleppo, Aleppo, SYR; at the place: an exact spot or named town; point 36.2021, 37.1343 (latitude, longitude)',
    );
    expect(description).toContain('<b>Type:</b> Battles / Armed clash');
  });

  it('lists the actors with their sides and the sources with their claims', async () => {
    const base = sampleEvent();
    const description = await descriptionOf({
      ...base,
      sources: [
        {
          name: 'SANA',
          kind: 'news-agency',
          url: 'https://example.org/sana?a=1&b=2',
          published: '2016-08-01',
          claim: { fatalities: { best: 4 }, attribution: 'Militants (unnamed)' },
        },
        {
          name: 'Syrian Observatory for Human Rights',
          kind: 'ngo-monitor',
          via: 'AFP',
          claim: { fatalities: { best: 6, low: 5, high: 8 }, statement: 'Six were killed.' },
        },
      ],
    });
    expect(description).toContain(
      '<li>Military Forces of Syria (side a, primary, state forces, SYR)</li>',
    );
    expect(description).toContain('<li>Fateh al-Sham Front (side b, primary, rebel group)</li>');
    expect(description).toContain(
      '<li><a href="https://example.org/sana?a=1&amp;b=2">SANA</a> (news agency, published 2016-08-01): fatalities 4; attributes it to Militants (unnamed)</li>',
    );
    expect(description).toContain(
      '<li>Syrian Observatory for Human Rights (NGO or monitor, via AFP): fatalities 6 (low 5, high 8); “Six were killed.”</li>',
    );
    expect(description).toContain('<b>Fatalities:</b> best 4 (low 4, high 6)');
  });

  it('tells an unknown toll from a toll of none, and gives the breakdown', async () => {
    const base = sampleEvent();
    expect(await descriptionOf({ ...base, fatalities: { known: false } })).toContain(
      '<b>Fatalities:</b> unknown (no toll reported; not the same as none)',
    );
    expect(await descriptionOf({ ...base, fatalities: { known: true, best: 0 } })).toContain(
      '<b>Fatalities:</b> best 0</p>',
    );
    expect(
      await descriptionOf({
        ...base,
        fatalities: { known: true, best: 5, breakdown: { sideB: 5 } },
      }),
    ).toContain('<b>Fatalities:</b> best 5; of whom side b 5');
  });

  it('keeps line breaks of the notes as <br>', async () => {
    const description = await descriptionOf({ ...sampleEvent(), notes: 'one\ntwo\r\nthree' });
    expect(description).toContain('<b>Notes:</b> one<br>two<br>three</p>');
  });
});
