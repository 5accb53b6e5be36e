/** Chinese wording of the structure and narrative findings. */
import { clipText } from '../rules/messages';

/** A sentence quoted in a message, cut so one long paragraph cannot flood the output. */
export function quoted(s: string, max = 80): string {
  return `“${clipText(s, max)}”`;
}

const part = (numeral: string, title: string) => `第${numeral}部分“${numeral}、${title}”`;

export const structureMessages = {
  missing: (numeral: string, title: string) => `报告缺少${part(numeral, title)}。年度报告应包括条例第五十条规定的六部分内容。`,
  noneFound: (titles: string) => `未能识别出报告的任何部分标题（应有：${titles}）。请核对正文是否按六部分编写，标题是否带“一、”等序号。`,
  outOfOrder: (written: string, title: string, after: string) => `部分标题${quoted(written)}出现在“${after}”之后，“${title}”应排在其前面。`,
  twice: (written: string, numeral: string, title: string) => `部分标题${quoted(written)}重复：${part(numeral, title)}此前已经出现。`,
  wrongNumeral: (written: string, numeral: string, title: string) => `部分标题${quoted(written)}的序号有误：“${title}”应为第${numeral}部分（${numeral}、）。`,
  title: (written: string, statutory: string) => `部分标题${quoted(written)}与法定标题“${statutory}”不一致。请按年度报告格式使用法定标题。`,
  partsClaim: (sentence: string, claimed: number, found: number) =>
    `正文称报告由 ${claimed} 部分组成（${quoted(sentence)}），但实际识别出 ${found} 部分。`,
  empty: (numeral: string, title: string, body: string) =>
    body
      ? `${part(numeral, title)}只有${quoted(body, 30)}，内容过少。请写明本年度存在的主要问题和改进情况，评估时此项常被扣分。`
      : `${part(numeral, title)}没有内容。请写明本年度存在的主要问题和改进情况，评估时此项常被扣分。`,
};
