/**
 * Who and when a report is: office and year from its title (「阜新市人民政府办公室 2020 年度政府信息公开工作报告」),
 * from its page's metadata (发布机构, 发布日期), its 统计期限 sentence, its signature, and its file name last.
 */

/**
 * Text as printed: full-width forms folded, spaces next to Chinese dropped (PDF text spaces
 * characters out: 「XX 县 人 民 政 府」); spaces between Latin letters are kept.
 */
export function compactText(text: string): string {
  // Width folded (２０２３ → 2023), but an office's own full-width brackets stay as it writes them.
  return text
    .replace(/[（）\u0001\u0002]/g, (ch) => (ch === '（' ? '\u0001' : ch === '）' ? '\u0002' : ''))
    .normalize('NFKC')
    .replace(/[\u0001\u0002]/g, (ch) => (ch === '\u0001' ? '（' : '）'))
    .replace(/\s+/g, ' ')
    .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '')
    .trim();
}

/** A year in figures or in Chinese numerals (二〇二三). */
const YEAR = '((?:19|20)\\d{2}|二[〇零○O][〇零○O一二三四五六七八九]{2})';
const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function yearValue(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : Number([...s].map((c) => CN_DIGIT[c]).join(''));
}

/** 一 … 十二, 一 … 三十一, or figures. */
function smallNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  return (s.includes('十') ? (tens ? CN_DIGIT[tens] : 1) * 10 : 0) + (ones ? CN_DIGIT[ones] : 0);
}

const REPORT = '(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)';
const OFFICE_FIRST = new RegExp(`^(.{2,40}?)[（(]?${YEAR}年度?[)）]?(?:的)?${REPORT}`);
const YEAR_FIRST = new RegExp(`^${YEAR}年度?(.{2,40}?)${REPORT}`);
/** 「XX局政府信息公开工作2023年度报告」. */
const YEAR_INSIDE = new RegExp(`^(.{2,40}?)(?:政府|政务)?信息公开工作[（(]?${YEAR}年度?[)）]?(?:年度)?(?:报告|年报)`);

/** The key of a metadata line holding the title, as archivers and crawlers write it. */
const TITLE_KEY = /^(?:标题|题目|文章标题|信息名称|名称|title)[:：]/i;

export interface Title {
  /** As printed, possibly a fragment (「政府」) when the title was broken over lines: check with isOfficeName. */
  office: string;
  year: number;
}

