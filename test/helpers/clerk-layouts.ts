/**
 * Builds submissions the way county clerks retype the tables: their own column counts,
 * merges, title lines; then writes them as .xlsx (exceljs), .docx (WordprocessingML) or .html.
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import type { CompiledFormat } from '../../src/formats/compile';
import { headerLeaves } from '../../src/formats/compile';
import { columnLetter } from '../../src/layout/a1';

export type Cell = string | number | null;

export interface Layout {
  rows: Cell[][];
  /** 0-based inclusive [top, left, bottom, right]. */
  merges: [number, number, number, number][];
  hidden: number[];
}

export interface ClerkOptions {
  office: string;
  year: number;
  /** Row labels spread over three columns (with merges), or joined in one. */
  labelColumns?: 1 | 3;
}

/** One report in a clerk's layout. Values come from `cells` (by id); a missing id leaves the cell blank. */
export function clerkLayout(format: CompiledFormat, cells: Record<string, Cell>, o: ClerkOptions): Layout {
  const L: Layout = { rows: [], merges: [], hidden: [] };
  const lc = o.labelColumns ?? 3;
  const v = (id: string): Cell => (id in cells ? cells[id] : null);
  const push = (row: Cell[]) => L.rows.push(row) - 1;

  push([`${o.office}${o.year}年政府信息公开工作年度报告`]);
  for (const table of format.def.tables) {
    push([table.title]);
    if (table.layout === 'sections') {
      for (const s of table.sections) {
        push([s.caption]);
        push([table.labelHeader, ...s.columns.map((c) => c.label)]);
        for (const r of s.rows) push([r.label, ...s.columns.map((c) => v(`${table.id}.${r.id}.${c.id}`))]);
      }
    } else if (table.layout === 'matrix') {
      const leaves = headerLeaves(table.columns);
      const pad = Array(lc).fill('');
      const h1 = push([table.corner, ...pad.slice(1), '申请人情况', '', '', '', '', '', '总计']);
      push([...pad, '自然人', '法人或其他组织', '', '', '', '', '']);
      push([...pad, '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
      L.merges.push([h1, 0, h1 + 2, lc - 1], [h1, lc, h1, lc + 5], [h1, lc + 6, h1 + 2, lc + 6], [h1 + 1, lc, h1 + 2, lc], [h1 + 1, lc + 1, h1 + 1, lc + 5]);
      const starts = new Map<string, number>();
      table.rows.forEach((r) => {
        const values = leaves.map((l) => v(`requests.${r.id}.${l.ids.join('.')}`));
        if (lc === 1) {
          push([r.path.join(''), ...values]);
          return;
        }
        const labels: Cell[] = [...r.path];
        while (labels.length < 3) labels.push('');
        const i = push([...labels, ...values]);
        if (r.path.length === 1) L.merges.push([i, 0, i, 2]);
        if (r.path.length === 2) L.merges.push([i, 1, i, 2]);
        // Vertical merges of the group labels, the way the Word template prints them.
        for (let depth = 0; depth < r.path.length - 1; depth++) {
          const key = r.path.slice(0, depth + 1).join('/');
          if (!starts.has(key)) starts.set(key, i);
          else {
            L.rows[i][depth] = '';
            const top = starts.get(key)!;
            const m = L.merges.find((x) => x[0] === top && x[1] === depth && x[3] === depth);
            if (m) m[2] = i;
            else L.merges.push([top, depth, i, depth]);
          }
        }
      });
    } else {
      const leaves = headerLeaves(table.columns);
      const a = push(['行政复议', '', '', '', '', '行政诉讼']);
      push(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉']);
      push(['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
      for (let c = 0; c < 5; c++) L.merges.push([a + 1, c, a + 2, c]);
      L.merges.push([a, 0, a, 4], [a, 5, a, 14], [a + 1, 5, a + 1, 9], [a + 1, 10, a + 1, 14]);
      push(leaves.map((l) => v(`appeals.${l.ids.join('.')}`)));
    }
  }
  return L;
}

/** Finds the row whose joined text contains `label`. */
export function rowOf(L: Layout, label: string, from = 0): number {
  const i = L.rows.findIndex((r, k) => k >= from && r.join('').includes(label));
  if (i < 0) throw new Error(`no row ${label}`);
  return i;
}

export function removeColumn(L: Layout, col: number, fromRow: number, toRow: number): void {
  for (let r = fromRow; r <= toRow; r++) L.rows[r].splice(col, 1);
  // As Excel does: merges right of the column move left, merges across it shrink.
  for (const m of L.merges) {
    if (m[0] > toRow || m[2] < fromRow) continue;
    if (m[1] > col) m[1]--;
    if (m[3] >= col) m[3]--;
  }
  L.merges = L.merges.filter((m) => m[3] >= m[1]);
}

export function insertRow(L: Layout, at: number, row: Cell[]): void {
  L.rows.splice(at, 0, row);
  for (const m of L.merges) {
    if (m[0] >= at) m[0]++;
    if (m[2] >= at) m[2]++;
  }
  L.hidden = L.hidden.map((h) => (h >= at ? h + 1 : h));
}

export function append(a: Layout, b: Layout): Layout {
  const off = a.rows.length + 2;
  return {
    rows: [...a.rows, [], [], ...b.rows],
    merges: [...a.merges, ...b.merges.map(([t, l, bo, r]) => [t + off, l, bo + off, r] as [number, number, number, number])],
    hidden: [...a.hidden, ...b.hidden.map((h) => h + off)],
  };
}

export async function toXlsx(L: Layout, sheet = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  L.rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && (ws.getCell(r + 1, c + 1).value = v)));
  for (const [t, l, b, r] of L.merges) ws.mergeCells(`${columnLetter(l + 1)}${t + 1}:${columnLetter(r + 1)}${b + 1}`);
  for (const h of L.hidden) ws.getRow(h + 1).hidden = true;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Splits the layout into paragraphs (one-cell rows) and tables (runs of wider rows). */
function blocks(L: Layout): ({ p: string } | { rows: number[] })[] {
  const out: ({ p: string } | { rows: number[] })[] = [];
  L.rows.forEach((row, i) => {
    const wide = row.length > 1;
    const last = out[out.length - 1];
    if (!wide) out.push({ p: String(row[0] ?? '') });
    else if (last && 'rows' in last && last.rows[last.rows.length - 1] === i - 1) last.rows.push(i);
    else out.push({ rows: [i] });
  });
  return out;
}

function mergeAt(L: Layout, r: number, c: number) {
  return L.merges.find(([t, l, b, ri]) => r >= t && r <= b && c >= l && c <= ri);
}

export function toDocx(L: Layout, extraBody = ''): Buffer {
  const width = Math.max(...L.rows.map((r) => r.length));
  const body = blocks(L)
    .map((b) => {
      if ('p' in b) return `<w:p><w:r><w:t xml:space="preserve">${esc(b.p)}</w:t></w:r></w:p>`;
      const trs = b.rows.map((r) => {
        const tcs: string[] = [];
        for (let c = 0; c < width; c++) {
          const m = mergeAt(L, r, c);
          if (m && m[1] !== c) continue;
          const span = m ? m[3] - m[1] + 1 : 1;
          const vm = m && m[2] > m[0] ? (r === m[0] ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '';
          const text = m && r !== m[0] ? '' : String(L.rows[r][c] ?? '');
          tcs.push(`<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${vm}</w:tcPr><w:p><w:r><w:t>${esc(text)}</w:t></w:r></w:p></w:tc>`);
        }
        return `<w:tr>${tcs.join('')}</w:tr>`;
      });
      return `<w:tbl><w:tblPr/>${trs.join('')}</w:tbl><w:p/>`;
    })
    .join('');
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}${extraBody}<w:sectPr/></w:body></w:document>`;
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(doc),
    }),
  );
}

export function toHtml(L: Layout): string {
  const width = Math.max(...L.rows.map((r) => r.length));
  const body = blocks(L)
    .map((b) => {
      if ('p' in b) return `<p>${esc(b.p)}</p>`;
      const trs = b.rows.map((r) => {
        const tds: string[] = [];
        for (let c = 0; c < width; c++) {
          const m = mergeAt(L, r, c);
          if (m && (m[0] !== r || m[1] !== c)) continue;
          const attrs = m ? ` colspan="${m[3] - m[1] + 1}" rowspan="${m[2] - m[0] + 1}"` : '';
          tds.push(`<td${attrs}>${esc(String(L.rows[r][c] ?? ''))}</td>`);
        }
        return `<tr>${tds.join('')}</tr>`;
      });
      return `<table border="1"><tbody>${trs.join('')}</tbody></table>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开工作年度报告</title></head><body>${body}</body></html>`;
}
