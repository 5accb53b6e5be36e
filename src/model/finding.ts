/**
 * A finding: what a rule says about a report's cells (the contract's findings JSON).
 */
import type { Severity } from '../formats/types';

export interface Fix {
  cell: string;
  value: number;
  resolves: number;
  /** The cell is a total whose formula was overwritten: restore the formula (which gives `value`). */
  restoreFormula?: true;
}

export interface Finding {
  rule: string;
  severity: Severity;
  cells: string[];
  message: string;
  expected?: number;
  actual?: number;
  fix?: Fix;
  /** For a finding on a report's text: the sentence it concerns. */
  quote?: string;
  /** For a finding on a report's text: where the sentence is (section 一–六, 1-based paragraph, page). */
  place?: { section?: string; paragraph: number; page?: number };
}

/** A stable key for a finding, used to store a confirmed warning (出错说明). */
export function findingKey(f: Pick<Finding, 'rule' | 'cells'>): string {
  return `${f.rule}:${[...f.cells].sort().join(',')}`;
}
