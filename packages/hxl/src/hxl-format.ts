import type { Batch, CommonReadOptions, Format } from '@conflict-events/io';
import { findHashtagDelimiter } from './find-hashtag-row.ts';
import { tagOfPointer } from './hxl-columns.ts';
import {
  defaultHxlReadOptions,
  defaultHxlWriteOptions,
  type HxlReadOptions,
  type HxlWriteOptions,
} from './hxl-read-options.ts';

const sniffDecoder = new TextDecoder('utf-8', { fatal: false });

/** One of the first 25 rows within the first 64 KiB is a hashtag row. */
function sniffHxl(firstBytes: Uint8Array): boolean {
  return findHashtagDelimiter(sniffDecoder.decode(firstBytes.subarray(0, 64 * 1024))) !== undefined;
}

async function* readHxlLazily(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<HxlReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  // The reader loads on demand, so that format detection does not carry it.
  const { readHxl } = await import('./read-hxl.ts');
  yield* readHxl(bytes, options);
}

/**
 * CSV with an HXL hashtag row (Humanitarian Exchange Language), as HDX publishes extracts of
 * ACLED, UCDP and other datasets. Read only: columns are mapped by hashtag, not by label.
 */
export const hxlFormat = {
  id: 'hxl',
  name: 'HXL-tagged CSV',
  extensions: ['csv'],
  mediaTypes: ['text/csv'],
  capabilities: { read: true, write: false, lossless: false },
  fallback: true,
  rejectsLayout: 'lines',
  sniff: sniffHxl,
  defaultReadOptions: defaultHxlReadOptions,
  defaultWriteOptions: defaultHxlWriteOptions,
  fieldOf(pointer: string) {
    const tag = tagOfPointer(pointer);
    return tag === undefined ? undefined : { field: tag };
  },
  read: readHxlLazily,
} as const satisfies Format<HxlReadOptions, HxlWriteOptions>;
