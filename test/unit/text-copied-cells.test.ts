/**
 * Text copied out of a browser from a report page whose table cells hold paragraphs: one cell
 * per line, blank lines between, no separators. Row labels that end like a heading
 * (8.属于行政查询事项, 其他对外管理服务事项) must stay labels of the figures that follow them.
 */
import { formats } from '../../src/formats';
import type { CompiledFormat } from '../../src/formats/compile';
import { readReports } from '../../src/io/read-reports';
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

test.each(['gov-2021', 'gov-2019'])('%s: a label ending in 事项 keeps its figures, and every cell reads back', async (id) => {
  const format = formats.byId(id)!;
  const { cells, read } = await readCopied(format, 31);
  for (const col of ['natural', 'business', 'research', 'nonprofit', 'legal', 'org_other', 'total'])
    expect(read(`requests.denied.query.${col}`)).toBe(cells[`requests.denied.query.${col}`]);
  if (id === 'gov-2019')
    for (const col of ['prev_items', 'change', 'decisions']) expect(read(`proactive.other_services.${col}`)).toBe(cells[`proactive.other_services.${col}`]);
  for (const c of format.cells) expect([c.id, read(c.id)]).toEqual([c.id, cells[c.id]]);
});
