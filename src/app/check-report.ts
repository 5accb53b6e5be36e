/**
 * The findings of one report, the same in every face: a summary checked against its members
 * (when they are among the reports beside it), then every rule of its format.
 */
import { formats as defaultRegistry, type FormatRegistry } from '../formats';
import { checkSummary } from '../consolidate/consolidate';
import type { Report } from '../model/report';
import { validate, type Validation } from '../rules/engine';
import type { RuleSettings } from '../rules/types';

export interface CheckContext {
  /** The reports beside it (a workbook's sheets, the files given together): a summary's members are sought here. */
  siblings?: Report[];
  /** The same office's report of the year before. */
  previous?: Report;
  settings?: Partial<RuleSettings>;
  registry?: FormatRegistry;
}

export function checkReport(report: Report, context: CheckContext = {}): Validation {
  const registry = context.registry ?? defaultRegistry;
  const v = validate(report, { registry, previous: context.previous, settings: context.settings });
  return { findings: [...checkSummary(report, context.siblings ?? [], registry), ...v.findings], confirmed: v.confirmed };
}

/** Last year's report for this one among those given: the same office's, else the only one of that year. */
export function previousFor(report: Report, previous: Report[]): Report | undefined {
  const same = previous.find((p) => p.office === report.office && p.year === report.year - 1);
  if (same) return same;
  const lastYear = previous.filter((p) => p.year === report.year - 1);
  return lastYear.length === 1 ? lastYear[0] : undefined;
}
