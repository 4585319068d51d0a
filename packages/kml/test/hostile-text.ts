// Text meant to break a KML document or the HTML of its balloons: XML and HTML
// metacharacters, CDATA terminators, characters XML 1.0 forbids, lone surrogates, line
// breaks, emoji, right-to-left text and any code point at all.
import type { ConflictEvent } from '@conflict-events/schema';
import fc from 'fast-check';
import { arbitraryEvent } from '../../schema/test/arbitraries.ts';

const pieces = fc.constantFrom(
  '<',
  '>',
  '&',
  '"',
  "'",
  ']]>',
  ']]',
  '<![CDATA[',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '&amp;',
  '&#0;',
  '$[name]',
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001B',
  '\u001F',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDFFF',
  '\r',
  '\r\n',
  '\n',
  '\t',
  '😀',
  '👩‍👩‍👧',
  'مرحبا',
  'שלום',
  '\u202E',
  '\u200F',
  'javascript:alert(1)',
);

/** A non-empty hostile string. */
export const hostileText = fc
  .array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 4 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''))
  .filter((text) => text.length > 0);

/** An event whose every free-text field is hostile. */
export const hostileEvent: fc.Arbitrary<ConflictEvent> = fc
  .record({
    event: arbitraryEvent,
    texts: fc.array(hostileText, { minLength: 16, maxLength: 16 }),
    url: fc.oneof(
      hostileText.map((text) => `https://example.org/${text}`),
      hostileText.map((text) => `javascript:${text}`),
    ),
  })
  .map(({ event, texts, url }) => {
    const text = (index: number) => texts[index] ?? 'x';
    return {
      ...event,
      id: text(0),
      location: {
        ...event.location,
        countryName: text(1),
        admin1: text(2),
        admin2: text(3),
        admin3: text(4),
        place: text(5),
        description: text(6),
      },
      actors: [
        { name: text(7), side: 'a', role: 'primary', kind: 'rebel-group' },
        ...event.actors.map((actor) => ({ ...actor, name: text(8) })),
      ],
      sources: [
        {
          name: text(9),
          kind: 'other',
          url,
          title: text(10),
          via: text(11),
          claim: { attribution: text(12), statement: text(13) },
        },
        ...event.sources,
      ],
      notes: text(14),
      tags: [text(15)],
    } satisfies ConflictEvent;
  });
