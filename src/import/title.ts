/** Office and year from a report's title, e.g. 「阜新市人民政府办公室 2020 年度政府信息公开工作报告」. */

const OFFICE_FIRST = /^(.{2,40}?)\s*[（(]?\s*((?:19|20)\d{2})\s*年\s*度?\s*[)）]?\s*(?:的)?(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;
const YEAR_FIRST = /^((?:19|20)\d{2})\s*年\s*度?\s*(.{2,40}?)\s*(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;

export interface Title {
  office: string;
  year: number;
}

export function readTitle(text: string): Title | null {
  // Spaces next to Chinese characters are layout (「政府 信息公开」); between Latin letters they are kept.
  const t = text
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '')
    .trim();
  if (t.length > 80) return null;
  const a = OFFICE_FIRST.exec(t);
  if (a) return { office: a[1].trim(), year: Number(a[2]) };
  const b = YEAR_FIRST.exec(t);
  if (b) return { office: b[2].trim(), year: Number(b[1]) };
  return null;
}

/** Office and year guessed from a file name such as "汤原县2022年报.xlsx". */
export function readFileName(name: string): { office?: string; year?: number } {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const year = /(?:19|20)\d{2}/.exec(base)?.[0];
  const office = base
    .replace(/(?:19|20)\d{2}\s*(?:年报|年度?)?/, '')
    .replace(/(?:政府信息公开|信息公开)?(?:工作)?(?:年度)?(?:报告|年报)/, '')
    .replace(/[-_\s]+$/, '')
    .trim();
  return { office: office || undefined, year: year ? Number(year) : undefined };
}

/** Words that name no particular office: a title broken over lines leaves these behind. */
const GENERIC = /^(?:[县市区省镇乡]?(?:人民)?政府(?:办公室|办公厅)?|办公室|办公厅|本(?:机关|单位|部门)|我(?:局|委|办|厅|区|县|市|镇|乡))$/;

/** Whether a text can stand as an office's name: not a fragment like 「政府」, and not too short. */
export function isOfficeName(name: string | undefined): name is string {
  if (!name) return false;
  const n = name.replace(/\s+/g, '');
  return n.length >= 2 && /[\u4e00-\u9fff]/.test(n) && !GENERIC.test(n);
}

/** File stems that name a file, not an office. */
const STEM = /^(?:附件|附表|新建|工作簿|报表|年报|表格|文档|Book|Sheet|粘贴的文本|tables?|report)/i;
/** A place or organ name ending, for a name taken from a file name. */
const ORGAN = /(?:政府|办公室|办公厅|委员会|管委会|局|厅|委|办|署|院|中心|处|所|站|街道|办事处|镇|乡|县|市|区|旗|州|盟|省)$/;

/** An office read from a file name: only a name that ends like an office or a place. */
export function officeFromFileName(name: string | undefined): string | undefined {
  return isOfficeName(name) && !STEM.test(name) && ORGAN.test(name) ? name : undefined;
}
