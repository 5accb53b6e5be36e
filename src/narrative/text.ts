/** Text normalisation and number reading for report prose: full-width forms, spaces, Chinese numerals. */

/** Full-width digits, letters, %, . and spaces to ASCII; no-break and ideographic spaces to a plain space. */
export function normalizeText(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u00A0\u3000\u2002\u2003\u2009\u200B\uFEFF]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The text without whitespace and punctuation, for comparing titles and sentences. */
export function bare(s: string): string {
  return normalizeText(s).replace(/[\s\p{P}\p{S}]/gu, '');
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL = '[零〇一二两三四五六七八九十百千万]+';

/** Reads a Chinese numeral (三十四, 一百零五, 两千三百, 二〇二三); undefined when it is not one. */
export function chineseNumber(s: string): number | undefined {
  if (!s || !new RegExp(`^${CHINESE_NUMERAL}$`).test(s)) return undefined;
  // Digit by digit (二〇二三): no unit characters at all.
  if (!/[十百千万]/.test(s)) {
    if (s.length === 1) return DIGITS[s];
    return Number([...s].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c];
    } else if (c in UNITS) {
      section += (digit ?? 1) * UNITS[c];
      digit = undefined;
    } else if (c === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/** Reads an ASCII or Chinese count: "34", "1,234", "三十四". */
export function readCount(s: string): number | undefined {
  const t = s.replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  return chineseNumber(s);
}

export const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六'];
