// Any text in any field gives a well-formed KML document (checked by a strict XML parser)
// whose balloons hold no markup but the writer's own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryEvent } from '../../schema/test/arbitraries.ts';
import { eventName } from '../src/describe-event.ts';
import { replaceIllegalXmlCharacters } from '../src/xml-text.ts';
import { kmlDocument, placemarksOf, writeKmlText } from './helpers.ts';
import { hostileEvent } from './hostile-text.ts';

// The writer's own tags; a link only to http(s), its URL with no quote to break out of.
const ownTags = /<(?:h3|\/h3|p|\/p|b|\/b|br|ul|\/ul|li|\/li|\/a|a href="https?:\/\/[^"<>]*")>/gi;

function markupLeftOver(description: string): string[] {
  return description.replace(ownTags, '').match(/[<>]/g) ?? [];
}

describe('any text', () => {
  it('gives well-formed KML with every event, exact ids and names, and inert balloons', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileEvent, { maxLength: 4 }),
        fc.constantFrom('category' as const, 'none' as const),
        async (generated, folders) => {
          // Ids made unique, so that each Placemark can be found by its id.
          const events = generated.map((event, index) => ({ ...event, id: `${index}${event.id}` }));
          const text = await writeKmlText(events, { folders, name: events[0]?.id ?? 'x' });
          const placemarks = placemarksOf(kmlDocument(text));
          expect(placemarks).toHaveLength(events.length);
          const byId = new Map(placemarks.map((placemark) => [placemark.data.id, placemark]));
          for (const event of events) {
            const placemark = byId.get(replaceIllegalXmlCharacters(event.id));
            if (!placemark) throw new Error(`no placemark for ${JSON.stringify(event.id)}`);
            expect(placemark.name).toBe(replaceIllegalXmlCharacters(eventName(event)));
            expect(markupLeftOver(placemark.description)).toEqual([]);
            expect(placemark.description).not.toMatch(/\$\[/);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('of the generated events gives well-formed KML with a Placemark each', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryEvent, { maxLength: 6 }), async (events) => {
        const placemarks = placemarksOf(kmlDocument(await writeKmlText(events)));
        expect(placemarks.map((placemark) => placemark.data.id).sort()).toEqual(
          events.map((event) => replaceIllegalXmlCharacters(event.id)).sort(),
        );
        for (const placemark of placemarks) {
          expect(markupLeftOver(placemark.description)).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
