/**
 * XML as the package layer reads it: one streaming pass of htmlparser2 (already our HTML
 * parser) in XML mode. Elements are matched by their local name, so a part written with a
 * default namespace (openpyxl's drawings) or with any prefix (`x:c`) reads the same. Nothing
 * here expands a DTD: a part declaring one is refused by the zip guard before it is read.
 */
import { Parser } from 'htmlparser2';

export type Attributes = Record<string, string>;

export interface XmlHandler {
  open?(name: string, attrs: Attributes, start: number): void;
  text?(text: string): void;
  /** `end` is the index just past the element's closing tag (or its self-closing tag). */
  close?(name: string, end: number): void;
}

/** The local part of a qualified name: `x:c` → `c`. */
function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** An attribute by local name (`r:id`, `relationships:id` → `id`), the unprefixed one first. */
export function attr(attrs: Attributes, name: string): string | undefined {
  const plain = attrs[name];
  if (plain !== undefined) return plain;
  for (const k in attrs) if (k.endsWith(`:${name}`) && !k.startsWith('xmlns')) return attrs[k];
  return undefined;
}

/** Parses `xml` in one pass, calling the handler with local names and positions in the text. */
export function parseXml(xml: string, handler: XmlHandler): void {
  const parser: Parser = new Parser(
    {
      onopentag: (name, attrs) => handler.open?.(localName(name), attrs, parser.startIndex),
      ontext: handler.text ? (t) => handler.text!(t) : undefined,
      onclosetag: (name) => handler.close?.(localName(name), parser.endIndex + 1),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or an attribute value made safe for XML. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const utf8 = new TextDecoder('utf-8');

export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
