/** One paragraph of running text (or one line for text input), in document order. Table cells are not paragraphs. */
export interface DocParagraph {
  text: string;
  page?: number;
}
/** The running text of a published report, tables excluded. */
export interface ReportDocument {
  source: string;
  paragraphs: DocParagraph[];
}
