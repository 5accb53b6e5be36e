/** Where a finding is in the document: its section and its 1-based paragraph. */
import type { Finding } from '../model/finding';
import type { ReportDocument } from './document';
import { numeral, type SectionSplit } from './sections';

export function placeOf(doc: ReportDocument, split: SectionSplit, paragraph: number): NonNullable<Finding['place']> {
  const place: NonNullable<Finding['place']> = { paragraph: paragraph + 1 };
  const no = split.sectionOf(paragraph);
  if (no !== undefined) place.section = numeral(no);
  const page = doc.paragraphs[paragraph]?.page;
  if (page !== undefined) place.page = page;
  return place;
}
