// The formats the filtered selection can be saved in, as the page names them. The page
// only needs names; the adapters themselves load in the worker (see formats.ts), so the
// page's bundle carries no parser. A unit test checks this list against the adapters.

export const exportCatalogue = {
  geojson: { name: 'GeoJSON', extension: 'geojson', mediaType: 'application/geo+json' },
  csv: { name: 'Canonical CSV', extension: 'csv', mediaType: 'text/csv' },
} as const;

export type ExportFormatId = keyof typeof exportCatalogue;

export const exportFormatIds = Object.keys(exportCatalogue) as ExportFormatId[];
