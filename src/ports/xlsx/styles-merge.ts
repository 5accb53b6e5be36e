/**
 * Styles and shared strings of the sheets we write, added to the clerk's own styles.xml and
 * sharedStrings.xml instead of replacing them: her sheets keep their indexes, ours get new
 * ones appended (as xlsx-populate and openpyxl keep a workbook's style table and only add).
 */
import { attr } from './xml';
import { adopt, locate, Splices, type Located } from './xml-edit';

/** Custom number formats start here (ECMA-376 18.8.30: 0–163 are built in). */
const FIRST_CUSTOM_NUMFMT = 164;

/** The order of a stylesheet's collections (CT_Stylesheet), to insert one that is missing. */
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

interface Collection {
  el?: Located;
  /** The children's XML, in order. */
  items: string[];
}

function collections(xml: string): { root: Located; byName: Map<string, Collection>; all: Located[] } {
  const all = locate(xml, 2);
  const root = all[0];
  const byName = new Map<string, Collection>();
  for (const el of all) {
    if (el.depth === 1) byName.set(el.name, { el, items: [] });
    else if (el.depth === 2) {
      const parent = [...all].reverse().find((p) => p.depth === 1 && p.start < el.start && p.end >= el.end);
      if (parent) byName.get(parent.name)?.items.push(xml.slice(el.start, el.end));
    }
  }
  return { root, byName, all };
}

function startTagOf(item: string): string {
  const m = /^<[^>]*>/.exec(item);
  return m ? m[0] : item;
}

function attrsOf(startTag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of startTag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = m[3] ?? m[4];
  return out;
}

/** Sets attributes on an item's start tag. */
function retag(item: string, changes: Record<string, string>): string {
  const tag = startTagOf(item);
  let next = tag;
  for (const [k, v] of Object.entries(changes)) {
    const re = new RegExp(`\\s${k}\\s*=\\s*("[^"]*"|'[^']*')`);
    next = re.test(next) ? next.replace(re, ` ${k}="${v}"`) : next.replace(/\s*(\/?)>$/, ` ${k}="${v}"$1>`);
  }
  return next + item.slice(tag.length);
}

export class StylesMerger {
  private readonly target: ReturnType<typeof collections>;
  private readonly source: ReturnType<typeof collections>;
  private readonly added = new Map<string, string[]>();
  private readonly counts = new Map<string, number>();
  private readonly xfMap = new Map<number, number>();
  private readonly dxfMap = new Map<number, number>();
  private readonly numFmtMap = new Map<number, number>();
  private readonly dedupe = new Map<string, number>();
  private nextNumFmt: number;
  private readonly numFmtByCode = new Map<string, number>();

