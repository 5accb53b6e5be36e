/**
 * 退回意见: the letter that sends a report back to its office, made from the findings alone.
 * Every problem is listed under its table with the cell named by its row and column, the value
 * as submitted, what the rule says it should satisfy (the finding's own message) and the
 * one-cell fix where the engine found one. Nothing in it is written for one rule by hand.
 */
import { formats as defaultRegistry, type FormatRegistry } from '../formats';
import { REPORT_NAME, unnumbered } from '../formats/report-outline';
import type { MemberStatus, VersionHistory } from '../consolidate/consolidate';
import { timeText } from '../consolidate/versions';
import { findingKey, type Finding } from '../model/finding';
import { cellLabel, fixAction, readingText } from '../rules/messages';
import { placeText } from '../rules/place';
import { blankSignature, chineseDate, listTable, paragraph, sectionNumber, type Column } from './letter';
import type { Block, DraftDocument, DraftSection } from './model';

export interface NoticeInput {
  member: MemberStatus;
  /** Its versions, when the office sent more than one: the notice says what the resubmission fixed. */
  history?: VersionHistory;
  /** YYYY-MM-DD: the corrected version is due by then. */
  resubmitBy: string;
  registry?: FormatRegistry;
}

const COLUMNS: Column[] = [
  { header: '序号', width: 0.08, align: 'center' },
  { header: '单元格', width: 0.2 },
  { header: '填报值', width: 0.12, align: 'center' },
  { header: '应满足', width: 0.38 },
  { header: '修改建议', width: 0.22 },
];

/** The file a report came from, without the folders it sat in on the clerk's computer. */
function fileOf(source: string): string {
  return source.split(/[\\/]/).pop() ?? source;
}

/** The title of the table a finding points into, without its number; '表格整体' for findings on no cell. */
function tableOf(f: Finding, formatId: string, registry: FormatRegistry): string {
  if (f.place) return '报告全文';
  const table = f.cells[0]?.split('.')[0];
  const title = table ? registry.tableTitle(table, formatId) : undefined;
  return title ? unnumbered(title) : '表格整体';
}

/** Findings grouped by table, in the order the tables come in the format. */
function byTable(findings: Finding[], formatId: string, registry: FormatRegistry): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const t = tableOf(f, formatId, registry);
    groups.set(t, [...(groups.get(t) ?? []), f]);
  }
  return [...groups];
}

function problemRows(findings: Finding[], member: MemberStatus, registry: FormatRegistry, before: Set<string>, start: number): string[][] {
  const format = registry.formatOf(member.report);
  const cellOf = (id: string) => {
    const i = format.index.get(id);
    return i === undefined ? undefined : format.cells[i];
  };
  return findings.map((f, i) => {
    const c = f.cells[0] === undefined ? undefined : cellOf(f.cells[0]);
    const where = c ? cellLabel(c) : f.place ? placeText(f.place) : '—';
    const value = c ? readingText(member.report.readings[c.index]) : f.quote ? `“${f.quote}”` : '—';
    const again = before.has(findingKey(f)) ? '（上次退回时已指出，仍未改正）' : '';
    const fixCell = f.fix && cellOf(f.fix.cell);
    const fix = f.fix && fixCell ? `${fixAction(f.fix, cellLabel(fixCell))}${f.fix.resolves > 1 ? `，可同时解决 ${f.fix.resolves} 项` : ''}` : '—';
    return [String(start + i + 1), where, value, `${f.message}${again}`, fix];
  });
}

function problemSection(title: string, lead: string, findings: Finding[], input: NoticeInput, before: Set<string>, registry: FormatRegistry): DraftSection {
  const blocks: Block[] = [paragraph(lead)];
  let n = 0;
  byTable(findings, input.member.report.format, registry).forEach(([table, list], i) => {
    blocks.push({ type: 'subheading', text: `（${sectionNumber(i)}）${table}` });
    blocks.push({ type: 'table', table: listTable(`notice-${title}-${i}`, COLUMNS, problemRows(list, input.member, registry, before, n)) });
    n += list.length;
  });
  return { title, blocks };
}

/** The notice for one office, from its latest version's findings. */
export function draftNotice(input: NoticeInput): DraftDocument {
  const registry = input.registry ?? defaultRegistry;
  const { report, findings } = input.member;
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const before = new Set((input.history?.rectification.remaining ?? []).map(findingKey));
  const due = chineseDate(input.resubmitBy);

  const which = [fileOf(report.submission ?? report.source), report.submitted ? `报送时间 ${timeText(report.submitted)}` : ''].filter(Boolean).join('，');
  const found = [errors.length ? `有 ${errors.length} 个错误` : '', warnings.length ? `有 ${warnings.length} 项需要核实的问题（警告）` : ''].filter(Boolean).join('、');
  const opening = [`你单位报送的 ${report.year} 年度${REPORT_NAME}（${which}）经审核，${found}，现予退回。`];
  const r = input.history?.rectification;
  if (input.history && r) {
    const parts = [`已改正 ${r.fixed.length + r.explained.length} 项`, `仍有 ${r.remaining.length} 项未改正`, ...(r.added.length ? [`新增 ${r.added.length} 项`] : [])];
    opening.push(`这是你单位报送的第 ${input.history.older.length + 1} 个版本，与上一版相比${parts.join('，')}。`);
  }
  opening.push(`请按以下意见逐项${warnings.length ? '改正或说明' : '改正'}，于${due}前重新报送。`);

  const sections: DraftSection[] = [];
  const number = () => `${sectionNumber(sections.length)}、`;
  if (errors.length)
    sections.push(
      problemSection(
        `${number()}需要改正的错误（${errors.length} 项）`,
        '以下各项不符合法定表格的勾稽关系或填报要求，必须改正。单元格按表中的行、列名称指明；“修改建议”是只改一个单元格即可满足全部相关关系的改法，请核对原始台账后确定。',
        errors,
        input,
        before,
        registry,
      ),
    );
  if (warnings.length)
    sections.push(
      problemSection(
        `${number()}需要核实的问题（${warnings.length} 项）`,
        '以下各项可能有误。确有错误的，请改正；数据无误的，可逐项写明理由（出错说明），随报表一并报送，不必修改数字。',
        warnings,
        input,
        before,
        registry,
      ),
    );
  sections.push({
    title: `${number()}有关要求`,
    blocks: [paragraph(`请于${due}前重新报送改正后的报表。`), paragraph('重新报送时请保持单位名称与本次一致，以便核对整改情况。退回意见未涉及的数字请勿改动；确需改动的，请一并说明理由。')],
  });
  const title = `关于${report.office}${report.year}年度${REPORT_NAME}的退回意见`;
  return {
    title,
    titleLines: [`关于${report.office}${report.year}年度`, `${REPORT_NAME}的退回意见`],
    office: report.office,
    year: report.year,
    format: report.format,
    addressee: `${report.office}：`,
    opening: [{ text: opening.join('') }],
    sections,
    closing: blankSignature(),
  };
}
