/**
 * 查看构成: from a summary cell to each member's contribution.
 */
import { formats as registry } from '../formats';
import { canonicalPlan } from '../layout/sheet-report';
import { cellLabel } from '../rules/messages';
import { type WorkbookPort } from '../ports/workbook-port';
import { UserError } from '../model/user-error';
import { reportsOf } from './report-sheets';

export interface DrillDown {
  sheet: string;
  cellId: string;
  label: string;
  address: string;
  parts: { sheet: string; office: string; address: string; value: number | string | null }[];
}

/** Drill-down from a summary cell (the selected one, or the address given) to each member's contribution. */
export async function drillDown(port: WorkbookPort, at?: { sheet: string; address: string }): Promise<DrillDown> {
  const where = at ?? (await port.selectedCell());
  if (!where) throw new UserError('请先在汇总表中选中一个单元格，或输入单元格地址（例如 I12）。');
  const address = where.address.toUpperCase().replace(/\$/g, '');
  const info = (await port.listSheets()).find((s) => s.name === where.sheet);
  if (!info?.meta?.summaryOf)
    throw new UserError(
      info?.meta?.members?.length
        ? `工作表“${where.sheet}”是汇总表，但工作簿中没有记下它的成员表（可能是从别处导入的），无法查看构成。`
        : `工作表“${where.sheet}”不是汇总表：请在汇总生成的汇总表中选中单元格。`,
    );
  const format = registry.byId(info.meta.format);
  // The metadata came with the workbook: a version this tool does not know is said, not crashed on.
  if (!format) throw new UserError(`汇总表“${where.sheet}”的表格格式“${info.meta.format}”无法识别（本工具只认识${registry.all.map((f) => f.def.name).join('、')}格式），无法查看构成。`);
  const addresses = canonicalPlan(format).addresses;
  const cellId = Object.keys(addresses).find((id) => addresses[id] === address);
  if (!cellId) throw new UserError(`${address} 不是汇总表中的数据单元格，请选中表格里的数字。`);
  const c = format.cells[format.index.get(cellId)!];
  return { sheet: where.sheet, cellId, label: cellLabel(c), address, parts: await contributions(port, where.sheet, cellId) };
}

/** Drill-down: each member's value of one summary cell, with where it is. */
export async function contributions(port: WorkbookPort, summarySheet: string, cellId: string): Promise<{ sheet: string; office: string; address: string; value: number | string | null }[]> {
  const sheets = await port.readSheets('reports', { marks: false });
  const summary = sheets.find((s) => s.name === summarySheet);
  const members = summary?.meta?.summaryOf;
  if (!members) throw new UserError('该工作表不是汇总表。');
  const out = [];
  for (const { sheet, report } of reportsOf(sheets.filter((s) => members.includes(s.name)))) {
    const format = registry.formatOf(report);
    const i = format.index.get(cellId);
    if (i === undefined) continue;
    const r = report.readings[i];
    out.push({
      sheet,
      office: report.office,
      address: report.provenance?.[cellId]?.address ?? '',
      value: r ? (r.status === 'invalid' ? (r.raw ?? '') : r.value) : null,
    });
  }
  return out;
}
