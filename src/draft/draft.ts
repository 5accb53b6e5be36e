/** The whole report drafted from a report: title, opening, the six parts, tables and placeholders. */
import type { CompiledFormat } from '../formats/compile';
import { REPORT_OUTLINE, unnumbered, type DraftedFigures, type ProsePart } from '../formats/report-outline';
import type { TableDef } from '../formats/types';
import type { ChartId, ChartSpec } from '../charts/spec';
import { UNKNOWN_OFFICE, type Report } from '../model/report';
import { placeholder, type Block, type DraftDocument, type DraftFigure, type DraftSection, type Run } from './model';
import { appealSentences, feeSentences, Figures, joined, procurementSentences, requestSentences } from './sentences';
import { draftTables } from './tables';

function reportTitle(office: string, year: number): string {
  return `${office}${year}${REPORT_OUTLINE.titleSuffix}`;
}

/** About 20 characters of 二号 fit the 156 mm line. */
const TITLE_LINE = 20;

function paragraphs(list: Run[][]): Block[] {
  return list.map((runs) => ({ type: 'paragraph', runs }));
}

function prose(part: ProsePart, drafted: Record<DraftedFigures, Run[][]>): DraftSection {
  const lead = (p: { drafted?: DraftedFigures }) => paragraphs(p.drafted ? drafted[p.drafted] : []);
  const blocks: Block[] = [...lead(part), { type: 'paragraph', runs: [placeholder(part.hint)] }];
  for (const sub of part.parts ?? []) {
    blocks.push({ type: 'subheading', text: sub.title });
    blocks.push(...lead(sub), { type: 'paragraph', runs: [placeholder(sub.hint)] });
  }
  return { title: part.title, blocks };
}

/** The office as the report names it, or a placeholder when the sheet names none. */
function officeRun(report: Report): Run {
  const office = report.office.trim();
  return office && office !== UNKNOWN_OFFICE ? { text: office } : placeholder('单位名称');
}

function opening(report: Report, format: CompiledFormat): Run[] {
  const { law, article, before, after } = REPORT_OUTLINE;
  const parts = [...before.map((p) => p.title), ...format.def.tables.map((t) => t.title), ...after.map((p) => p.title)].map(unnumbered);
  const y = report.year;
  return joined([
    `本报告依据${law}（以下简称《条例》）${article}的规定，由`,
    officeRun(report),
    '编制。',
    `全文包括${parts.join('、')}。`,
    `本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`,
    '本报告电子版可在',
    placeholder('发布本报告的网站名称及网址'),
    '查阅或下载。如对本报告有疑问，请与',
    placeholder('联系单位、地址、邮编和电话'),
    '联系。',
  ]);
}

/** The table each chart illustrates: the figure follows it, in its section. */
const FIGURE_PLACE: Record<ChartId, TableDef['layout'] | undefined> = {
  applicants: 'matrix',
  outcome: 'matrix',
  trend: 'header-row',
  status: undefined,
  'top-units': undefined,
  'year-on-year': undefined,
};

function figureOf(chart: ChartSpec, number: number): DraftFigure {
  const unit = chart.unit === '%' ? '' : `（单位：${chart.unit}）`;
  return { number, chart, caption: `图${number}　${chart.title}${unit}`, notes: chart.notes };
}

export interface DraftReportOptions {
  /** The charts to place (charts/report-charts.ts), each after the table it illustrates, numbered in reading order. */
  charts?: ChartSpec[];
}

export function draftReport(report: Report, format: CompiledFormat, options: DraftReportOptions = {}): DraftDocument {
  const f = new Figures(format, report);
  const { before, after } = REPORT_OUTLINE;
  const appeals = appealSentences(f);
  const procurement = procurementSentences(f);
  const drafted = { requests: requestSentences(f), fees: feeSentences(f) };
  const tables = draftTables(format, report);
  const tableSections: DraftSection[] = format.def.tables.map((t, i) => {
    const lead = t.layout === 'header-row' ? appeals : t.layout === 'sections' ? procurement : [];
    return { title: t.title, blocks: [...paragraphs(lead), { type: 'table', table: tables[i] }] };
  });
  let number = 0;
  format.def.tables.forEach((t, i) => {
    for (const chart of options.charts ?? []) if (FIGURE_PLACE[chart.id] === t.layout) tableSections[i].blocks.push({ type: 'figure', figure: figureOf(chart, ++number) });
  });
  const office = officeRun(report).text;
  const title = reportTitle(office, report.year);
  return {
    title,
    titleLines: title.length > TITLE_LINE && office.length <= TITLE_LINE ? [office, `${report.year}${REPORT_OUTLINE.titleSuffix}`] : [title],
    office: report.office,
    year: report.year,
    format: format.id,
    opening: opening(report, format),
    sections: [...before.map((p) => prose(p, drafted)), ...tableSections, ...after.map((p) => prose(p, drafted))],
  };
}
