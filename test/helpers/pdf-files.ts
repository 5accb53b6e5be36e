/**
 * Real PDFs for the tests, written by LibreOffice: Word documents whose tables are ruled
 * (or not), and text laid out in space-aligned columns. Also the hostile variants made with
 * poppler, img2pdf and qpdf, and crafted ones written byte by byte.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { strToU8, zipSync } from 'fflate';
import type { Layout } from './clerk-layouts';

export const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? 'soffice';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text width in columns of a monospaced CJK font: Chinese characters take two. */
function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u201c\u201d]/.test(ch) ? 2 : 1;
  return n;
}

function mergeAt(L: Layout, r: number, c: number) {
  return L.merges.find(([t, l, b, ri]) => r >= t && r <= b && c >= l && c <= ri);
}

/** Paragraphs (one-cell rows) and tables (runs of wider rows), each table as wide as its own rows. */
function blocks(L: Layout): ({ p: string } | { rows: number[]; width: number })[] {
  const out: ({ p: string } | { rows: number[]; width: number })[] = [];
  L.rows.forEach((row, i) => {
    const last = out[out.length - 1];
    if (row.length <= 1) out.push({ p: String(row[0] ?? '') });
    else if (last && 'rows' in last && last.rows[last.rows.length - 1] === i - 1) {
      last.rows.push(i);
      last.width = Math.max(last.width, row.length);
    } else out.push({ rows: [i], width: row.length });
  });
  return out;
}

/** Column widths in twips for an A4 page with 2 cm margins: labels wide, figures narrow. */
function columnWidths(width: number, labels: number): number[] {
  const total = 9638;
  if (labels === 0) return Array(width).fill(Math.floor(total / width));
  const label = width - labels >= 7 ? 1500 : Math.floor(total * 0.4);
  const rest = Math.floor((total - label * labels) / (width - labels));
  return Array.from({ length: width }, (_, i) => (i < labels ? label : rest));
}

const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');

/**
 * A Word document as a clerk types it: title and captions as paragraphs, each table with its
 * own column grid, ruled with single lines unless `borders` is false.
 */
