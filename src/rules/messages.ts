/** Chinese wording of findings. */
import type { CellDef, CompiledFormat } from '../formats/compile';
import type { Fix } from '../model/finding';
import { fmt, type Reading } from '../model/values';

export function cellLabel(c: CellDef): string {
  return `「${c.rowLabel}」×「${c.columnLabel}」`;
}

export const cellMessages = {
  blank: (c: CellDef) => `${cellLabel(c)}为空白。法定表格要求没有数据时填 0，计算时按 0 处理。`,
  notNumber: (c: CellDef, r: Reading) => `${cellLabel(c)}的内容“${clipText(r.raw ?? '')}”不是数字，未计入任何合计，相关勾稽关系无法核对。请改为数字。`,
  negative: (c: CellDef, v: number) => `${cellLabel(c)}为负数 ${fmt(v)}，该项应为不小于 0 的件数。`,
  notInteger: (c: CellDef, v: number) => `${cellLabel(c)}为小数 ${fmt(v)}，该项应为整数件数。`,
  unitText: (c: CellDef, r: Reading) => `${cellLabel(c)}写作“${r.raw ?? ''}”，已读取为 ${r.understood ?? ''}，请确认单位无误，并在表中直接填写以万元为单位的数字。`,
  annotated: (c: CellDef, r: Reading) => `${cellLabel(c)}写作“${clipText(r.raw ?? '', 60)}”，已按 ${r.understood ?? ''} 读取。法定表格只填数字，请确认并把说明移到正文。`,
  normalised: (c: CellDef, r: Reading) => `${cellLabel(c)}写作“${r.raw ?? ''}”，已读取为 ${r.understood ?? ''}。`,
  missing: (labels: string[], total: number) => `表格缺少 ${total} 个单元格，未能读取：${labels.slice(0, 8).join('、')}${total > 8 ? ' 等' : ''}。请核对表格是否缺行、缺列。`,
};

export function relationMessage(scope: string, op: '=' | '<=', leftLabel: string, L: number, rightLabel: string, R: number): string {
  const head = scope ? `${scope}：` : '';
  if (op === '=') return `${head}${leftLabel} = ${fmt(L)}，应等于${rightLabel} = ${fmt(R)}`;
  if (leftLabel === '0') return `${head}${rightLabel} = ${fmt(R)}，不应小于 0`;
  return `${head}${leftLabel} = ${fmt(L)}，不应大于${rightLabel} = ${fmt(R)}`;
}

/** A share over its setting; `advice` (the format's) says what to check. */
export function shareMessage(partLabel: string, part: number, wholeLabel: string, whole: number, max: number, advice: string): string {
  const pct = whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
  return `${partLabel}为 ${fmt(part)} 件，占${wholeLabel} ${fmt(whole)} 件的 ${pct}%，超过 ${Math.round(max * 1000) / 10}%。${advice}`;
}

/** Long text shown in a message is cut, so one hostile cell cannot flood the pane. */
export function clipText(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…（共 ${s.length} 字）` : s;
}

export function yearMismatchMessage(year: number, used: string, due: string | undefined, firstYear: number): string {
  if (!due) return `${year} 年度没有法定表格格式：年度报告格式自 ${firstYear} 年度起施行。请核对报告年度。`;
  return `${year} 年度报告应使用${due}格式，但本表使用的是${used}格式。请按 ${year} 年度的格式重新生成表格。`;
}

/** The cross-year relations a format keeps across a switch of format, each once (not per column): 「“二、上年结转”= “上年度四、结转下年度”」. */
export function carryOverText(format: CompiledFormat): string[] {
  return [...new Set(format.relations.filter((r) => r.crossYear && r.acrossFormats).map((r) => `“${r.leftLabel}”= “${r.rightLabel}”`))];
}

/** `checked`: the relations that hold across the switch, as the format states them (「二、上年结转」= 「上年度四、结转下年度」). */
export function formatSwitchMessage(prevName: string, curName: string, checked: string[]): string {
  return `上年度报告使用${prevName}格式，本年度使用${curName}格式；跨年度只核对${checked.join('、')}。`;
}

/** The action a fix suggestion proposes, e.g. 「将…改为 0」 or 「恢复…的合计公式（结果为 12）」. */
export function fixAction(fix: Fix, label: string): string {
  return fix.restoreFormula ? `恢复${label}的合计公式（结果为 ${fix.value}）` : `将${label}改为 ${fix.value}`;
}

/** A cell's value as submitted, for a reader: the number, 空白, the text as written, or 未找到. */
export function readingText(r: Reading | undefined): string {
  if (!r) return '（未找到）';
  if (r.dependsOn) return '（依赖的单元格无法读取）';
  if (r.status === 'invalid') return `“${clipText(r.raw ?? '')}”`;
  if (r.value === null) return '（空白）';
  return r.raw !== undefined ? `${fmt(r.value)}（写作“${clipText(r.raw)}”）` : fmt(r.value);
}
