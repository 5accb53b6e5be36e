/**
 * The drafted report as one self-contained HTML page for the government portal: semantic
 * headings, tables with the official merges (colspan, rowspan, header cells), no script.
 */
import { FONTS, SIZES } from './fonts';
import { withPlaceholders, type Block, type DraftCell, type DraftDocument, type DraftFigure, type DraftRow, type DraftTable, type FigureImage, type Run } from './model';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function family(list: string[]): string {
  return [...list.map((f) => `"${f}"`), 'serif'].join(', ');
}

const CSS = `
.nb-report { max-width: 168mm; margin: 0 auto; padding: 12mm 8mm; font-family: ${family(FONTS.body)}; font-size: ${SIZES.body}pt; line-height: 1.75; color: #000; }
.nb-report h1 { font-family: ${family(FONTS.title)}; font-size: ${SIZES.title}pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 1em; }
.nb-report h2 { font-family: ${family(FONTS.heading)}; font-size: ${SIZES.heading}pt; font-weight: normal; margin: 1em 0 0.25em; text-indent: 2em; }
.nb-report h3 { font-family: ${family(FONTS.subheading)}; font-size: ${SIZES.body}pt; font-weight: normal; margin: 0.5em 0 0; text-indent: 2em; }
.nb-report p { margin: 0; text-indent: 2em; text-align: justify; }
.nb-report mark.nb-placeholder { background: #ffff00; color: inherit; }
.nb-report table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0.5em 0 1em; font-family: ${family(FONTS.table)}; font-size: ${SIZES.table}pt; line-height: 1.4; }
.nb-report th, .nb-report td { border: 1px solid #000; padding: 2px 3px; font-weight: normal; vertical-align: middle; text-align: center; word-break: break-all; }
.nb-report th.nb-label { text-align: left; }
.nb-report figure { margin: 0.5em 0 1em; text-align: center; break-inside: avoid; }
.nb-report figure svg { width: 100%; max-width: 156mm; height: auto; }
.nb-report figcaption { font-family: ${family(FONTS.heading)}; font-size: ${SIZES.table}pt; line-height: 1.5; }
.nb-report figure .nb-note { font-family: ${family(FONTS.table)}; font-size: ${SIZES.table}pt; line-height: 1.5; text-indent: 0; text-align: left; }
.nb-report thead th, .nb-report th.nb-caption { font-weight: bold; }
`;

function runs(list: Run[]): string {
  return list.map((r) => (r.placeholder ? `<mark class="nb-placeholder">${esc(r.text)}</mark>` : esc(r.text))).join('');
}

function cell(c: DraftCell): string {
  const span = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
  const text = esc(c.text);
  if (c.role === 'value') return `<td${span}>${text}</td>`;
  if (c.role === 'label') return `<th scope="row" class="nb-label"${span}>${text}</th>`;
  if (c.role === 'caption') return `<th scope="colgroup" class="nb-caption"${span}>${text}</th>`;
  return `<th scope="${c.colSpan > 1 ? 'colgroup' : 'col'}"${span}>${text}</th>`;
}

function rows(list: DraftRow[]): string {
  return list.map((r) => `<tr>${r.cells.map(cell).join('')}</tr>`).join('\n');
}

function table(t: DraftTable): string {
  const head = t.rows.filter((r) => r.header);
  const body = t.rows.filter((r) => !r.header);
  const cols = t.widths.map((w) => `<col style="width:${(w * 100).toFixed(2)}%">`).join('');
  return [`<table data-table="${esc(t.id)}">`, `<colgroup>${cols}</colgroup>`, head.length ? `<thead>\n${rows(head)}\n</thead>` : '', `<tbody>\n${rows(body)}\n</tbody>`, '</table>']
    .filter(Boolean)
    .join('\n');
}

/** The chart as it was drawn (its SVG inline, so the page stays one file), its caption and notes. */
function figure(f: DraftFigure, image: FigureImage | undefined): string {
  if (!image) throw new Error(`图${f.number} has no image`);
  // The SVG as ECharts wrote it, less its fixed size: the page's CSS scales it to the column.
  const svg = image.svg.replace(/^<svg([^>]*?) width="[^"]*" height="[^"]*"/, `<svg$1 role="img" aria-label="${esc(f.caption)}"`);
  const notes = f.notes.map((n, i) => `<p class="nb-note">${i ? '' : '注：'}${esc(n)}</p>`).join('');
  return `<figure data-figure="${f.number}">${svg}<figcaption>${esc(f.caption)}</figcaption>${notes}</figure>`;
}

/** `images`: each figure's drawing, by its number. */
export function renderHtml(doc: DraftDocument, images: Map<number, FigureImage> = new Map()): string {
  const body: string[] = [`<h1>${doc.titleLines.map((l) => runs(withPlaceholders(l))).join('<br>')}</h1>`];
  if (doc.addressee) body.push(`<p style="text-indent:0">${esc(doc.addressee)}</p>`);
  body.push(`<p>${runs(doc.opening)}</p>`);
  const blocks = (list: Block[]) => {
    for (const b of list) {
      if (b.type === 'subheading') body.push(`<h3>${esc(b.text)}</h3>`);
      else if (b.type === 'paragraph') {
        const style = [b.align ? `text-align:${b.align}` : '', b.indent === false ? 'text-indent:0' : '', b.rightChars ? `padding-right:${b.rightChars}em` : ''].filter(Boolean).join(';');
        body.push(`<p${style ? ` style="${style}"` : ''}>${runs(b.runs)}</p>`);
      } else if (b.type === 'table') body.push(table(b.table));
      else body.push(figure(b.figure, images.get(b.figure.number)));
    }
  };
  for (const s of doc.sections) {
    body.push('<section>', `<h2>${esc(s.title)}</h2>`);
    blocks(s.blocks);
    body.push('</section>');
  }
  blocks(doc.closing ?? []);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(doc.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<article class="nb-report">',
    ...body,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
