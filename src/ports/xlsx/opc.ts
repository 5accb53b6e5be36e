/**
 * The package (OPC) under an .xlsx: its zip entries, relationships and content types. Part
 * names are matched ignoring case, as OPC says, and relationship targets resolved against
 * their source part. Zip work is fflate's; only entries asked for are inflated.
 */
import { unzipSync } from 'fflate';
import { attr, decodeUtf8, parseXml } from './xml';

export interface Relationship {
  id: string;
  /** The relationship type's last segment (`worksheet`, `styles`…): transitional and strict OOXML alike. */
  kind: string;
  type: string;
  /** The target as written. */
  target: string;
  /** The part it names (no leading slash), or null for an external target. */
  part: string | null;
}

/** The folder of a part name, with a trailing slash ('' at the root). */
function folder(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

/** A relationship target as a part name: relative to its source part's folder, or absolute. */
function resolveTarget(source: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : folder(source) + target;
  const out: string[] = [];
  for (const seg of decodeURIComponentSafe(raw).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A target for `to` written from `from`'s folder, as Excel writes them (relative). */
export function relativeTarget(from: string, to: string): string {
  const a = folder(from).split('/').filter(Boolean);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export function parseRelationships(xml: string, source: string): Relationship[] {
  const rels: Relationship[] = [];
  parseXml(xml, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const type = attr(attrs, 'Type') ?? '';
      const target = attr(attrs, 'Target') ?? '';
      const external = (attr(attrs, 'TargetMode') ?? '').toLowerCase() === 'external';
      rels.push({ id: attr(attrs, 'Id') ?? '', type, kind: type.slice(type.lastIndexOf('/') + 1), target, part: external ? null : resolveTarget(source, target) });
    },
  });
  return rels;
}

/** Zip entries by name, inflated on request; names looked up ignoring case. */
export class ZipEntries {
  private readonly byLower = new Map<string, string>();
  private readonly inflated = new Map<string, Uint8Array>();

  /** `names` are every entry's name, as listed by the zip guard or fflate. */
  constructor(
    private readonly bytes: Uint8Array,
    readonly names: string[],
  ) {
    for (const n of names) this.byLower.set(n.toLowerCase(), n);
  }

  /** Lists the entries without inflating any; `inflated` are entries already inflated (by the zip guard). */
  static open(bytes: Uint8Array, inflated?: ReadonlyMap<string, Uint8Array>): ZipEntries {
    const names: string[] = [];
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
    const zip = new ZipEntries(bytes, names);
    for (const [n, data] of inflated ?? []) zip.inflated.set(n, data);
    return zip;
  }

  /** The entry's real name for a part name (any case, with or without a leading slash). */
  nameOf(part: string): string | undefined {
    return this.byLower.get(part.replace(/^\//, '').toLowerCase());
  }

  has(part: string): boolean {
    return this.nameOf(part) !== undefined;
  }

  /** Inflates the named parts at once (one pass over the zip); missing ones are left out. */
  load(parts: string[]): void {
    const want = new Set(parts.map((p) => this.nameOf(p)).filter((n): n is string => !!n && !this.inflated.has(n)));
    if (!want.size) return;
    const got = unzipSync(this.bytes, { filter: (f) => want.has(f.name) });
    for (const [name, data] of Object.entries(got)) this.inflated.set(name, data);
  }

  bytesOf(part: string): Uint8Array | undefined {
    const name = this.nameOf(part);
    if (!name) return undefined;
    if (!this.inflated.has(name)) this.load([name]);
    return this.inflated.get(name);
  }

  textOf(part: string): string | undefined {
    const b = this.bytesOf(part);
    return b && decodeUtf8(b);
  }

  relationships(part: string): Relationship[] {
    const xml = this.textOf(relsPartOf(part));
    return xml ? parseRelationships(xml, part) : [];
  }
}

/** The workbook part: the package's officeDocument relationship, else the usual place. */
export function workbookPartOf(zip: ZipEntries): string | undefined {
  const main = zip.relationships('').find((r) => r.kind === 'officeDocument' && r.part);
  const part = main?.part ?? 'xl/workbook.xml';
  return zip.nameOf(part);
}
