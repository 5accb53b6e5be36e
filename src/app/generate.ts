/**
 * 生成表格: a blank report sheet of the year's format.
 */
import { formats as defaultRegistry, type FormatRegistry } from '../formats';
import { buildSheetPlan } from '../layout/sheet-plan';
import { freshSheetName, reportSheetName } from '../layout/sheet-name';
import type { Level } from '../model/report';
import { type WorkbookPort } from '../ports/workbook-port';
import { UserError } from '../model/user-error';

export interface GenerateRequest {
  office: string;
  year: number;
  level?: Level;
  /** The sheet name to use; when omitted, the default name must be free. */
  name?: string;
  /** A blank template to hand out: the office may be left for the clerk to fill in. */
  blankOffice?: boolean;
}

export type GenerateResult = { ok: true; name: string } | { ok: false; taken: string; suggestion: string };

export function checkYear(year: number, registry: FormatRegistry = defaultRegistry) {
  if (!Number.isInteger(year)) throw new UserError('请填写四位数的报告年度，例如 2024。');
  const format = registry.forYear(year);
  if (!format) throw new UserError(`${year} 年度没有法定表格格式：年度报告格式自 ${registry.firstYear} 年度起施行。`);
  return format;
}

export async function generateTemplate(port: WorkbookPort, req: GenerateRequest): Promise<GenerateResult> {
  const office = req.office.trim();
  if (!office && !req.blankOffice) throw new UserError('请填写填报单位名称。');
  const format = checkYear(req.year);
  const wanted = req.name ?? reportSheetName(office, req.year);
  const taken = await port.sheetNames();
  if (taken.some((t) => t.toLowerCase() === wanted.toLowerCase())) return { ok: false, taken: wanted, suggestion: freshSheetName(wanted, taken) };
  const plan = buildSheetPlan(format, { office, year: req.year, level: req.level, name: wanted });
  await port.writeSheet(plan, { activate: true });
  return { ok: true, name: wanted };
}
