// Is an input a KML document? The root element must be `kml` (with or without a prefix) and
// declare a KML namespace for itself: OGC KML 2.2, or Google's earlier 2.0–2.2 ones. What
// may come before the root in XML — a declaration, comments, processing instructions, a
// doctype, white space, a byte-order mark — is looked past.
import { kmlNamespace } from './document-xml.ts';

const kmlNamespaces = new Set([
  kmlNamespace,
  'http://earth.google.com/kml/2.0',
  'http://earth.google.com/kml/2.1',
  'http://earth.google.com/kml/2.2',
]);

const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/;
const rootStart = /^<(?:([A-Za-z_][\w.-]*):)?kml(?=[\s/>])([^>]*)/;
const namespaceDeclaration = /\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(["'])(.*?)\2/g;

function decodeLeniently(bytes: Uint8Array): string {
  // A UTF-16 byte-order mark picks the decoder; the UTF-8 one is dropped by TextDecoder.
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  return new TextDecoder(encoding, { fatal: false }).decode(bytes);
}

export function sniffKml(firstBytes: Uint8Array): boolean {
  const text = decodeLeniently(firstBytes);
  const afterProlog = text.slice(prolog.exec(text)?.[0].length ?? 0);
  const root = rootStart.exec(afterProlog);
  if (!root) return false;
  const [, prefix, attributes = ''] = root;
  for (const [, declaredPrefix, , uri = ''] of attributes.matchAll(namespaceDeclaration)) {
    if (declaredPrefix === prefix && kmlNamespaces.has(uri)) return true;
  }
  return false;
}
