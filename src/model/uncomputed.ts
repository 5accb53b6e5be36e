/**
 * What a formula cell reads as when its result cannot be had: a text the value reader takes as
 * unreadable, so it is an error at that cell and never a 0 or a blank, and never formula source.
 */
export const UNCOMPUTED = {
  /** A formula outside the sums and references the templates use, with no result stored. */
  unsupported: '（公式未计算）',
  /** A formula that depends on itself, directly or through other cells. */
  cycle: '（循环引用）',
  /** The file's formulas need more evaluations than a report ever does. */
  budget: '（公式计算超出限制）',
} as const;

export type Uncomputed = (typeof UNCOMPUTED)[keyof typeof UNCOMPUTED];

/** Said once per file whose formulas hit the evaluation bounds. */
export const FORMULA_LIMIT_NOTICE = `部分公式没有保存计算结果，逐格计算超出上限，未算完的格记为“${UNCOMPUTED.budget}”（不按 0 计）；请在 Excel 或 WPS 中打开、重新计算并保存后再读取`;