export function readTitle(text: string): Title | null {
  const t = compactText(text)
    // PDF text may space out the figures of the year too (「2 0 2 3 年」).
    .replace(/(?<=\d) (?=\d)/g, '')
    // A page saved with its metadata in front: 「标题: 平潭综合实验区公安局2022年…报告」.
    .replace(TITLE_KEY, '')
    .replace(/^[《「“"'【[]+/, '')
    .replace(/^关于/, '');
  if (t.length > 80) return null;
  const tidy = (office: string) => office.replace(/关于$/, '').trim();
  const a = OFFICE_FIRST.exec(t);
  if (a) return { office: tidy(a[1]), year: yearValue(a[2]) };
  const b = YEAR_FIRST.exec(t);
  if (b) return { office: tidy(b[2]), year: yearValue(b[1]) };
  const c = YEAR_INSIDE.exec(t);
  if (c) return { office: tidy(c[1]), year: yearValue(c[2]) };
  return null;
}

/**
 * How an office's name ends: an organ (人民政府, 办公室, 局, 委员会, 街道办事处, 公司…) or a place
 * whose government reports (吴忠市, 某县, 平潭综合实验区, 甲乡).
 */
const OFFICE_SUFFIX =
  /(?:人民政府|政府|办公室|办公厅|办事处|委员会|管委会|局|厅|委|办|署|院|中心|部|所|站|队|会|社|馆|台|处|公司|集团|银行|学校|大学|场|省|市|县|区|旗|州|盟|乡|镇|街道|苏木|村|社区)$/;
/** What is left before the suffix when the name names nobody in particular: 「县」政府, 「市人民政府」办公室, 「本」局. */
const GENERIC_REST = /^(?:[省市县区乡镇旗州盟村]|本|我|该|全|各|贵|上级|人民|政府|中共|办公室|办公厅)*$/;
/** A title's or a sentence's words, never an office's. */
const NOT_A_NAME = /年度|信息公开|报告|年报|(?:19|20)\d{2}|[,，。;；:：!！?？、|｜/]/;

/**
 * Whether a text can stand as an office's name: it ends like an organ or a place, and names one
 * before that ending. A fragment left by a title broken over lines (「政府」「办公室」「县人民政府」)
 * is not one.
 */
export function isOfficeName(name: string | undefined): name is string {
  if (!name) return false;
  const n = compactText(name);
  if (n.length < 2 || n.length > 40 || !/[\u4e00-\u9fff]/.test(n) || NOT_A_NAME.test(n)) return false;
  // A bracketed note after the name (（交通警察支队）, (地震局)) is not where the name ends.
  const bare = n.replace(/[（(][^（）()]+[）)]$/, '');
  const suffix = OFFICE_SUFFIX.exec(bare);
  if (!suffix) return false;
  const rest = bare.slice(0, suffix.index);
  return rest !== '' && /\p{L}/u.test(rest) && !GENERIC_REST.test(rest);
}

/** File stems that name a file, not an office. */
const STEM = /^(?:附件|附表|新建|工作簿|报表|年报|表格|文档|Book|Sheet|粘贴的文本|tables?|report)/i;

/** An office read from a file name: only a name that reads as an office, never a file stem. */
export function officeFromFileName(name: string | undefined): string | undefined {
  return isOfficeName(name) && !STEM.test(name) ? compactText(name) : undefined;
}

/**
 * Office and year from a file name such as 「汤原县2022年报.xlsx」 or 「附件1：洪泽区人民政府2023年政府信息公开工作年度报告.pdf」.
 * The office only when it reads as one (never 「附件1」 or 「新建 Microsoft Excel 工作表」).
 */
export function readFileName(name: string): { office?: string; year?: number } {
  const base = name
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .replace(/^(?:附件|附表)\s*\d*\s*[-_—：:、.．\s]*/, '');
  const title = readTitle(base);
  if (title && isOfficeName(title.office)) return { office: officeFromFileName(title.office), year: title.year };
  const figure = /(?:19|20)\d{2}/.exec(base)?.[0];
  const office = base
    .replace(/(?:19|20)\d{2}\s*(?:年报|年度?)?/, '')
    .replace(/(?:政府信息公开|信息公开)?(?:工作)?(?:年度)?(?:报告|年报)/, '')
    .replace(/[-_\s]+$/, '')
    .trim();
  return { office: officeFromFileName(office), year: title?.year ?? (figure ? Number(figure) : undefined) };
}

export interface DateFact {
  year: number;
  month: number;
  /** As printed, for messages. */
  text: string;
}

const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const DAY = '(?:\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])';
const CN_DATE = new RegExp(`^${YEAR}年${MONTH}月(?:${DAY}日)?`);
const ISO_DATE = /^((?:19|20)\d{2})[-/.](\d{1,2})(?:[-/.]\d{1,2})?(?=$|[^\d])/;

/** A date at the start of a text: 「2024年1月20日」「2024年1月」「2024-01-20 15:35」「二〇二四年一月二十日」. `whole`: nothing else. */
export function readDate(text: string, whole = false): DateFact | null {
  const t = compactText(text);
  const m = CN_DATE.exec(t) ?? ISO_DATE.exec(t);
  if (!m) return null;
  if (whole && m[0].length !== t.length) return null;
  const month = smallNumber(m[2]);
  return month >= 1 && month <= 12 ? { year: yearValue(m[1]), month, text: m[0] } : null;
}

/**
 * The reporting year a publication date supports: reports are due by 31 January and are
 * published in the first quarter, so January–March of Y+1 supports Y. Weak: only without other evidence.
 */
export function yearPublishedFor(date: DateFact | undefined): number | undefined {
  return date && date.month <= 3 ? date.year - 1 : undefined;
}

const PERIOD = new RegExp(`统计(?:期限|时限|时间|区间|周期|范围)[^。；;]{0,12}?${YEAR}年(?:0?1月0?1日|度|全年)`);

/** The year of the 统计期限 sentence: 「本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止」 → 2023. */
export function readPeriodYear(text: string): number | undefined {
  const m = PERIOD.exec(compactText(text));
  return m ? yearValue(m[1]) : undefined;
}

const OFFICE_KEYS = ['发布机构', '发文机关', '发文机构', '发布单位', '发布主体', '公开主体', '信息来源', '来源'];
const DATE_KEYS = ['公开日期', '发布日期', '发文日期', '成文日期', '发布时间', '公开时间', '时间', '日期'];
/** Other keys of a page's metadata block: they end the value before them. */
const OTHER_KEYS = [
  '信息索引号',
  '索引号',
  '生效日期',
  '废止日期',
  '主题分类',
  '体裁分类',
  '组配分类',
  '信息分类',
  '分类',
  '发文字号',
  '文号',
  '有效性',
  '公开方式',
  '公开范围',
  '关键词',
  '标题',
  '名称',
  '字号',
  '浏览次数',
  '点击数',
  '责任部门',
];
const KEYS = [...OFFICE_KEYS, ...DATE_KEYS, ...OTHER_KEYS].sort((a, b) => b.length - a.length).join('|');
const KEY_IN_TEXT = new RegExp(`(${KEYS})[:：]`, 'g');
const KEY_ALONE = new RegExp(`^(${KEYS})[:：]?$`);

export interface PageMeta {
  /** 发布机构 / 发文机关 / 信息来源, when it reads as an office. */
  office?: string;
  /** 发布日期 / 公开日期 / 时间. */
  published?: DateFact;
}

/**
 * The metadata government CMS pages print above a report: 「索引号：… 发布机构：XX县人民政府办公室
 * 公开日期：2024-01-20」, on one line, over several, or as a table of key and value cells.
 */
export function readPageMeta(texts: string[]): PageMeta {
  const parts = texts.map(compactText);
  const pairs: [string, string][] = [];
  for (let i = 0; i < parts.length; i++) {
    const alone = KEY_ALONE.exec(parts[i]);
    if (alone) {
      if (i + 1 < parts.length) pairs.push([alone[1], parts[++i]]);
      continue;
    }
    const keys = [...parts[i].matchAll(KEY_IN_TEXT)];
    keys.forEach((m, k) => pairs.push([m[1], parts[i].slice(m.index + m[0].length, keys[k + 1]?.index ?? parts[i].length)]));
  }
  const out: PageMeta = {};
  for (const [key, raw] of pairs) {
    const value = raw.replace(/[【[（(|｜].*$/, '').trim();
    if (OFFICE_KEYS.includes(key) && isOfficeName(value)) out.office ??= value;
    if (DATE_KEYS.includes(key)) out.published ??= readDate(value) ?? undefined;
  }
  return out;
}
