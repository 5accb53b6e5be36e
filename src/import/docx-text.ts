/** A Word document's running text: its w:p paragraphs outside tables, in order. */
import type { ChildNode, Element } from 'domhandler';
import type { FormatRegistry } from '../formats';
import type { ReportDocument } from '../narrative/document';
import { isTag } from './dom-text';
import { docxText } from './docx-grid';
import { isTableText, reportDocument, tableLabels } from './document-text';
import { MAX_DEPTH } from './limits';

/** Parts of the body that are never the text as printed: deleted runs, section settings. */
const SKIP = new Set(['w:tbl', 'w:sectPr', 'w:del', 'w:moveFrom']);

export function documentFromDocxBody(body: Element, source: string, registry: FormatRegistry): ReportDocument {
  const labels = tableLabels(registry);
  const texts: string[] = [];
  const walk = (nodes: ChildNode[], depth = 0) => {
    if (depth > MAX_DEPTH) return;
    for (const n of nodes) {
      if (!isTag(n) || SKIP.has(n.name)) continue;
      if (n.name === 'w:p') {
        const t = docxText(n).replace(/\s+/g, ' ').trim();
        if (t) texts.push(t);
      } else walk(n.children, depth + 1);
    }
  };
  walk(body.children);
  // A table typed as paragraphs (a caption, a header line) is still the table's.
  return reportDocument(
    source,
    texts.filter((t) => !isTableText(t, labels)).map((text) => ({ text })),
  );
}
