import {
  type Batch,
  type CommonReadOptions,
  type CommonWriteOptions,
  type Format,
  peekBytes,
} from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import {
  type AcledReadOptions,
  type AcledWriteOptions,
  defaultAcledReadOptions,
  defaultAcledWriteOptions,
} from './acled-options.ts';
import { columnOfPointer } from './field-of-pointer.ts';

const sniffDecoder = new TextDecoder('utf-8', { fatal: false });

/** The labels of the first line of CSV text (quotes honoured), lower case. */
function firstLineLabels(text: string): Set<string> {
  const labels = new Set<string>();
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      labels.add(cell.trim().toLowerCase());
      cell = '';
    } else if (char === '\n' || char === '\r') break;
    else cell += char;
  }
  labels.add(cell.trim().toLowerCase());
  return labels;
}

/** An ACLED header in any layout (it always has `event_id_cnty` and `event_date`), or an API response. */
function sniffAcled(firstBytes: Uint8Array): boolean {
  const text = sniffDecoder
    .decode(firstBytes)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('{')) {
    return (
      /"data"\s*:/.test(text) && (/"event_id_cnty"\s*:/.test(text) || /"success"\s*:/.test(text))
    );
  }
  const labels = firstLineLabels(text);
  return labels.has('event_id_cnty') && labels.has('event_date');
}

/** Whether the input is JSON: its first byte after a BOM and white space is `{`. */
function startsWithBrace(head: Uint8Array): boolean {
  let index = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (index < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[index] as number)) index++;
  return head[index] === 0x7b;
}

async function* readAcled(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<AcledReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  const { head, chunks } = await peekBytes(bytes, 4096);
  // Parsers load on demand, so that detection does not carry them.
  if (startsWithBrace(head)) {
    const { readAcledApi } = await import('./read-acled-api.ts');
    yield* readAcledApi(chunks, options);
  } else {
    const { readAcledCsv } = await import('./read-acled-csv.ts');
    yield* readAcledCsv(chunks, options);
  }
}

async function* writeAcled(
  events: AsyncIterable<ConflictEvent | Batch>,
  options: Partial<AcledWriteOptions> & CommonWriteOptions = {},
): AsyncIterable<Uint8Array> {
  const { writeAcledCsv } = await import('./write-acled-csv.ts');
  yield* writeAcledCsv(events, options);
}

/**
 * ACLED: reads every published CSV layout (2023+, 2019–2022, the 2016 API, the country files
 * up to 2016) and API JSON responses; writes the current (2023) CSV layout. The layout holds
 * less than the model (no source kinds, no fatality ranges, one primary actor a side), so a
 * round trip through it is not lossless for events that did not come from ACLED.
 */
export const acledFormat = {
  id: 'acled',
  name: 'ACLED',
  extensions: ['csv', 'json'],
  mediaTypes: ['text/csv', 'application/json'],
  capabilities: { read: true, write: true, lossless: false },
  rejectsLayout: 'lines',
  sniff: sniffAcled,
  defaultReadOptions: defaultAcledReadOptions,
  defaultWriteOptions: defaultAcledWriteOptions,
  fieldOf(pointer: string) {
    const column = columnOfPointer(pointer);
    return column === undefined ? undefined : { field: column };
  },
  read: readAcled,
  write: writeAcled,
} as const satisfies Format<AcledReadOptions, AcledWriteOptions>;
