/**
 * The six statutory sections of an annual report (条例 第五十条; 国办公开办函〔2021〕30号), with the
 * renamed titles offices use for them, for finding the sections in a published report's text.
 */
import { FORMATS } from './index';
import { REPORT_OUTLINE, unnumbered } from './report-outline';

export interface ReportSection {
  /** 1–6. */
  no: number;
  /** The statutory title, without numbering: 「总体情况」. */
  title: string;
  /** How a heading for this section may begin, after its numbering (statutory title and renamed ones). */
  starts: RegExp[];
  /** Prose only the office writes (一, 五, 六), never a table's part: its heading marks a report's text. */
  prose: boolean;
}

// 二–四 are the tables' parts, titled as the tables are; the newest format is the reference.
const TABLE_TITLES = FORMATS[FORMATS.length - 1].tables.map((t) => unnumbered(t.title));
const TITLES = [...REPORT_OUTLINE.before.map((p) => unnumbered(p.title)), ...TABLE_TITLES, ...REPORT_OUTLINE.after.map((p) => unnumbered(p.title))];

const GOV = '(?:本?(?:机关|单位|部门))?(?:20\\d\\d年度?)?(?:政府信息公开|政务公开)?(?:工作)?';

const STARTS: string[][] = [
  [`${GOV}(?:总体|基本|整体|综合)(?:公开)?(?:工作)?(?:情况|概况)`, `${GOV}(?:工作)?概[况述]`],
  [`主动公开(?:政府)?(?:信息)?(?:的)?(?:工作)?情况`],
  [`收到和处理(?:政府信息公开)?申请(?:的)?情况`, `(?:收到|受理|接收)(?:和|及|与)?(?:处理|办理)?(?:政府信息公开)?申请`, `依申请公开(?:政府信息)?(?:工作)?(?:的)?(?:办理)?情况`],
  [`(?:因)?政府信息公开(?:工作)?(?:被申请)?行政法?复议`, `(?:被申请)?行政复议(?:、|和|及|与)?(?:提起)?行政诉讼`],
  [`${GOV}(?:中)?存在的?(?:主要)?(?:问题|不足)`, `(?:主要)?问题(?:和|及|与)(?:改进|整改)`],
  [`其他需要报告的?事项`, `其他(?:需要)?(?:报告)?事项`],
];

export const REPORT_SECTIONS: ReportSection[] = TITLES.map((title, i) => ({
  no: i + 1,
  title,
  starts: STARTS[i].map((s) => new RegExp(`^${s}`)),
  prose: i < REPORT_OUTLINE.before.length || i >= TITLES.length - REPORT_OUTLINE.after.length,
}));
