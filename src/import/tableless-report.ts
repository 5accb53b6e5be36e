/**
 * A report's text without its tables (a draft typed in Word, a page whose tables are images):
 * a report of the year's format whose every cell is missing, saying so, so that the text's own
 * checks still run and nothing pretends the tables were read.
 */
import type { FormatRegistry } from '../formats';
import { UNKNOWN_OFFICE, type Report } from '../model/report';
import type { Finding } from '../model/finding';
import type { ReportDocument } from '../narrative/document';
import { reportIdentity, titleAt } from './report-identity';
import { TITLE_JOIN_LINES, TITLE_REACH } from './recognize/tuning';
import { readFileName, readPeriodYear, type Title } from './title';

function titleOf(document: ReportDocument): Title | undefined {
  const lines = document.paragraphs.slice(0, TITLE_REACH).map((p) => p.text);
  let unnamed: Title | undefined;
  for (let i = 0; i < lines.length; i++) {
    const found = titleAt(lines.slice(Math.max(0, i - TITLE_JOIN_LINES), i), lines[i]);
    if (found?.office) return found;
    unnamed ??= found ?? undefined;
  }
  return unnamed;
}

export function reportWithoutTables(document: ReportDocument, registry: FormatRegistry, options: { office?: string; year?: number } = {}): Report | string {
  const source = document.source;
  const title = titleOf(document);
  const period = document.paragraphs.map((p) => readPeriodYear(p.text)).find((y) => y !== undefined);
  const identity = reportIdentity({ offices: [title?.office], years: [title?.year, period] }, options, readFileName(source));
  const year = identity.year;
  if (!year) return `${source}：有年报正文，但没有找到年报表格，也看不出报告年度（标题和统计期限中都没有年份），请指定报告年度（命令行用 --year 指定，例如 --year 2023）`;
  const format = registry.forYear(year);
  if (!format) return `${source}：${year} 年度没有法定表格格式，无法核对该年报`;
  const office = identity.office ?? UNKNOWN_OFFICE;
  const tables = format.def.tables.map((t) => `“${t.title}”`).join('、');
  const findings: Finding[] = [
    {
      rule: 'format.missing_cells',
      severity: 'error',
      cells: format.cells.map((c) => c.id),
      message: `文件中没有找到年报的表格（${tables}），表格的 ${format.cells.length} 个单元格都无法核对，正文中的数字也无从对照。请附上这些表格；表格是图片的，请提供含表格文字的 Word 原件或网页版本。`,
    },
  ];
  findings.push(...identity.findings);
  return { source, office, year, format: format.id, readings: format.cells.map(() => undefined), importFindings: findings };
}
