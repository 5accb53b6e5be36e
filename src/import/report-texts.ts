/**
 * A document holding several reports (a county's 汇编 of its offices' reports): each report's
 * own text, from its title to the next report's title. The text of one report is never
 * checked against another's tables.
 */
import type { ReportDocument } from '../narrative/document';
import { compactText, isOfficeName, readTitle } from './title';

interface Named {
  office: string;
  year: number;
}

/** The same office, however much of its name a title or a signature prints: 「洪泽区人民政府」, 「淮安市洪泽区人民政府」. */
export const sameOffice = (a: string, b: string) => {
  const [x, y] = [compactText(a), compactText(b)];
  return !!x && !!y && (x === y || x.endsWith(y) || y.endsWith(x));
};

/** Where a report's title stands from `from` on: its paragraph, or the one before for a title broken over two. */
function titleAt(document: ReportDocument, from: number, report: Named): number | undefined {
  const ps = document.paragraphs;
  const names = (text: string) => {
    const t = readTitle(text);
    // A fragment (「政府」 from a broken title) names no office, so it matches none.
    return !!t && t.year === report.year && isOfficeName(t.office) && sameOffice(t.office, report.office);
  };
  for (let j = from; j < ps.length; j++) {
    if (names(ps[j].text)) return j;
    if (j > from && names(ps[j - 1].text + ps[j].text)) return j - 1;
  }
  return undefined;
}

/**
 * Each report's part of the text, in the reports' order; undefined when some report's title
 * is not found after the one before it, so that no text goes to the wrong report.
 */
export function textsByReport(document: ReportDocument, reports: Named[]): ReportDocument[] | undefined {
  if (reports.length <= 1) return reports.map(() => document);
  const starts: number[] = [];
  let from = 0;
  for (const r of reports) {
    const at = titleAt(document, from, r);
    if (at === undefined) return undefined;
    starts.push(at);
    from = at + 1;
  }
  // What stands before the first title (a page's metadata) belongs to the first report.
  return starts.map((s, i) => ({ source: document.source, paragraphs: document.paragraphs.slice(i === 0 ? 0 : s, starts[i + 1] ?? document.paragraphs.length) }));
}