  /** `target` is the clerk's styles.xml; `source` the one exceljs wrote with our sheets. */
  constructor(
    private readonly targetXml: string,
    sourceXml: string,
  ) {
    this.target = collections(targetXml);
    this.source = collections(sourceXml);
    let max = FIRST_CUSTOM_NUMFMT - 1;
    for (const item of this.target.byName.get('numFmts')?.items ?? []) {
      const a = attrsOf(startTagOf(item));
      const id = Number(a.numFmtId);
      if (Number.isFinite(id)) max = Math.max(max, id);
      if (a.formatCode !== undefined) this.numFmtByCode.set(a.formatCode, id);
    }
    this.nextNumFmt = max + 1;
    for (const name of ['fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) {
      const items = this.target.byName.get(name)?.items ?? [];
      this.counts.set(name, items.length);
      items.forEach((item, i) => this.dedupe.has(`${name}|${item}`) || this.dedupe.set(`${name}|${item}`, i));
    }
  }

  get changed(): boolean {
    return [...this.added.values()].some((a) => a.length > 0);
  }

  private append(collection: string, item: string): number {
    const key = `${collection}|${item}`;
    const known = this.dedupe.get(key);
    if (known !== undefined) return known;
    const index = this.counts.get(collection) ?? 0;
    this.counts.set(collection, index + 1);
    const list = this.added.get(collection) ?? [];
    list.push(item);
    this.added.set(collection, list);
    this.dedupe.set(key, index);
    return index;
  }

  private numFmt(id: number): number {
    if (id < FIRST_CUSTOM_NUMFMT) return id;
    const known = this.numFmtMap.get(id);
    if (known !== undefined) return known;
    const item = (this.source.byName.get('numFmts')?.items ?? []).find((i) => Number(attrsOf(startTagOf(i)).numFmtId) === id);
    const code = item ? (attrsOf(startTagOf(item)).formatCode ?? 'General') : 'General';
    let mapped = this.numFmtByCode.get(code);
    if (mapped === undefined) {
      mapped = this.nextNumFmt++;
      this.numFmtByCode.set(code, mapped);
      const list = this.added.get('numFmts') ?? [];
      list.push(retag(item ?? `<numFmt numFmtId="0" formatCode="General"/>`, { numFmtId: String(mapped) }));
      this.added.set('numFmts', list);
    }
    this.numFmtMap.set(id, mapped);
    return mapped;
  }

  /** The clerk's cellXfs index for exceljs's cell style `i`, appended on first use. */
  xf(i: number): number {
    const known = this.xfMap.get(i);
    if (known !== undefined) return known;
    const item = this.source.byName.get('cellXfs')?.items[i];
    let mapped = 0;
    if (item) {
      const a = attrsOf(startTagOf(item));
      const pick = (collection: string, id: string | undefined) => {
        const src = this.source.byName.get(collection)?.items[Number(id ?? 0)];
        return String(src ? this.append(collection, src) : 0);
      };
      mapped = this.append(
        'cellXfs',
        retag(item, {
          numFmtId: String(this.numFmt(Number(a.numFmtId ?? 0))),
          fontId: pick('fonts', a.fontId),
          fillId: pick('fills', a.fillId),
          borderId: pick('borders', a.borderId),
          xfId: '0',
        }),
      );
    }
    this.xfMap.set(i, mapped);
    return mapped;
  }

  /** The clerk's dxfs index for exceljs's differential style `i` (conditional formats). */
  dxf(i: number): number {
    const known = this.dxfMap.get(i);
    if (known !== undefined) return known;
    const item = this.source.byName.get('dxfs')?.items[i];
    const mapped = item ? this.append('dxfs', item) : 0;
    this.dxfMap.set(i, mapped);
    return mapped;
  }

  /** The clerk's styles.xml with what we added. */
  result(): string {
    const xml = this.targetXml;
    const edits = new Splices();
    for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) {
      const items = this.added.get(name);
      if (!items?.length) continue;
      const col = this.target.byName.get(name);
      const total = (col?.items.length ?? 0) + items.length;
      const text = items.join('');
      if (col?.el) {
        const el = col.el;
        const tag = xml.slice(el.start, el.startTagEnd);
        const counted = attr(el.attrs, 'count') !== undefined ? retag(tag, { count: String(total) }) : tag;
        if (el.selfClosing) edits.replace(el.start, el.end, `${counted.replace(/\s*\/>$/, '>')}${adopt(text, this.target.root.attrs)}</${qualifiedName(xml, el)}>`);
        else {
          edits.replace(el.start, el.startTagEnd, counted);
          const close = xml.lastIndexOf('</', el.end - 1);
          edits.insert(close, adopt(text, this.target.root.attrs));
        }
      } else {
        // Missing collection: inserted where the schema orders it.
        const after = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(name) + 1);
        const next = this.target.all.find((e) => e.depth === 1 && after.includes(e.name));
        const at = next ? next.start : xml.lastIndexOf('</');
        edits.insert(at, adopt(`<${name} count="${total}">${text}</${name}>`, this.target.root.attrs));
      }
    }
    return edits.apply(xml);
  }
}

/** Shared strings of the sheets we write, appended to the clerk's table. */
export class SharedStringsMerger {
  private readonly sourceItems: string[];
  private readonly map = new Map<number, number>();
  private readonly added: string[] = [];
  private readonly targetCount: number;
  private refs = 0;

  constructor(
    private readonly targetXml: string | undefined,
    sourceXml: string | undefined,
  ) {
    this.sourceItems = sourceXml ? sstItems(sourceXml) : [];
    this.targetCount = targetXml ? sstItems(targetXml).length : 0;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /** The clerk's index for exceljs's shared string `i`. */
  index(i: number): number {
    this.refs++;
    const known = this.map.get(i);
    if (known !== undefined) return known;
    const mapped = this.targetCount + this.added.length;
    this.added.push(this.sourceItems[i] ?? '<si><t></t></si>');
    this.map.set(i, mapped);
    return mapped;
  }

  result(): string {
    const total = this.targetCount + this.added.length;
    if (!this.targetXml)
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.refs}" uniqueCount="${total}">${this.added.join('')}</sst>`;
    const xml = this.targetXml;
    const [root] = locate(xml, 0);
    const edits = new Splices();
    const tag = xml.slice(root.start, root.startTagEnd);
    const count = Number(attr(root.attrs, 'count') ?? this.targetCount) + this.refs;
    const next = retag(tag, { ...(attr(root.attrs, 'count') !== undefined ? { count: String(count) } : {}), uniqueCount: String(total) });
    if (root.selfClosing) edits.replace(root.start, root.end, `${next.replace(/\s*\/>$/, '>')}${adopt(this.added.join(''), root.attrs)}</${qualifiedName(xml, root)}>`);
    else {
      edits.replace(root.start, root.startTagEnd, next);
      edits.insert(xml.lastIndexOf('</'), adopt(this.added.join(''), root.attrs));
    }
    return edits.apply(xml);
  }
}

/** An element's name as written (with its prefix), for its end tag. */
function qualifiedName(xml: string, el: Located): string {
  return /^<([^\s/>]+)/.exec(xml.slice(el.start, el.startTagEnd))![1];
}

function sstItems(xml: string): string[] {
  return locate(xml, 1)
    .filter((e) => e.depth === 1 && e.name === 'si')
    .map((e) => xml.slice(e.start, e.end));
}
