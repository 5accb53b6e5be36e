/** The offline check of a report's text against its own tables: structure.* and narrative.* findings. */
import { formats, type FormatRegistry } from '../formats';
import { UNKNOWN_OFFICE, type Report } from '../model/report';
import type { Finding } from '../model/finding';
import { copiedFindings } from './copied';
import type { ReportDocument } from './document';
import { officeLevel, sentencesOf, type Scope } from './figures';
import { narrativeFindings } from './narrative-rules';
import { splitSections } from './sections';
import { structureFindings } from './structure-rules';

export interface NarrativeInput {
  document: ReportDocument;
  /** The tables of the same report, as read by the existing recognizer; absent when the document has no readable tables. */
  report?: Report;
  /** The previous year's report of the same office (--previous), for narrative.copied. */
  previous?: ReportDocument;
  /** Where the report's format is defined: the shipped formats unless told. */
  registry?: FormatRegistry;
}

function scopeOf(report: Report | undefined): Scope | undefined {
  if (!report) return undefined;
  const known = report.office && report.office !== UNKNOWN_OFFICE;
  return { year: report.year, office: known ? report.office : undefined, level: known ? officeLevel(report.office) : null };
}

export function checkNarrative(input: NarrativeInput): Finding[] {
  const doc = input.document;
  const split = splitSections(doc);
  const sentences = sentencesOf(doc, split);
  const format = input.report && (input.registry ?? formats).byId(input.report.format);
  const tables = input.report && format ? { format, report: input.report } : undefined;
  return [...structureFindings(doc, split), ...narrativeFindings(doc, split, sentences, tables, scopeOf(input.report)), ...(input.previous ? copiedFindings(doc, split, input.previous) : [])];
}
