/**
 * Edits to a part's XML as splices of its text: what we do not change stays byte for byte as
 * the clerk's program wrote it (attributes, prefixes, extensions we do not know).
 */
import { parseXml, type Attributes } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An element found in a part: where its start tag, its content and the whole element lie. */
export interface Located {
  name: string;
  attrs: Attributes;
  depth: number;
  /** Index of '<' of the start tag. */
  start: number;
  /** Index just past the start tag's '>'. */
  startTagEnd: number;
  /** Index just past the element's end (its end tag, or the start tag when self-closing). */
  end: number;
  selfClosing: boolean;
}

/**
 * Every element up to `maxDepth` (the root is depth 0), with positions in `xml`. Each element's
 * start tag is found from its '<' to the first '>' outside quotes.
 */
export function locate(xml: string, maxDepth: number): Located[] {
  const out: Located[] = [];
  const stack: (Located | null)[] = [];
  parseXml(xml, {
    open(name, attrs, start) {
      const depth = stack.length;
      if (depth > maxDepth) {
        stack.push(null);
        return;
      }
      const startTagEnd = tagEnd(xml, start);
      const el: Located = { name, attrs, depth, start, startTagEnd, end: startTagEnd, selfClosing: xml.charCodeAt(startTagEnd - 2) === 47 };
      out.push(el);
      stack.push(el);
    },
    close(_name, end) {
      const el = stack.pop();
      if (el) el.end = el.selfClosing ? el.startTagEnd : end;
    },
  });
  return out;
}

/** Index just past the '>' that ends the tag starting at `start`. */
function tagEnd(xml: string, start: number): number {
  let quote = 0;
  for (let i = start + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
  }
  return xml.length;
}

/** Splices applied at once, from the end backwards, so positions found before stay valid. */
export class Splices {
  private readonly edits: { at: number; end: number; text: string; order: number }[] = [];

  replace(at: number, end: number, text: string): void {
    this.edits.push({ at, end, text, order: this.edits.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  get size(): number {
    return this.edits.length;
  }

  apply(xml: string): string {
    // Inserts at one place keep the order they were made in.
    const sorted = [...this.edits].sort((a, b) => a.at - b.at || a.end - b.end || a.order - b.order);
    let out = '';
    let at = 0;
    for (const e of sorted) {
      if (e.at < at) throw new Error('overlapping edits');
      out += xml.slice(at, e.at) + e.text;
      at = e.end;
    }
    return out + xml.slice(at);
  }
}

/**
 * A fragment we write (unprefixed SpreadsheetML, `r:` for relationships) made valid where it is
 * inserted: when the part's root does not make the main namespace the default, or binds `r`
 * to something else, each top-level element declares what it uses.
 */
export function adopt(fragment: string, root: Attributes): string {
  const needMain = root.xmlns !== MAIN_NS;
  const needRel = root['xmlns:r'] !== REL_NS && fragment.includes(' r:');
  if (!needMain && !needRel) return fragment;
  const decl = `${needMain ? ` xmlns="${MAIN_NS}"` : ''}${needRel ? ` xmlns:r="${REL_NS}"` : ''}`;
  // Top-level elements only: depth counted over the fragment's tags.
  let depth = 0;
  return fragment.replace(/<(\/?)([A-Za-z][\w.-]*)([^>]*?)(\/?)>/g, (m, close: string, name: string, rest: string, self: string) => {
    if (close) {
      depth--;
      return m;
    }
    const top = depth === 0;
    if (!self) depth++;
    return top ? `<${name}${decl}${rest}${self}>` : m;
  });
}

/** A start tag with some attributes set (a string) or removed (null); the others kept as written. */
export function withAttributes(startTag: string, changes: Record<string, string | null>): string {
  let tag = startTag;
  const close = tag.endsWith('/>') ? '/>' : '>';
  tag = tag.slice(0, tag.length - close.length);
  for (const [name, value] of Object.entries(changes)) {
    const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
    if (re.test(tag)) tag = value === null ? tag.replace(re, '') : tag.replace(re, ` ${name}="${value}"`);
    else if (value !== null) tag += ` ${name}="${value}"`;
  }
  return tag + close;
}

/**
 * A part whose root binds SpreadsheetML to a prefix (`<x:worksheet xmlns:x=…>`, as some
 * generators write) with that prefix removed and the namespace made the default: the same XML
 * to a namespace-aware reader, and what exceljs (which matches element names as written) reads.
 */
export function unprefixed(xml: string): string {
  const m = /^(?:\uFEFF)?\s*(?:<\?xml[^>]*\?>\s*)?<([A-Za-z_][\w.-]*):[\w.-]+\b[^>]*>/.exec(xml);
  if (!m) return xml;
  const prefix = m[1];
  const decl = new RegExp(`\\sxmlns:${prefix}\\s*=\\s*("|')${MAIN_NS.replace(/[.]/g, '\\.')}\\1`);
  if (!decl.test(m[0]) || /\sxmlns\s*=/.test(m[0])) return xml;
  // The prefix stays declared too: an attribute may still use it.
  return xml.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1').replace(decl, (d) => `${d} xmlns="${MAIN_NS}"`);
}

const encoder = new TextEncoder();

export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}
