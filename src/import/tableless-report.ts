/**
 * A report's text without its tables (a draft typed in Word, a page whose tables are images):
 * a report of the year's format whose every cell is missing, saying so, so that the text's own
 * checks still run and nothing pretends the tables were read.
 */
import type { FormatRegistry } from '../formats';
import { UNKNOWN_OFFICE, type Report } from '../model/report';
import type { Finding } from '../model/finding';
import type { ReportDocument } from '../narrative/document';
import { isOfficeName, officeFromFileName, readFileName, readPeriodYear, readTitle, type Title } from './title';

/** The title is among the first lines: a page's metadata or a document number may come before it. */
const TITLE_REACH = 12;

function titleOf(document: ReportDocument): Title | undefined {
  const ps = document.paragraphs.slice(0, TITLE_REACH).map((p) => p.text);
  for (let i = 0; i < ps.length; i++) {
    // A title broken over two lines: 「淮安市洪泽区人民政府」「2024 年政府信息公开工作年度报告」.
    const found = [ps[i], i > 0 ? ps[i - 1] + ps[i] : ''].map((t) => (t ? readTitle(t) : null)).reverse();
    const named = found.find((t) => t && isOfficeName(t.office)) ?? found.find((t) => t);
    if (named) return named;
  }
  return undefined;
}

export function reportWithoutTables(document: ReportDocument, registry: FormatRegistry, options: { office?: string; year?: number } = {}): Report | string {
  const source = document.source;
  const title = titleOf(document);
  const named = readFileName(source);
  const period = document.paragraphs.map((p) => readPeriodYear(p.text)).find((y) => y !== undefined);
  const yearStated = title?.year ?? period;
  const year = options.year ?? yearStated ?? named.year;
  if (!year) return `${source}：有年报正文，但没有找到年报表格，也看不出报告年度（标题和统计期限中都没有年份），请指定报告年度（命令行用 --year 指定，例如 --year 2023）`;
  const format = registry.forYear(year);
  if (!format) return `${source}：${year} 年度没有法定表格格式，无法核对该年报`;
  const stated = title && isOfficeName(title.office) ? title.office : undefined;
  const office = options.office?.trim() || stated || officeFromFileName(named.office) || UNKNOWN_OFFICE;
  const tables = format.def.tables.map((t) => `“${t.title}”`).join('、');
  const findings: Finding[] = [
    {
      rule: 'format.missing_cells',
      severity: 'error',
      cells: format.cells.map((c) => c.id),
      message: `文件中没有找到年报的表格（${tables}），表格的 ${format.cells.length} 个单元格都无法核对，正文中的数字也无从对照。请附上这三张表格；表格是图片的，请提供含表格文字的 Word 原件或网页版本。`,
    },
  ];
  const fromName = [!options.office?.trim() && !stated && office !== UNKNOWN_OFFICE ? `“${office}”` : '', options.year === undefined && yearStated === undefined ? `${year} 年度` : ''].filter(Boolean);
  if (fromName.length)
    findings.push({
      rule: 'format.office_from_name',
      severity: 'info',
      cells: [],
      message: `报告中没有写明${fromName.length === 2 ? '填报单位和报告年度' : fromName[0].startsWith('“') ? '填报单位' : '报告年度'}，${fromName.join('和')}取自文件名，请核对。`,
    });
  return { source, office, year, format: format.id, readings: format.cells.map(() => undefined), importFindings: findings };
}
