/**
 * The drafted report as a Word document in 公文 style: A4 with the standard margins, the title in
 * 小标宋 二号, headings in 黑体 三号, body in 仿宋_GB2312 三号 at a fixed line pitch, tables with full
 * borders and the official merges, placeholders highlighted yellow, page numbers 「— 1 —」.
 * Loaded on demand: the library is kept out of the pages until a report is drafted.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IFontAttributesProperties,
} from 'docx';
import { FONTS, LINE_PT, PAGE_MM, SIZES } from './fonts';
import { withPlaceholders, type Block, type ParagraphLayout, type DraftCell, type DraftDocument, type DraftFigure, type DraftTable, type FigureImage, type Run } from './model';

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
const TEXT_WIDTH = twips(PAGE_MM.width - PAGE_MM.left - PAGE_MM.right);
const halfPoints = (pt: number) => Math.round(pt * 2);
const LINE = Math.round(LINE_PT * 20);
/** Two characters of body text: the first-line indent. */
const INDENT = SIZES.body * 2 * 20;

function font(list: string[]): IFontAttributesProperties {
  // Word and WPS substitute a missing font from its name; the first of each list is the 公文 font.
  return { eastAsia: list[0], ascii: FONTS.latin, hAnsi: FONTS.latin };
}

function textRuns(runs: Run[], fonts: string[], size: number): TextRun[] {
  return runs.map((r) => new TextRun({ text: r.text, font: font(fonts), size: halfPoints(size), ...(r.placeholder ? { highlight: 'yellow' as const } : {}) }));
}

function body(runs: Run[], keepNext = false, layout: ParagraphLayout = {}): Paragraph {
  const right = layout.rightChars ? { right: SIZES.body * 20 * layout.rightChars } : {};
  return new Paragraph({
    keepNext,
    children: textRuns(runs, FONTS.body, SIZES.body),
    alignment: layout.align === 'right' ? AlignmentType.RIGHT : layout.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
    indent: { ...(layout.indent === false ? {} : { firstLine: INDENT }), ...right },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
  });
}

function heading(text: string, fonts: string[]): Paragraph {
  return new Paragraph({
    children: textRuns([{ text }], fonts, SIZES.heading),
    indent: { firstLine: INDENT },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    keepNext: true,
  });
}

/** Tables of at most this many rows are kept on one page. */
const KEEP_TOGETHER = 20;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

/** Grid widths in twips summing exactly to the text width. */
function gridWidths(t: DraftTable): number[] {
  const out = t.widths.map((w) => Math.floor(w * TEXT_WIDTH));
  out[out.length - 1] += TEXT_WIDTH - out.reduce((a, b) => a + b, 0);
  return out;
}

function table(t: DraftTable): Table {
  const grid = gridWidths(t);
  const rows = t.rows.map((row, i) => {
    let col = 0;
    // Where each cell starts: skip columns held by a cell merged down from a row above.
    const held = heldColumns(t, i);
    const cells = row.cells.map((c: DraftCell) => {
      while (held.has(col)) col++;
      const width = grid.slice(col, col + c.colSpan).reduce((a, b) => a + b, 0);
      col += c.colSpan;
      return new TableCell({
        children: [
          new Paragraph({
            children: textRuns([{ text: c.text }], FONTS.table, SIZES.table),
            alignment: ALIGN[c.align],
            spacing: { line: 240, lineRule: LineRuleType.AUTO },
          }),
        ],
        columnSpan: c.colSpan,
        rowSpan: c.rowSpan,
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        margins: { left: 57, right: 57, top: 20, bottom: 20 },
      });
    });
    // A short table stays on one page; a long one keeps its heading with its first row.
    const keep = i < t.rows.length - 1 && (t.rows.length <= KEEP_TOGETHER || row.header || row.cells.some((c) => c.role === 'caption'));
    return new TableRow({ children: cells, tableHeader: row.header, cantSplit: true, keepNext: keep });
  });
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: grid,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });
}

