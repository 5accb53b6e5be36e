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