export function wordDocument(L: Layout, o: { borders: boolean }): Buffer {
  const body = blocks(L)
    .map((b) => {
      if ('p' in b) return `<w:p><w:r><w:t xml:space="preserve">${esc(b.p)}</w:t></w:r></w:p>`;
      // The request matrix has three label columns; the appeal table none; the others one.
      const labels = b.width === 15 ? 0 : b.width >= 10 ? 3 : 1;
      const widths = columnWidths(b.width, labels);
      const trs = b.rows.map((r) => {
        const tcs: string[] = [];
        for (let c = 0; c < b.width; c++) {
          const m = mergeAt(L, r, c);
          if (m && m[1] !== c) continue;
          const span = m ? m[3] - m[1] + 1 : 1;
          const w = widths.slice(c, c + span).reduce((s, x) => s + x, 0);
          const vm = m && m[2] > m[0] ? (r === m[0] ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '';
          const v = L.rows[r][c];
          const text = m && r !== m[0] ? '' : v === null || v === undefined ? '' : String(v);
          tcs.push(
            `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${vm}</w:tcPr><w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p></w:tc>`,
          );
        }
        return `<w:tr>${tcs.join('')}</w:tr>`;
      });
      const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
      const pr = `<w:tblPr><w:tblW w:w="${widths.reduce((s, x) => s + x, 0)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>${o.borders ? `<w:tblBorders>${BORDERS}</w:tblBorders>` : ''}</w:tblPr>`;
      return `<w:tbl>${pr}<w:tblGrid>${grid}</w:tblGrid>${trs.join('')}</w:tbl><w:p/>`;
    })
    .join('');
  const sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1134" w:bottom="1440" w:left="1134" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>';
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}${sect}</w:body></w:document>`;
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

/** Tab-separated text laid out in columns padded with spaces, as text copied into a fixed-width editor looks. */
export function spaceAligned(text: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  // Each run of tab-separated lines is one table: its columns get one width.
  for (let i = 0; i < lines.length;) {
    if (!lines[i].includes('\t')) {
      out.push(lines[i++]);
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j].includes('\t')) j++;
    const rows = lines.slice(i, j).map((l) => l.split('\t').map((c) => c.trim()));
    const widths: number[] = [];
    for (const r of rows) r.forEach((c, k) => (widths[k] = Math.max(widths[k] ?? 0, displayWidth(c))));
    for (const r of rows)
      out.push(
        r
          .map((c, k) => c + ' '.repeat(widths[k] - displayWidth(c) + 2))
          .join('')
          .trimEnd(),
      );
    i = j;
  }
  return out.join('\n');
}

/** Text as a flat OpenDocument in a monospaced CJK font, small enough that the widest line fits an A4 page. */
export function monospacedDocument(text: string): string {
  const lines = text.split('\n');
  const widest = Math.max(...lines.map(displayWidth), 1);
  // A4 landscape with 1.5 cm margins is 756 pt wide; a column is half the font size.
  const size = Math.min(10, Math.floor((740 / widest) * 2 * 10) / 10);
  const para = (l: string) => `<text:p text:style-name="M">${esc(l).replace(/ {2,}/g, (s) => ` <text:s text:c="${s.length - 1}"/>`)}</text:p>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Mono" svg:font-family="'Noto Sans Mono CJK SC'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:automatic-styles>
<style:page-layout style:name="P"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm"/></style:page-layout>
<style:style style:name="M" style:family="paragraph"><style:text-properties style:font-name="Mono" style:font-name-asian="Mono" fo:font-size="${size}pt" style:font-size-asian="${size}pt"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="P"/></office:master-styles>
<office:body><office:text>${lines.map(para).join('')}</office:text></office:body></office:document>`;
}

/** Converts files to PDF with LibreOffice; returns the PDF paths. */
export function toPdf(files: string[], outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], { timeout: 180000, stdio: 'ignore' });
  return files.map((f) => join(outDir, basename(f).replace(/\.[^.]+$/, '.pdf')));
}

/** A scan: every page rendered to an image by poppler and wrapped back into a PDF by img2pdf; no text layer. */
function scanned(pdf: string, out: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-scan-'));
  execFileSync('pdftoppm', ['-r', '60', '-gray', '-png', pdf, join(dir, 'page')], { timeout: 60000 });
  const images = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
  execFileSync('img2pdf', [...images, '-o', out], { timeout: 60000 });
}

/** Encrypted with a user password by qpdf: cannot be opened without it. */
function encrypted(pdf: string, out: string): void {
  execFileSync('qpdf', ['--encrypt', 'user-pw', 'owner-pw', '256', '--', pdf, out], { timeout: 60000 });
}

/** A report as its office publishes it, a ruled Word table saved as PDF by LibreOffice, and its scan. */
export function reportPdfAndScan(dir: string, L: Layout, office: string): { pdf: string; scan: string } {
  const docx = join(dir, `${office}.docx`);
  writeFileSync(docx, wordDocument(L, { borders: true }));
  const [pdf] = toPdf([docx], dir);
  const scan = join(dir, '扫描件.pdf');
  scanned(pdf, scan);
  return { pdf, scan };
}

/** A minimal PDF written object by object, with a correct cross-reference table. */
function handmadePdf(objects: Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [strToU8('%PDF-1.4\n')];
  let length = parts[0].length;
  const offsets: number[] = [];
  const push = (b: Uint8Array) => {
    parts.push(b);
    length += b.length;
  };
  objects.forEach((o, k) => {
    offsets.push(length);
    push(strToU8(`${k + 1} 0 obj\n`));
    push(o);
    push(strToU8('\nendobj\n'));
  });
  const xref = length;
  push(strToU8(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`));
  push(strToU8(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function pagesPdf(pages: number, resources = ''): Uint8Array {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ].map((s) => strToU8(s));
  for (let i = 0; i < pages; i++) {
    objs.push(strToU8(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> ${resources} >> /Contents ${5 + 2 * i} 0 R >>`));
    const s = `BT /F1 12 Tf 72 720 Td (2023 ${i + 1}) Tj ET`;
    objs.push(strToU8(`<< /Length ${s.length} >>\nstream\n${s}\nendstream`));
  }
  return handmadePdf(objs);
}

/** Every cross-reference offset wrong and startxref pointing nowhere: PDF.js rebuilds the table by scanning the objects. */
function breakXref(pdf: Uint8Array): Uint8Array {
  const text = new TextDecoder('latin1').decode(pdf);
  const at = text.lastIndexOf('xref');
  const tail = text
    .slice(at)
    .replace(/(\d{10}) (\d{5}) n/g, (_, o: string, g: string) => `${String((Number(o) * 7919) % 99999).padStart(10, '0')} ${g} n`)
    .replace(/startxref\s+\d+/, 'startxref\n123');
  return Uint8Array.from(text.slice(0, at) + tail, (c) => c.charCodeAt(0));
}

export interface PdfCase {
  file: string;
  what: string;
  code: 0 | 1 | 2;
  says: string;
}

/** The hostile and broken PDFs, made from a real LibreOffice PDF of `docx` where they need one. */
export function makeHostilePdfs(dir: string, docx: Buffer): PdfCase[] {
  const work = mkdtempSync(join(tmpdir(), 'nianbao-hostile-pdf-'));
  writeFileSync(join(work, 'report.docx'), docx);
  const [real] = toPdf([join(work, 'report.docx')], work);
  const bytes = new Uint8Array(readFileSync(real));
  const put = (name: string, data: Uint8Array) => writeFileSync(join(dir, name), data);
  const cases: PdfCase[] = [];
  scanned(real, join(dir, 'scanned.pdf'));
  cases.push({ file: 'scanned.pdf', what: '扫描件 PDF：页面图像，没有文字层', code: 2, says: '扫描件' });
  encrypted(real, join(dir, 'encrypted.pdf'));
  cases.push({ file: 'encrypted.pdf', what: '设置了打开密码的 PDF', code: 2, says: '已加密' });
  put('truncated.pdf', bytes.subarray(0, Math.floor(bytes.length / 2)));
  cases.push({ file: 'truncated.pdf', what: '截断一半的 PDF', code: 2, says: '文件已损坏' });
  put('broken-xref.pdf', breakXref(bytes));
  cases.push({ file: 'broken-xref.pdf', what: '交叉引用表全部错位的 PDF（对象完好，重建后照常读取）', code: 0, says: '某县' });
  put('pages-300.pdf', pagesPdf(300));
  cases.push({ file: 'pages-300.pdf', what: '300 页的 PDF', code: 2, says: 'PDF 超过 200 页' });
  put('deep-nesting.pdf', pagesPdf(1, `/X ${'['.repeat(100000)}${']'.repeat(100000)}`));
  cases.push({ file: 'deep-nesting.pdf', what: '10 万层嵌套数组的 PDF', code: 2, says: '文件已损坏' });
  const rand = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const r = rand(17);
  put(
    'garbage.pdf',
    Uint8Array.from({ length: 20000 }, (_, i) => (i < 9 ? '%PDF-1.7\n'.charCodeAt(i) : Math.floor(r() * 256))),
  );
  cases.push({ file: 'garbage.pdf', what: 'PDF 文件头加随机字节', code: 2, says: '文件已损坏' });
  return cases;
}
