// The KML writer: options checked, the document framed, Placemarks streamed or grouped.
import { type Batch, type CommonWriteOptions, eventArrays, TextChunker } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import { folderOf } from './category-folders.ts';
import { documentHead, documentTail } from './document-xml.ts';
import { CategoryFolderBuffer } from './folder-buffer.ts';
import {
  defaultKmlDocumentName,
  defaultKmlWriteOptions,
  type KmlFolders,
  type KmlWriteOptions,
} from './kml-options.ts';
import { placemarkXml } from './placemark.ts';

const folderModes: readonly KmlFolders[] = ['category', 'none'];

function resolveOptions(options: Partial<KmlWriteOptions> & CommonWriteOptions) {
  const folders = options.folders ?? defaultKmlWriteOptions.folders;
  if (!folderModes.includes(folders)) {
    throw new RangeError(`folders must be one of ${folderModes.join(', ')}, not ${folders}`);
  }
  const folderBufferBytes = options.folderBufferBytes ?? defaultKmlWriteOptions.folderBufferBytes;
  if (!(folderBufferBytes > 0)) {
    throw new RangeError(`folderBufferBytes must be a positive number, not ${folderBufferBytes}`);
  }
  const name = options.name ?? options.metadata?.title ?? defaultKmlDocumentName;
  return { folders, folderBufferBytes, name };
}

/**
 * Writes a KML 2.2 document as events arrive: the head at once, then Placemarks straight
 * into the Document (`folders: 'none'`), or grouped into a Folder per category through a
 * bounded buffer (`folders: 'category'`). Valid KML for any number of events, zero included.
 */
export async function* writeKml(
  events: AsyncIterable<ConflictEvent | Batch>,
  options: Partial<KmlWriteOptions> & CommonWriteOptions = {},
): AsyncIterable<Uint8Array> {
  const { folders, folderBufferBytes, name } = resolveOptions(options);
  const chunker = new TextChunker();
  chunker.add(documentHead(name, options.metadata));
  if (folders === 'none') {
    for await (const group of eventArrays(events)) {
      for (const event of group) {
        const bytes = chunker.add(placemarkXml(event, folderOf(event.type.category)));
        if (bytes) yield bytes;
      }
    }
  } else {
    const head = chunker.flush();
    if (head) yield head;
    const buffer = new CategoryFolderBuffer(folderBufferBytes);
    for await (const group of eventArrays(events)) {
      for (const event of group) {
        const folder = folderOf(event.type.category);
        if (buffer.add(folder, placemarkXml(event, folder))) yield* buffer.drain();
      }
    }
    yield* buffer.drain();
  }
  chunker.add(documentTail);
  const rest = chunker.flush();
  if (rest) yield rest;
}
