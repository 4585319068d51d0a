// Writing events to KML text and reading that text back with a real XML parser (saxes: a
// strict, non-validating XML 1.0 parser with namespaces), so tests inspect the document as
// any KML client would see it, never by matching strings.
import type { Batch } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import { SaxesParser } from 'saxes';
import { kmlFormat } from '../src/index.ts';

export const kmlNamespace = 'http://www.opengis.net/kml/2.2';

export interface XmlElement {
  /** Local name. */
  name: string;
  namespace: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

export async function* fromArray<T>(items: readonly T[]): AsyncIterable<T> {
  yield* items;
}

/** The writer's output as text; invalid UTF-8 throws (the output must never have any). */
export async function writeKmlText(
  events: readonly (ConflictEvent | Batch)[],
  options: Parameters<NonNullable<typeof kmlFormat.write>>[1] = {},
): Promise<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  for await (const chunk of kmlFormat.write(fromArray(events), options)) {
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

/** Parses a whole document; any well-formedness or namespace error throws. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      attributes[attribute.name] = attribute.value;
    }
    const element: XmlElement = {
      name: tag.local,
      namespace: tag.uri,
      attributes,
      children: [],
    };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (text: string) => {
    const parent = stack.at(-1);
    if (parent) parent.children.push(text);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(text).close();
  if (failure) throw failure;
  if (!root) throw new Error('no root element');
  return root;
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement =>
      typeof child !== 'string' && (name === undefined || child.name === name),
  );
}

export function childElement(element: XmlElement, name: string): XmlElement {
  const found = childElements(element, name);
  if (found.length !== 1) throw new Error(`${element.name} has ${found.length} <${name}>`);
  return found[0] as XmlElement;
}

/** The element's character data (text and CDATA joined), as a parser reports it. */
export function textOf(element: XmlElement): string {
  return element.children
    .map((child) => (typeof child === 'string' ? child : textOf(child)))
    .join('');
}

export interface KmlPlacemark {
  element: XmlElement;
  /** The Folder's name, or undefined for a Placemark straight in the Document. */
  folder: string | undefined;
  name: string;
  description: string;
  data: Record<string, string>;
}

/** The Document of a parsed KML text, checked to be in the KML 2.2 namespace. */
export function kmlDocument(text: string): XmlElement {
  const root = parseXml(text);
  if (root.name !== 'kml' || root.namespace !== kmlNamespace) {
    throw new Error(`root is {${root.namespace}}${root.name}`);
  }
  return childElement(root, 'Document');
}

function placemarkOf(element: XmlElement, folder: string | undefined): KmlPlacemark {
  const data: Record<string, string> = {};
  for (const extended of childElements(element, 'ExtendedData')) {
    for (const datum of childElements(extended, 'Data')) {
      data[datum.attributes.name ?? ''] = textOf(childElement(datum, 'value'));
    }
  }
  return {
    element,
    folder,
    name: textOf(childElement(element, 'name')),
    description: textOf(childElement(element, 'description')),
    data,
  };
}

/** Every Placemark in document order, with the name of the Folder it is in. */
export function placemarksOf(document: XmlElement): KmlPlacemark[] {
  return childElements(document).flatMap((child) => {
    if (child.name === 'Placemark') return [placemarkOf(child, undefined)];
    if (child.name !== 'Folder') return [];
    const folder = textOf(childElement(child, 'name'));
    return childElements(child, 'Placemark').map((placemark) => placemarkOf(placemark, folder));
  });
}

export function folderNames(document: XmlElement): string[] {
  return childElements(document, 'Folder').map((folder) => textOf(childElement(folder, 'name')));
}
