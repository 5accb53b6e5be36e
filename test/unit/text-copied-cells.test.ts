/**
 * Text copied out of a browser from a report page whose table cells hold paragraphs: one cell
 * per line, blank lines between, no separators. Row labels that end like a heading
 * (8.属于行政查询事项, 其他对外管理服务事项) must stay labels of the figures that follow them.
 */
import { formats } from '../../src/formats';
import type { CompiledFormat } from '../../src/formats/compile';
import { readReports } from '../helpers/read-file';
import { clerkLayout } from '../helpers/clerk-layouts';
import { seeded, validCells } from '../helpers/random-report';

/** Every non-empty cell of the layout on its own line, a blank line after each, as Chromium copies <td><p>…</p></td>. */
function copiedText(format: CompiledFormat, cells: Record<string, number>): string {
  const layout = clerkLayout(format, cells, { office: '平潭综合实验区', year: format.def.years.from });
  const lines: string[] = [];
  for (const row of layout.rows) for (const cell of row) if (cell !== null && cell !== '') lines.push(String(cell), '');
  return lines.join('\n');
}

async function readCopied(format: CompiledFormat, seed: number) {
  const cells = validCells(format, seeded(seed));
  const { reports } = await readReports('copied.txt', new TextEncoder().encode(copiedText(format, cells)), formats);
  expect(reports).toHaveLength(1);
  const read = (id: string) => reports[0].readings[format.index.get(id)!]?.value;
  return { cells, read };
}

test('cells the page left blank with &nbsp; copy as no-break-space lines: blanks in their columns, never a shifted figure', async () => {
  const format = formats.byId('gov-2021')!;
  const cells = validCells(format, seeded(5));
  let text = copiedText(format, cells);
  const NB = '\u00a0 ';
  // 1.属于国家秘密: figures with blank 商业企业 and 总计 cells; 2.其他法律行政法规禁止公开: its first cell blank.
  const secret = ['natural', 'business', 'research', 'nonprofit', 'legal', 'org_other', 'total'].map((c) => String(cells[`requests.denied.secret.${c}`]));
  const law = ['natural', 'business', 'research', 'nonprofit', 'legal', 'org_other', 'total'].map((c) => String(cells[`requests.denied.law.${c}`]));
  const block = (label: string, vs: string[]) => [label, ...vs].map((t) => `${t}\n`).join('\n');
  text = text
    .replace(block('1.属于国家秘密', secret), block('1.属于国家秘密', [secret[0], NB, ...secret.slice(2, 6), NB]))
    .replace(block('2.其他法律行政法规禁止公开', law), block('2.其他法律行政法规禁止公开', [NB, ...law.slice(1)]));
  const { reports } = await readReports('copied.txt', new TextEncoder().encode(text), formats);
  const r = reports[0];
  const at = (id: string) => r.readings[format.index.get(id)!];
  expect(at('requests.denied.secret.natural')?.value).toBe(cells['requests.denied.secret.natural']);
  expect(at('requests.denied.secret.business')?.status).toBe('blank');
  expect(at('requests.denied.secret.research')?.value).toBe(cells['requests.denied.secret.research']);
  expect(at('requests.denied.secret.total')?.status).toBe('blank');
  // A blank before the first figure cannot be told from a gap: the row is not read rather than shifted.
  for (const c of ['natural', 'business', 'research', 'nonprofit', 'legal', 'org_other', 'total']) {
    const reading = at(`requests.denied.law.${c}`);
    expect(reading === undefined || reading.status === 'invalid').toBe(true);
  }
});

test.each(['gov-2021', 'gov-2019'])('%s: a label ending in 事项 keeps its figures, and every cell reads back', async (id) => {
  const format = formats.byId(id)!;
  const { cells, read } = await readCopied(format, 31);
  for (const col of ['natural', 'business', 'research', 'nonprofit', 'legal', 'org_other', 'total']) expect(read(`requests.denied.query.${col}`)).toBe(cells[`requests.denied.query.${col}`]);
  if (id === 'gov-2019') for (const col of ['prev_items', 'change', 'decisions']) expect(read(`proactive.other_services.${col}`)).toBe(cells[`proactive.other_services.${col}`]);
  for (const c of format.cells) expect([c.id, read(c.id)]).toEqual([c.id, cells[c.id]]);
});
