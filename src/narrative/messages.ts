/** Chinese wording of the structure and narrative findings. */
import { REPORT_SECTIONS } from '../formats/report-sections';
import { clipText } from '../rules/messages';
import { SECTION_NUMERALS } from './text';

/** A sentence quoted in a message, cut so one long paragraph cannot flood the output. */
function quoted(s: string, max = 80): string {
  return `“${clipText(s, max)}”`;
}

const part = (numeral: string, title: string) => `第${numeral}部分“${numeral}、${title}”`;
/** 「六」: how many parts the statute gives a report. */
const PARTS = SECTION_NUMERALS[REPORT_SECTIONS.length - 1];

export const structureMessages = {
  missing: (numeral: string, title: string) => `报告缺少${part(numeral, title)}。年度报告应包括条例第五十条规定的${PARTS}部分内容。`,
  noneFound: (titles: string) => `未能识别出报告的任何部分标题（应有：${titles}）。请核对正文是否按${PARTS}部分编写，标题是否带“一、”等序号。`,
  outOfOrder: (written: string, title: string, after: string) => `部分标题${quoted(written)}出现在“${after}”之后，“${title}”应排在其前面。`,
  twice: (written: string, numeral: string, title: string) => `部分标题${quoted(written)}重复：${part(numeral, title)}此前已经出现。`,
  wrongNumeral: (written: string, numeral: string, title: string) => `部分标题${quoted(written)}的序号有误：“${title}”应为第${numeral}部分（${numeral}、）。`,
  title: (written: string, statutory: string) => `部分标题${quoted(written)}与法定标题“${statutory}”不一致。请按年度报告格式使用法定标题。`,
  partsClaim: (sentence: string, claimed: number, found: number) => `正文称报告由 ${claimed} 部分组成（${quoted(sentence)}），但实际识别出 ${found} 部分。`,
  empty: (numeral: string, title: string, body: string) =>
    body
      ? `${part(numeral, title)}只有${quoted(body, 30)}，内容过少。请写明本年度存在的主要问题和改进情况，评估时此项常被扣分。`
      : `${part(numeral, title)}没有内容。请写明本年度存在的主要问题和改进情况，评估时此项常被扣分。`,
};

const fmtNum = (n: number) => String(Number(n.toFixed(6)));

export const narrativeMessages = {
  figure: (sentence: string, what: string, stated: number, unit: string, cell: string, table: number, tableUnit: string) =>
    `正文${quoted(sentence)}所述${what}为 ${fmtNum(stated)} ${unit}，与表格${cell}的 ${fmtNum(table)} ${tableUnit}不一致。请核对正文与表格。`,
  share: (sentence: string, part: number, stated: number, base: string, whole: number, computed: number) =>
    `正文${quoted(sentence)}称 ${fmtNum(part)} 件占 ${fmtNum(stated)}%，但按表格${base}的 ${fmtNum(whole)} 件计算应为 ${fmtNum(computed)}%（按本年新收申请计算也不符）。请核对百分比。`,
  allDone: (sentence: string, cell: string, n: number) => `正文${quoted(sentence)}称申请均已办结，但表格${cell}为 ${fmtNum(n)} 件，即有申请结转下年度继续办理。请核对正文表述。`,
  noAppeal: (sentence: string, what: string, cell: string, n: number) => `正文${quoted(sentence)}称未发生${what}，但表格${cell}为 ${fmtNum(n)} 件。请核对正文表述。`,
  noFee: (sentence: string, cell: string, n: number) =>
    `正文${quoted(sentence)}称未收取信息处理费，但表格${cell}为 ${fmtNum(n)} 件，说明本年度发出过收费通知。请核实并写明发出收费通知的件数和实际收取的金额。`,
  year: (sentence: string, stated: number, year: number) => `正文${quoted(sentence)}写的是 ${stated} 年，本报告是 ${year} 年度报告。请核对统计期限和年份。`,
  copied: (share: number, same: number, total: number) => `本报告正文 ${total} 句中有 ${same} 句（${share}%）与上一年度报告相同（年份不计），超过 60%。请按本年度实际情况撰写。`,
};
