// The small fixed parts of the workbook package (ECMA-376 Part 1 and the Open Packaging
// Conventions, Part 2): content types, relationships, workbook, styles, core properties.
import type { DatasetMetadata } from '@conflict-events/io';
import { lastColumnLetter } from './sheet-xml.ts';
import { escapeMarkup } from './xml-text.ts';

const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const mainNamespace = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relationshipsNamespace = 'http://schemas.openxmlformats.org/package/2006/relationships';
const officeRelationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** One worksheet of the workbook: its name and how many rows (header included) it has. */
export interface SheetEntry {
  name: string;
  rows: number;
}

export function sheetPath(number: number): string {
  return `xl/worksheets/sheet${number}.xml`;
}

export function contentTypes(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) =>
      `<Override PartName="/${sheetPath(index + 1)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    `${declaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '</Types>'
  );
}

export function rootRelationships(): string {
  return (
    `${declaration}<Relationships xmlns="${relationshipsNamespace}">` +
    `<Relationship Id="rId1" Type="${officeRelationships}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '</Relationships>'
  );
}

/** Title and description from the dataset metadata; created when the dataset was generated. */
export function coreProperties(metadata: DatasetMetadata | undefined, created: Date): string {
  const title = metadata?.title ? `<dc:title>${escapeMarkup(metadata.title)}</dc:title>` : '';
  const description = metadata?.description
    ? `<dc:description>${escapeMarkup(metadata.description)}</dc:description>`
    : '';
  // W3CDTF, which the core properties use, is ISO 8601 in UTC without milliseconds.
  const time = `${created.toISOString().slice(0, 19)}Z`;
  return (
    `${declaration}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `${title}${description}<dc:creator>conflict-events</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${time}</dcterms:created>` +
    '</cp:coreProperties>'
  );
}

/**
 * Cell formats: 0 the default, 1 an ISO date (`yyyy-mm-dd`, custom format 164, so it reads the
 * same in every locale, unlike built-in format 14), 2 the bold header. Fonts, fills and
 * borders hold the entries Excel expects to find.
 */
export function styles(): string {
  const xf = 'fontId="0" fillId="0" borderId="0" xfId="0"';
  // In the order of `cellStyle`.
  const formats = [
    `<xf numFmtId="0" ${xf}/>`,
    `<xf numFmtId="164" ${xf} applyNumberFormat="1"/>`,
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
  ];
  const font = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
  return (
    `${declaration}<styleSheet xmlns="${mainNamespace}">` +
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' +
    `<fonts count="2"><font>${font}</font><font><b/>${font}</font></fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${formats.length}">${formats.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

/** The sheets in order, and the hidden name Excel keeps for each sheet's autofilter range. */
export function workbook(sheets: readonly SheetEntry[]): string {
  const list = sheets
    .map(
      (sheet, index) =>
        `<sheet name="${escapeMarkup(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
    )
    .join('');
  const filters = sheets
    .map(
      (sheet, index) =>
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">'${escapeMarkup(sheet.name.replaceAll("'", "''"))}'!$A$1:$${lastColumnLetter}$${sheet.rows}</definedName>`,
    )
    .join('');
  return (
    `${declaration}<workbook xmlns="${mainNamespace}" xmlns:r="${officeRelationships}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${list}</sheets>` +
    `<definedNames>${filters}</definedNames>` +
    '</workbook>'
  );
}

export function workbookRelationships(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) =>
      `<Relationship Id="rId${index + 1}" Type="${officeRelationships}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
  ).join('');
  return (
    `${declaration}<Relationships xmlns="${relationshipsNamespace}">${sheets}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${officeRelationships}/styles" Target="styles.xml"/>` +
    '</Relationships>'
  );
}
