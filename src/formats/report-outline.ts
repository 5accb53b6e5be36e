/**
 * The whole annual report as 条例 第五十条 and the notices lay it out: six parts, of which
 * 二–四 are the format's tables (each table's title is its part's title) and the others prose
 * that only the office can write; `hint` says what belongs there.
 */

/** Figures a part opens with, drafted from the tables: 依申请公开 (三), and the information-processing fees (三（六）2). */
export type DraftedFigures = 'requests' | 'fees';

export interface ProsePart {
  title: string;
  hint: string;
  drafted?: DraftedFigures;
  /** The usual sub-headings of the part, in order. */
  parts?: { title: string; hint: string; drafted?: DraftedFigures }[];
}

export interface ReportOutline {
  /** The report's title after office and year: 「××2023年政府信息公开工作年度报告」. */
  titleSuffix: string;
  /** The law the report is made under, as cited in its opening paragraph. */
  law: string;
  article: string;
  /** Prose parts before the tables, and after them. */
  before: ProsePart[];
  after: ProsePart[];
}

export const REPORT_OUTLINE: ReportOutline = {
  titleSuffix: '年政府信息公开工作年度报告',
  law: '《中华人民共和国政府信息公开条例》',
  article: '第五十条',
  before: [
    {
      title: '一、总体情况',
      hint: '本年度政府信息公开工作的总体情况和主要成效',
      parts: [
        { title: '（一）主动公开', hint: '主动公开的做法和成效，如重点领域信息公开、政策解读、公开目录更新等' },
        { title: '（二）依申请公开', drafted: 'requests', hint: '依申请公开工作的做法，如受理、办理、答复的规范化情况' },
        { title: '（三）政府信息管理', hint: '政府信息管理情况，如公开属性源头认定、保密审查、规范性文件清理和动态更新等' },
        { title: '（四）政府信息公开平台建设', hint: '公开平台建设情况，如政府网站、政务新媒体、政府公报、公开专栏和查阅场所等' },
        { title: '（五）监督保障', hint: '监督保障情况，如工作机构和人员、教育培训、考核评议、社会评议和责任追究等' },
      ],
    },
  ],
  after: [
    { title: '五、存在的主要问题及改进情况', hint: '本年度政府信息公开工作存在的主要问题，上年度问题的改进情况，以及下一步的改进措施' },
    { title: '六、其他需要报告的事项', drafted: 'fees', hint: '其他需要报告的事项，如人大代表建议和政协委员提案办理结果公开、年度政务公开工作要点落实情况等；没有的，写“无”' },
  ],
};

/** A part's title without its numbering: 「二、主动公开政府信息情况」 → 「主动公开政府信息情况」. */
export function unnumbered(title: string): string {
  return title.replace(/^[一二三四五六七八九十]+、/, '').replace(/^（[一二三四五六七八九十]+）/, '');
}

/** The report's name as a letter or a sheet says it, after a year: 「2024 年度政府信息公开工作年度报告」. */
export const REPORT_NAME = REPORT_OUTLINE.titleSuffix.replace(/^年/, '');
