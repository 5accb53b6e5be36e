/**
 * Which office and which year a report is: read from what it states (its title, a title broken
 * over lines, the page's 发布机构, its signature, its 统计期限), the user's word above all, the
 * file's name only last and said so. Shared by the recognizer and the reader of texts without tables.
 */
import type { Finding } from '../model/finding';
import { compactText, isOfficeName, officeFromFileName, readTitle, type Title } from './title';
import { TITLE_JOIN_LINES } from './recognize/tuning';

/** A line holding only a place (or a party committee): the first part of a title broken over lines. */
const PLACE_LINE = /^[\u4e00-\u9fff]{2,24}(?:省|市|县|区|旗|州|盟|委)$/;

/**
 * A title on this line, or on this line and the one or two before it when it was broken over
 * lines (「…县人民政府」 / 「办公室2020年政府信息公开工作年度报告」). A fragment never stands as the office.
 */
export function titleAt(before: string[], line: string): Title | null {
  const joined = (k: number) => readTitle([...before.slice(before.length - k), line].join(' '));
  // Shortest join first, so a line above the title (a site name, a menu, 附件1) stays out of the office.
  for (let k = 0; k <= Math.min(TITLE_JOIN_LINES, before.length); k++) {
    const title = joined(k);
    if (!title || !isOfficeName(title.office)) continue;
    // A place alone on the line before starts the name: 「上海市浦东新区」 / 「陆家嘴街道办事处2021年…」.
    const prior = before[before.length - k - 1];
    const longer = prior && PLACE_LINE.test(compactText(prior)) ? joined(k + 1) : null;
    return longer && isOfficeName(longer.office) ? longer : title;
  }
  const alone = readTitle(line);
  return alone && { ...alone, office: '' };
}

/** What a report states about itself, each list most trusted first; any may be missing. */
export interface StatedIdentity {
  offices: (string | undefined)[];
  years: (number | undefined)[];
}

export interface Identity {
  office?: string;
  year?: number;
  /** format.office_from_name, when the file's name had to say what the report did not. */
  findings: Finding[];
}

/** Evidence in order of trust: the user's word, what the report states, the file name last. */
export function reportIdentity(stated: StatedIdentity, given: { office?: string; year?: number }, fileName: { office?: string; year?: number }): Identity {
  const givenOffice = given.office?.trim() || undefined;
  const statedOffice = stated.offices.find(isOfficeName);
  const office = givenOffice ?? statedOffice ?? officeFromFileName(fileName.office);
  const statedYear = stated.years.find((y) => y !== undefined);
  const year = given.year ?? statedYear ?? fileName.year;
  const officeFromName = !givenOffice && !statedOffice && office !== undefined;
  const yearFromName = given.year === undefined && statedYear === undefined && year !== undefined;
  const findings: Finding[] = [];
  if (officeFromName || yearFromName)
    findings.push({
      rule: 'format.office_from_name',
      severity: 'info',
      cells: [],
      message:
        officeFromName && yearFromName
          ? `报告中没有写明填报单位和报告年度，“${office}”和 ${year} 年度取自文件名，请核对。`
          : officeFromName
            ? `报告中没有写明填报单位，“${office}”取自文件名，请核对。`
            : `报告中没有写明报告年度，${year} 年度取自文件名，请核对。`,
    });
  return { office, year, findings };
}
