/** The 导入来源 sheet written by `nianbao import`: where each value was read, and what reading found. */
import type { FormatRegistry } from '../formats';
import { originText, type Report } from '../model/report';
import type { SheetMeta } from '../model/sheet-meta';
import { cellLabel } from '../rules/messages';
import type { Finding } from '../model/finding';
import { listPlan, type PlanCell, type SheetPlan } from './sheet-plan';

const SOURCES_SHEET = '导入来源';

export function buildSourcesPlan(items: { sheet: string; report: Report; findings: Finding[] }[], registry: FormatRegistry): SheetPlan {
  const cells: PlanCell[] = [];
  let row = 1;
  const put = (col: number, value: string | number | null, style: PlanCell['style'], link?: string) => cells.push({ row, col, value, style, ...(link ? { link } : {}) });
  put(1, '导入来源：每个数从报送文件的哪里读取', 'tableTitle');
  row += 2;
  for (const { sheet, report, findings } of items) {
    const format = registry.formatOf(report);
    put(1, `${report.office} ${report.year} 年度`, 'caption', sheet);
    put(2, `读自 ${report.source}`, 'text');
    row++;
    for (const f of findings.filter((x) => x.rule.startsWith('format.'))) {
      put(1, f.severity === 'error' ? '错误' : '警告', 'text');
      put(2, f.message, 'text');
      row++;
    }
    ['单元格', '读取值', '原文', '来源位置'].forEach((h, i) => put(i + 1, h, 'header'));
    row++;
    for (const c of format.cells) {
      const r = report.readings[c.index];
      put(1, cellLabel(c), 'text');
      put(2, r ? r.value : '（未找到）', r ? 'number' : 'text');
      put(3, r?.raw ?? '', 'text');
      const origin = report.provenance?.[c.id];
      put(4, origin ? originText(origin) : '', 'text');
      row++;
    }
    row++;
  }
  const meta: SheetMeta = { app: 'nianbao', v: 1, format: items[0]?.report.format ?? '', year: items[0]?.report.year ?? 0, office: '', role: 'sources' };
  return listPlan({ name: SOURCES_SHEET, meta, cells, columnWidths: [46, 14, 20, 40, ...Array(11).fill(9)], lastRow: row });
}
