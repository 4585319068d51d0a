// The frame around the Placemarks: the XML declaration, the kml root in the KML 2.2
// namespace, the Document with its name, a description of the dataset when metadata is
// given, and the Styles every Placemark refers to.
import type { DatasetMetadata } from '@conflict-events/io';
import { type FolderEntry, folderEntries, styleXml } from './category-folders.ts';
import { escapeHtml, escapeHtmlLines } from './html-text.ts';
import { cdataSection, escapeXml } from './xml-text.ts';

export const kmlNamespace = 'http://www.opengis.net/kml/2.2';

function metadataHtml(metadata: Partial<DatasetMetadata>): string | undefined {
  const parts: string[] = [];
  if (metadata.description) parts.push(`<p>${escapeHtmlLines(metadata.description)}</p>`);
  const facts = [
    metadata.licence ? `<b>Licence:</b> ${escapeHtml(metadata.licence)}` : undefined,
    metadata.attribution ? `<b>Attribution:</b> ${escapeHtml(metadata.attribution)}` : undefined,
    metadata.generatedAt ? `<b>Generated:</b> ${escapeHtml(metadata.generatedAt)}` : undefined,
  ].filter((fact) => fact !== undefined);
  if (facts.length > 0) parts.push(`<p>${facts.join('<br>')}</p>`);
  const sources = (metadata.sources ?? []).map(
    (source) =>
      `<li>${escapeHtml(source.name)}${source.citation ? `: ${escapeHtml(source.citation)}` : ''}</li>`,
  );
  if (sources.length > 0) parts.push(`<p><b>Built from:</b></p><ul>${sources.join('')}</ul>`);
  return parts.length > 0 ? parts.join('') : undefined;
}

/** Everything before the first Placemark or Folder. */
export function documentHead(name: string, metadata: Partial<DatasetMetadata> | undefined): string {
  const description = metadata ? metadataHtml(metadata) : undefined;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<kml xmlns="${kmlNamespace}">\n` +
    '<Document>\n' +
    `<name>${escapeXml(name)}</name>\n` +
    (description ? `<description>${cdataSection(description)}</description>\n` : '') +
    folderEntries.map((entry) => `${styleXml(entry)}\n`).join('')
  );
}

export const documentTail = '</Document>\n</kml>\n';

export function folderHead(entry: FolderEntry): string {
  return `<Folder>\n<name>${escapeXml(entry.label)}</name>\n`;
}

export const folderTail = '</Folder>\n';
