/** How Placemarks are grouped in the Document. */
export type KmlFolders =
  /** A Folder per event category, in the taxonomy's order, events without one last. */
  | 'category'
  /** No Folders: Placemarks go straight into the Document in input order. */
  | 'none';

/** KML is written, never read: the reader takes no options of its own. */
export type KmlReadOptions = Record<never, never>;

/** Options of the KML writer, next to `CommonWriteOptions`. */
export interface KmlWriteOptions {
  /** Name of the Document (the top entry in Google Earth's Places). Default: the metadata's title, else `conflict-events export`. */
  name?: string;
  /** How Placemarks are grouped: `category` or `none`. Default `category`. */
  folders: KmlFolders;
  /**
   * Most memory, in bytes, that Placemarks held back to group them by category may take (UTF-8,
   * counted in the 64 KiB chunks they fill); past it the Folders so far are written and
   * grouping starts again. Default 64 MiB.
   */
  folderBufferBytes: number;
}

export const defaultKmlDocumentName = 'conflict-events export';

export const defaultKmlReadOptions: Readonly<KmlReadOptions> = Object.freeze({});

export const defaultKmlWriteOptions: Readonly<KmlWriteOptions> = Object.freeze({
  folders: 'category',
  folderBufferBytes: 64 * 2 ** 20,
});
