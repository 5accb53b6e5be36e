/**
 * 修改单位与年度 of a report sheet.
 */
import { formats as defaultRegistry } from '../formats';
import { buildSheetPlan } from '../layout/sheet-plan';
import { freshSheetName, reportSheetName } from '../layout/sheet-name';
import { address } from '../layout/a1';
import { type WorkbookPort } from '../ports/workbook-port';
import { UserError } from '../model/user-error';
import { checkYear } from './generate';

/**
 * 修改单位与年度: the title, the subtitle, the metadata and the sheet name change together.
 * The year may change only within the sheet's format: another format needs a new template.
 */
export async function renameReport(port: WorkbookPort, sheet: string, to: { office: string; year: number }): Promise<string> {
  const office = to.office.trim();
  if (!office) throw new UserError('请填写填报单位名称。');
  const info = (await port.listSheets()).find((s) => s.name === sheet);
  const meta = info?.meta;
  if (!meta || meta.role) throw new UserError('该工作表不是年报表格。');
  const format = defaultRegistry.byId(meta.format);
  if (!format) throw new UserError('无法识别该工作表的表格格式。');
  const due = checkYear(to.year);
  if (due.id !== format.id) throw new UserError(`${to.year} 年度应使用${due.def.name}格式，本表是${format.def.name}格式：请为该年度重新生成表格，再把数据填入。`);
  const fresh = buildSheetPlan(format, { office, year: to.year, level: meta.level });
  const values: Record<string, string> = {};
  for (const pc of fresh.cells) if ((pc.style === 'title' || pc.style === 'subtitle') && typeof pc.value === 'string') values[address(pc.row, pc.col)] = pc.value;
  await port.setValues(sheet, values, { ...meta, office, year: to.year });
  // Only a name we gave follows the office and year; a name the clerk chose is kept.
  if (sheet !== reportSheetName(meta.office, meta.year) && !sheet.startsWith(reportSheetName(meta.office, meta.year))) return sheet;
  const wanted = reportSheetName(office, to.year);
  if (wanted === sheet) return sheet;
  const name = freshSheetName(
    wanted,
    (await port.sheetNames()).filter((n) => n !== sheet),
  );
  await port.renameSheet(sheet, name);
  return name;
}
