/** The offline check of a report's text against its own tables: structure.* and narrative.* findings. */
import type { Report } from '../model/report';
import type { Finding } from '../rules/types';
import type { ReportDocument } from './document';
import { splitSections } from './sections';
import { structureFindings } from './structure-rules';

export interface NarrativeInput {
  document: ReportDocument;
  /** The tables of the same report, as read by the existing recognizer; absent when the document has no readable tables. */
  report?: Report;
  previous?: ReportDocument;
}

export function checkNarrative(input: NarrativeInput): Finding[] {
  const split = splitSections(input.document);
  return structureFindings(input.document, split);
}