/** Grid columns of row `r` covered by cells merged down from rows above. */
function heldColumns(t: DraftTable, r: number): Set<number> {
  const held = new Set<number>();
  const below: number[] = []; // rows still covered, by grid column
  t.rows.forEach((row, i) => {
    if (i > r) return;
    let col = 0;
    const taken = new Set<number>();
    for (let k = 0; k < below.length; k++) if (below[k] > 0) taken.add(k);
    for (const c of row.cells) {
      while (taken.has(col)) col++;
      for (let k = 0; k < c.colSpan; k++) below[col + k] = c.rowSpan;
      col += c.colSpan;
    }
    if (i === r) for (const k of taken) held.add(k);
    for (let k = 0; k < below.length; k++) if (below[k] > 0) below[k]--;
  });
  return held;
}

/** A figure: the chart (SVG, with its PNG for programs without SVG), its caption and its notes, kept on one page. */
function figure(f: DraftFigure, image: FigureImage | undefined): Paragraph[] {
  if (!image?.png) throw new Error(`图${f.number} has no image`);
  const small = (runs: Run[], align: (typeof AlignmentType)[keyof typeof AlignmentType], fonts: string[], keepNext: boolean) =>
    new Paragraph({ children: textRuns(runs, fonts, SIZES.table), alignment: align, keepNext, spacing: { line: 300, lineRule: LineRuleType.AUTO } });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: 'svg',
          data: new TextEncoder().encode(image.svg),
          fallback: { type: 'png', data: image.png },
          transformation: { width: image.width, height: image.height },
          altText: {
            name: `图${f.number}`,
            title: f.caption,
            description: `${f.caption}：${f.chart.categories.map((c, i) => `${c.label} ${f.chart.series.map((s) => s.values[i].text).join('、')}`).join('；')}`,
          },
        }),
      ],
    }),
    small([{ text: f.caption }], AlignmentType.CENTER, FONTS.heading, f.notes.length > 0),
    ...f.notes.map((n, i) => small([{ text: `${i ? '　　' : '注：'}${n}` }], AlignmentType.LEFT, FONTS.table, i < f.notes.length - 1)),
    new Paragraph({ children: [], spacing: { line: 240, lineRule: LineRuleType.AUTO } }),
  ];
}

function footer(): Footer {
  const size = halfPoints(14);
  const f = font(FONTS.table);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: f, size })],
      }),
    ],
  });
}

function buildDocx(doc: DraftDocument, images: Map<number, FigureImage> = new Map()): Document {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      children: doc.titleLines.flatMap((line, i) =>
        withPlaceholders(line).map(
          (r, j) => new TextRun({ text: r.text, font: font(FONTS.title), size: halfPoints(SIZES.title), break: i && !j ? 1 : 0, ...(r.placeholder ? { highlight: 'yellow' as const } : {}) }),
        ),
      ),
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(SIZES.title * 1.5 * 20), lineRule: LineRuleType.EXACT, after: LINE },
    }),
    ...(doc.addressee ? [body([{ text: doc.addressee }], true, { indent: false })] : []),
    body(doc.opening),
  ];
  const blocks = (list: Block[]) =>
    list.forEach((b, i) => {
      if (b.type === 'subheading') children.push(heading(b.text, FONTS.subheading));
      // A sentence that leads into a table stays on the table's page.
      else if (b.type === 'paragraph') children.push(body(b.runs, list[i + 1]?.type === 'table', b));
      else if (b.type === 'table') children.push(table(b.table), new Paragraph({ children: [], spacing: { line: 240, lineRule: LineRuleType.AUTO } }));
      else children.push(...figure(b.figure, images.get(b.figure.number)));
    });
  for (const s of doc.sections) {
    children.push(heading(s.title, FONTS.heading));
    blocks(s.blocks);
  }
  blocks(doc.closing ?? []);
  return new Document({
    title: doc.title,
    creator: doc.office,
    styles: { default: { document: { run: { font: font(FONTS.body), size: halfPoints(SIZES.body) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(PAGE_MM.width), height: twips(PAGE_MM.height) },
            margin: { top: twips(PAGE_MM.top), bottom: twips(PAGE_MM.bottom), left: twips(PAGE_MM.left), right: twips(PAGE_MM.right), footer: twips(20) },
          },
        },
        footers: { default: footer() },
        children,
      },
    ],
  });
}

/** `images`: each figure's drawing, by its number. */
export async function renderDocx(doc: DraftDocument, images?: Map<number, FigureImage>): Promise<Uint8Array> {
  return Packer.pack(buildDocx(doc, images), 'uint8array');
}
