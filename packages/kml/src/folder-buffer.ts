// Groups a stream of Placemarks into a Folder per category with bounded memory. Events come
// in any order, but each Folder must be written whole; so Placemarks are held, already
// encoded, per category until the memory they take reaches a limit (or the input ends), then
// every held Folder is written in the taxonomy's order and holding starts again. Under the
// limit the document has one Folder per category; past it a category may get a Folder per
// round.
import { type FolderEntry, type FolderKey, folderEntries } from './category-folders.ts';
import { folderHead, folderTail } from './document-xml.ts';

const chunkBytes = 1 << 16;
// The most UTF-8 bytes one UTF-16 unit becomes (a surrogate pair: 4 bytes for 2 units).
const maxBytesPerUnit = 3;
const encoder = new TextEncoder();

/**
 * One Folder's text, encoded into 64 KiB chunks as it comes, so that what it holds is known
 * exactly (whole chunks, as allocated) and is ready to be written without copying.
 */
class EncodedFolder {
  private readonly chunks: Uint8Array[] = [];
  private buffer: Uint8Array | undefined;
  private offset = 0;

  /** Encodes the text; returns the bytes newly allocated for it (0 when it fit). */
  add(text: string): number {
    const room = text.length * maxBytesPerUnit;
    if (this.buffer && this.offset + room <= this.buffer.length) {
      this.offset += encoder.encodeInto(text, this.buffer.subarray(this.offset)).written;
      return 0;
    }
    this.seal();
    if (room > chunkBytes) {
      const bytes = encoder.encode(text);
      this.chunks.push(bytes);
      return bytes.byteLength;
    }
    this.buffer = new Uint8Array(chunkBytes);
    this.offset = encoder.encodeInto(text, this.buffer).written;
    return chunkBytes;
  }

  /** Every chunk, the partly filled last one cut to its content. */
  finish(): Uint8Array[] {
    this.seal();
    return this.chunks;
  }

  private seal(): void {
    if (this.buffer && this.offset > 0) this.chunks.push(this.buffer.subarray(0, this.offset));
    this.buffer = undefined;
    this.offset = 0;
  }
}

export class CategoryFolderBuffer {
  private readonly held = new Map<FolderKey, EncodedFolder>();
  private heldBytes = 0;

  constructor(private readonly limitBytes: number) {}

  /** Holds a Placemark; true when the memory held reached the limit and the Folders are due. */
  add(entry: FolderEntry, placemark: string): boolean {
    let folder = this.held.get(entry.key);
    if (!folder) {
      folder = new EncodedFolder();
      this.held.set(entry.key, folder);
      this.heldBytes += folder.add(folderHead(entry));
    }
    this.heldBytes += folder.add(placemark);
    return this.heldBytes >= this.limitBytes;
  }

  /** The held Folders as bytes, in the taxonomy's order; each is let go once yielded. */
  *drain(): Iterable<Uint8Array> {
    for (const entry of folderEntries) {
      const folder = this.held.get(entry.key);
      if (!folder) continue;
      this.held.delete(entry.key);
      folder.add(folderTail);
      yield* folder.finish();
    }
    this.heldBytes = 0;
  }
}
