/**
 * 报送情况通报: the status circular for leaders and units. The counts (应报, 已报, 通过, 有错误,
 * 未报送, 逾期), the units by status with their deadline and days overdue, and the units that
 * resubmitted with whether they fixed what was asked. Made from the season alone.
 */
import { countLines, firstSubmitted, standingText, versionsOf, type Season, type SeasonUnit, type UnitState } from '../consolidate/season';
import { rectificationText, timeText } from '../consolidate/versions';
import { REPORT_NAME } from '../formats/report-outline';
import { blankSignature, chineseDate, listTable, paragraph, sectionNumber, type Column } from './letter';
import type { DraftDocument, DraftSection } from './model';

export interface CircularInput {
  season: Season;
  /** YYYY-MM-DD: corrected versions are due by then. */
  resubmitBy: string;
}

const REPORTED: Column[] = [
  { header: '序号', width: 0.08, align: 'center' },
  { header: '单位', width: 0.24 },
  { header: '首次报送时间', width: 0.2, align: 'center' },
  { header: '截止日期', width: 0.16, align: 'center' },
  { header: '截止情况', width: 0.16, align: 'center' },
  { header: '错误', width: 0.08, align: 'center' },
  { header: '警告', width: 0.08, align: 'center' },
];

const MISSING: Column[] = [
  { header: '序号', width: 0.08, align: 'center' },
  { header: '单位', width: 0.46 },
  { header: '截止日期', width: 0.22, align: 'center' },
  { header: '截止情况', width: 0.24, align: 'center' },
];

const RESUBMITTED: Column[] = [
  { header: '序号', width: 0.08, align: 'center' },
  { header: '单位', width: 0.22 },
  { header: '报送次数', width: 0.1, align: 'center' },
  { header: '最新报送时间', width: 0.18, align: 'center' },
  { header: '整改情况', width: 0.42 },
];

/** The counts two to a row (项目, 个数, 项目, 个数): eleven labels side by side would not fit A4. */
const COUNTS: Column[] = [
  { header: '项目', width: 0.3 },
  { header: '个数', width: 0.2, align: 'center' },
  { header: '项目', width: 0.3 },
  { header: '个数', width: 0.2, align: 'center' },
];

function reportedRow(u: SeasonUnit, i: number): string[] {
  const first = firstSubmitted(u);
  return [String(i + 1), u.office, first ? timeText(first) : '—', u.due ?? '—', standingText(u) ?? '—', String(u.member?.errors ?? 0), String(u.member?.warnings ?? 0)];
}

function countsText(s: Season): string {
  const c = s.counts;
  const checked = `其中审核通过 ${c.passed} 个、有错误 ${c.withErrors} 个、有警告需核实 ${c.withWarnings} 个`;
  if (!s.rosterGiven) return `截至${chineseDate(s.today)}，共收到 ${c.reported} 个单位的 ${s.year} 年度${REPORT_NAME}，${checked}（未提供报送名单，未核对应报单位）。`;
  const late = c.lateReported ? `；另有 ${c.lateReported} 个单位逾期报送` : '';
  const extra = [c.unlisted ? `名单外单位 ${c.unlisted} 个` : '', c.excluded ? `不纳入汇总的单位 ${c.excluded} 个` : ''].filter(Boolean).join('、');
  return (
    `截至${chineseDate(s.today)}，应报送 ${s.year} 年度${REPORT_NAME}的单位 ${c.expected} 个，已报送 ${c.reported} 个，${checked}；` +
    `未报送 ${c.missing} 个，其中已逾期 ${c.overdue} 个${late}。${extra ? `此外，收到${extra}。` : ''}现将有关情况通报如下。`
  );
}

export function draftCircular(input: CircularInput): DraftDocument {
  const s = input.season;
  const sections: DraftSection[] = [];
  const title = (t: string) => `${sectionNumber(sections.length)}、${t}`;
  const inState = (...states: UnitState[]) => s.units.filter((u) => states.includes(u.state));
  const lines = countLines(s.counts);
  sections.push({
    title: title('总体情况'),
    blocks: [
      {
        type: 'table',
        table: listTable(
          'circular-counts',
          COUNTS,
          Array.from({ length: Math.ceil(lines.length / 2) }, (_, i) => [...lines[2 * i], ...(lines[2 * i + 1] ?? ['', ''])].map(String)),
        ),
      },
    ],
  });
  const missing = inState('未报送');
  if (missing.length)
    sections.push({
      title: title(`未报送的单位（${missing.length} 个）`),
      blocks: [
        {
          type: 'table',
          table: listTable(
            'circular-missing',
            MISSING,
            missing.map((u, i) => [String(i + 1), u.office, u.due ?? '—', standingText(u) ?? '—']),
          ),
        },
      ],
    });
  const groups: [string, UnitState[], string][] = [
    ['有错误、需退回修改的单位', ['有错误'], '以下单位的报表有错误，已逐一发出退回意见，请按意见改正后重新报送。'],
    ['有警告、需核实的单位', ['有警告'], '以下单位的报表有需要核实的问题，请改正或写明理由（出错说明）后重新报送。'],
    ['审核通过的单位', ['通过', '已确认'], ''],
  ];
  for (const [name, states, lead] of groups) {
    const list = inState(...states);
    if (!list.length) continue;
    sections.push({
      title: title(`${name}（${list.length} 个）`),
      blocks: [...(lead ? [paragraph(lead)] : []), { type: 'table', table: listTable(`circular-${states[0]}`, REPORTED, list.map(reportedRow)) }],
    });
  }
  const again = s.units.filter((u) => u.history);
  if (again.length)
    sections.push({
      title: title(`重新报送的单位及整改情况（${again.length} 个）`),
      blocks: [
        paragraph('以下单位报送了多个版本，只计入最新版本；整改情况为最新版本与上一版本相比的结果。'),
        {
          type: 'table',
          table: listTable(
            'circular-resubmitted',
            RESUBMITTED,
            again.map((u, i) => {
              const latest = u.member!.report.submitted;
              return [String(i + 1), u.office, String(versionsOf(u).length), latest ? timeText(latest) : '—', rectificationText(u.history!.rectification)];
            }),
          ),
        },
      ],
    });
  const unlisted = s.units.filter((u) => u.member && !u.entry);
  const asks = [
    missing.length ? '未报送的单位请抓紧报送，已逾期的单位请立即报送。' : '',
    s.units.some((u) => u.state === '有错误' || u.state === '有警告') ? `收到退回意见的单位请于${chineseDate(input.resubmitBy)}前重新报送。` : '',
    unlisted.length ? `${unlisted.map((u) => u.office).join('、')}不在报送名单中，请核对单位名称。` : '',
  ].filter(Boolean);
  if (asks.length) sections.push({ title: title('有关要求'), blocks: asks.map((t) => paragraph(t)) });
  const docTitle = `关于${s.year}年度${REPORT_NAME}报送情况的通报`;
  return {
    title: docTitle,
    titleLines: [`关于${s.year}年度${REPORT_NAME}`, '报送情况的通报'],
    office: s.office,
    year: s.year,
    format: '',
    addressee: '各有关单位：',
    opening: [{ text: countsText(s) }],
    sections,
    closing: blankSignature(),
  };
}
