// The Folders and Styles of a document: one per event category of the core taxonomy, in its
// order, and one for events without a category. Each has a Style (icon colour) that its
// Placemarks refer to, so a reader of the map tells the categories apart at a glance.
import { type EventCategory, eventCategories, getCategory } from '@conflict-events/schema';

/** A category slug, or `uncategorised` for events the taxonomy has no category for. */
export type FolderKey = EventCategory | 'uncategorised';

export interface FolderEntry {
  key: FolderKey;
  /** The Folder's name: the taxonomy's label (what GDAL reads as the layer name). */
  label: string;
  /** Id of the Style; an NCName, as KML's `id` attributes must be. */
  styleId: string;
  /** Icon colour as CSS `#rrggbb`; KML's form is derived from it. */
  colour: string;
}

// Warm hues for violence, blue and yellow for demonstrations, green for strategic
// developments, grey for the uncategorised: the groups of the taxonomy's disorder types.
const colours: Record<FolderKey, string> = {
  battles: '#d7191c',
  'explosions-remote-violence': '#f07c1c',
  'violence-against-civilians': '#7b3294',
  protests: '#2c7bb6',
  riots: '#e6ab02',
  'strategic-developments': '#1a9641',
  uncategorised: '#808080',
};

export const uncategorisedLabel = 'Uncategorised';

export const folderEntries: readonly FolderEntry[] = [
  ...eventCategories.map((slug) => ({
    key: slug,
    label: getCategory(slug).label,
    styleId: `category-${slug}`,
    colour: colours[slug],
  })),
  {
    key: 'uncategorised',
    label: uncategorisedLabel,
    styleId: 'category-uncategorised',
    colour: colours.uncategorised,
  },
];

const entryByKey = new Map(folderEntries.map((entry) => [entry.key, entry]));

export function folderOf(category: EventCategory | undefined): FolderEntry {
  return entryByKey.get(category ?? 'uncategorised') as FolderEntry;
}

/** CSS `#rrggbb` as KML's `aabbggrr` (opaque): KML puts alpha first and blue before red. */
export function kmlColour(css: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (!match) throw new Error(`not a #rrggbb colour: ${css}`);
  const [, red, green, blue] = match;
  return `ff${blue}${green}${red}`.toLowerCase();
}

// A white circle tints to the IconStyle colour; Google Earth ships it with its standard icons.
export const iconHref = 'https://maps.google.com/mapfiles/kml/shapes/placemark_circle.png';

/**
 * The Style of a folder. The balloon shows the description only, which this writer builds
 * with every datum escaped; Google Earth's default balloon would add the name and an
 * ExtendedData table, escaped (or not) by Google Earth rather than by us.
 */
export function styleXml(entry: FolderEntry): string {
  return (
    `<Style id="${entry.styleId}">` +
    `<IconStyle><color>${kmlColour(entry.colour)}</color>` +
    `<Icon><href>${iconHref}</href></Icon></IconStyle>` +
    '<BalloonStyle><text>$[description]</text></BalloonStyle>' +
    '</Style>'
  );
}
