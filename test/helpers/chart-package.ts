/**
 * The native charts of an .xlsx package, found as a spreadsheet program finds them: workbook →
 * sheet → its drawing → the drawing's charts, every step through the relationships, every part
 * with its declared content type. Read with the tests' own regular expressions, not the product's.
 */
import { unzipSync } from 'fflate';

export interface PackageChart {
  part: string;
  title: string;
  /** The formulas of the categories and values, and what the part caches for them. */
  categories: string;
  values: string;
  cachedCategories: string[];
  cachedValues: (number | null)[];
  /** The drawing's anchor: 0-based from column and row. */
  from: { col: number; row: number };
}

const decode = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : '');

function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function rels(parts: Record<string, Uint8Array>, part: string): { id: string; type: string; target: string }[] {
  const at = part.lastIndexOf('/');
  const xml = decode(parts[`${part.slice(0, at)}/_rels/${part.slice(at + 1)}.rels`]);
  return [...xml.matchAll(/<Relationship\b([^>]*)\/>/g)].map((m) => {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1])?.[1] ?? '';
    return { id: attr('Id'), type: attr('Type').split('/').pop()!, target: resolve(part, attr('Target')) };
  });
}

function contentType(parts: Record<string, Uint8Array>, part: string): string | undefined {
  return new RegExp(`<Override[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*ContentType="([^"]*)"`).exec(decode(parts['[Content_Types].xml']))?.[1];
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Every sheet's charts, by sheet name; throws where a relationship points at nothing or a part has the wrong type. */
export function packageCharts(bytes: Uint8Array): Map<string, PackageChart[]> {
  const parts = unzipSync(bytes);
  const wb = decode(parts['xl/workbook.xml']);
  const wbRels = rels(parts, 'xl/workbook.xml');
  const out = new Map<string, PackageChart[]>();
  for (const m of wb.matchAll(/<sheet\b([^>]*)\/>/g)) {
    const name = unescape(/\bname="([^"]*)"/.exec(m[1])![1]);
    const id = /\br:id="([^"]*)"/.exec(m[1])![1];
    const sheet = wbRels.find((r) => r.id === id)!.target;
    const drawings = rels(parts, sheet).filter((r) => r.type === 'drawing');
    if (!drawings.length) continue;
    const charts: PackageChart[] = [];
    for (const d of drawings) {
      if (!parts[d.target]) throw new Error(`${name}: drawing ${d.target} missing`);
      if (contentType(parts, d.target) !== 'application/vnd.openxmlformats-officedocument.drawing+xml') throw new Error(`${d.target}: wrong content type`);
      if (!new RegExp(`<drawing r:id="${d.id}"/>`).test(decode(parts[sheet]))) throw new Error(`${sheet} does not show ${d.id}`);
      const drawing = decode(parts[d.target]);
      const dRels = rels(parts, d.target);
      for (const a of drawing.matchAll(/<xdr:twoCellAnchor\b[\s\S]*?<\/xdr:twoCellAnchor>/g)) {
        const rid = /<c:chart\b[^>]*r:id="([^"]*)"/.exec(a[0])?.[1];
        if (!rid) continue;
        const part = dRels.find((r) => r.id === rid)!.target;
        if (!parts[part]) throw new Error(`${name}: chart ${part} missing`);
        if (contentType(parts, part) !== 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml') throw new Error(`${part}: wrong content type`);
        const xml = decode(parts[part]);
        const cat = /<c:cat>[\s\S]*?<c:f>([^<]*)<\/c:f>([\s\S]*?)<\/c:cat>/.exec(xml)!;
        const val = /<c:val>[\s\S]*?<c:f>([^<]*)<\/c:f>([\s\S]*?)<\/c:val>/.exec(xml)!;
        const points = (s: string) => [...s.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((p) => [Number(p[1]), unescape(p[2])] as const);
        const count = Number(/<c:ptCount val="(\d+)"/.exec(val[2])![1]);
        const values: (number | null)[] = Array(count).fill(null);
        for (const [i, v] of points(val[2])) values[i] = Number(v);
        const from = /<xdr:from><xdr:col>(\d+)<\/xdr:col>[\s\S]*?<xdr:row>(\d+)<\/xdr:row>/.exec(a[0])!;
        charts.push({
          part,
          title: [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => unescape(t[1])).join(''),
          categories: unescape(cat[1]),
          values: unescape(val[1]),
          cachedCategories: points(cat[2]).map((p) => p[1]),
          cachedValues: values,
          from: { col: Number(from[1]), row: Number(from[2]) },
        });
      }
    }
    out.set(name, charts);
  }
  return out;
}
