/**
 * Markup and breaks that published reports carry and clerks' own files do not: Word's HTML as
 * government CMSs publish it, header words broken inside a word, tables numbered as appendix
 * tables. Each variant is made from one report and must read to exactly its figures.
 */
import { formats } from '../../src/formats';
import { readReports } from '../helpers/read-file';
import type { Report } from '../../src/model/report';
import { clerkLayout, toHtml, type Layout } from '../helpers/clerk-layouts';
import { seeded, validCells } from '../helpers/random-report';

const F2021 = formats.byId('gov-2021')!;
const cells = validCells(F2021, seeded(97));
const OFFICE = '某某县司法局';
const layout = (labelColumns: 1 | 3 = 3): Layout => clerkLayout(F2021, cells, { office: OFFICE, year: 2023, labelColumns });

async function readOne(name: string, text: string): Promise<Report> {
  const { reports, problems } = await readReports(name, new TextEncoder().encode(text), formats);
  expect(problems).toEqual([]);
  expect(reports).toHaveLength(1);
  return reports[0];
}

function expectExact(r: Report): void {
  expect({ format: r.format, office: r.office, year: r.year }).toEqual({ format: 'gov-2021', office: OFFICE, year: 2023 });
  const read = Object.fromEntries(F2021.cells.map((c) => [c.id, r.readings[c.index]?.status === 'invalid' ? r.readings[c.index]!.raw : (r.readings[c.index]?.value ?? null)]));
  expect(read).toEqual(Object.fromEntries(F2021.cells.map((c) => [c.id, cells[c.id] ?? null])));
}

/** Word's "save as web page", as CMSs keep it: every cell a MsoNormal paragraph with spans, fonts and empty o:p. */
function wordHtml(html: string): string {
  const body = html
    .replace(/<td([^>]*)>([^<]*)<\/td>/g, (_, attrs: string, text: string) =>
      text === ''
        ? `<td${attrs} width=57 valign=top style='width:42.5pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'><p class=MsoNormal align=center style='text-align:center'><span lang=EN-US><o:p>&nbsp;</o:p></span></p></td>`
        : `<td${attrs} width=57 valign=top style='width:42.5pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'><p class=MsoNormal align=center style='text-align:center;mso-line-height-rule:exactly'><span style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体'><font face="仿宋_GB2312">${text}</font><span lang=EN-US><o:p></o:p></span></span></p></td>`,
    )
    .replace(
      /<p>([^<]*)<\/p>/g,
      "<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>$1<span lang=EN-US><o:p></o:p></span></span></p>",
    )
    .replace(/<table border="1">/g, "<div align=center><table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>")
    .replace(/<\/table>/g, '</table></div>');
  return body
    .replace('<html>', '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">')
    .replace(
      '<body>',
      "<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'><div class=WordSection1 style='layout-grid:15.6pt'><!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->",
    )
    .replace('</body>', '</div></body>');
}

test("Word's HTML as a CMS publishes it (MsoNormal paragraphs, spans, fonts, empty o:p, tables in divs): every figure", async () => {
  const html = wordHtml(toHtml(layout()));
  expect(html).toContain('<o:p></o:p>');
  expect(html).toContain('<font face="仿宋_GB2312">');
  expect(html).toContain('<div align=center><table class=MsoNormalTable');
  expect(html).not.toMatch(/<td>[^<]/);
  expectExact(await readOne(`${OFFICE}.html`, html));
});

test('header words broken inside a word (商业企/业, 科研机 构) in a web page and in copied text: every figure', async () => {
  const html = toHtml(layout())
    .replace('<td>商业企业</td>', '<td><p>商业企</p><p>业</p></td>')
    .replace('<td>科研机构</td>', '<td>科研机<br>构</td>')
    .replace('<td>社会公益组织</td>', '<td><p>社会公</p><p>益组织</p></td>')
    .replace('<td>法律服务机构</td>', '<td>法律服<br/>务机构</td>');
  expect(html).toContain('商业企</p><p>业');
  expectExact(await readOne(`${OFFICE}.html`, html));

  const text = layout(1)
    .rows.map((r) => r.map((c) => (c === null ? '' : String(c))).join('\t'))
    .join('\n')
    .replace('商业企业', '商业企 业')
    .replace('科研机构', '科研机 构')
    .replace('法律服务机构', '法律服 务机构');
  expect(text).toContain('商业企 业');
  expectExact(await readOne(`${OFFICE}.txt`, text));
});

test('tables numbered as appendix tables (附表一、附表二、附表三) after the body: every figure', async () => {
  const titles = F2021.def.tables.map((t) => t.title);
  let html = toHtml(layout());
  titles.forEach((title, i) => {
    expect(html).toContain(`<p>${title}</p>`);
    html = html.replace(`<p>${title}</p>`, `<p>附表${'一二三'[i]}：${title.replace(/^[一二三四五六]、/, '')}</p>`);
  });
  expect(html).toContain('附表三：');
  expectExact(await readOne(`${OFFICE}.html`, html));
});
