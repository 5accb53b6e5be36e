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
    .replace(/(?:19|20)\d{2}\s*年?度?/, '')
    .replace(/(?:政府信息公开|信息公开)?(?:工作)?(?:年度)?(?:报告|年报)/, '')
    .replace(/[-_\s]+$/, '')
    .trim();
  return { office: office || undefined, year: year ? Number(year) : undefined };
}
