/**
 * A report as the recognizer gathers it from a grid's rows: figures, where each was read, and what the page says about its office and year.
 */
import { type CellOrigin } from '../../model/report';
import { type Reading } from '../../model/values';
import type { Finding } from '../../model/finding';
import { type FormatSpecs, type RowSpec, type TableId } from '../row-specs';
import { yearPublishedFor, type DateFact } from '../title';
import type { UnlabelledRow } from './rows-by-order';

interface Subtotal {
  label: string;
  rows: RowSpec[];
  values: Reading[];
  at: string;
}

export class ReportInProgress {
  office?: string;
  year?: number;
  /** 发布机构 / 来源 of the page. */
  publisher?: string;
  /** The office signing the report, above its date. */
  signature?: string;
  /** The year of the 统计期限 sentence. */
  periodYear?: number;
  /** The page's 发布日期, or the signature's date: weak evidence of the year. */
  published?: DateFact;
  readings: (Reading | undefined)[];
  provenance: Record<string, CellOrigin> = {};
  findings: Finding[] = [];
  issues: string[] = [];
  subtotals: Subtotal[] = [];
  tables = new Set<TableId>();
  found = 0;
  drifts = 0;
  table?: TableId;
  section?: number;
  requestX = new Map<number, number>();
  sectionX: (number | undefined)[] = [];
  /** The columns each section header cell covers, for rows merged differently from their header. */
  sectionSpans: ([number, number] | undefined)[] = [];
  /** The appeals table turned round: its result columns' label keys in order. */
  appealOrder?: string[];
  /** Money columns of the current section whose header says 元, not 万元. */
  yuanColumns = new Set<number>();
  /** Rows of figures with no label, and text lines with no figures, by table, in order (rows-by-order.ts). */
  unlabelled = new Map<TableId, UnlabelledRow[]>();
  looseLabels = new Map<TableId, string[]>();

  constructor(readonly specs: FormatSpecs) {
    this.readings = new Array(specs.format.cells.length);
  }

  /** The year the report states: its title, its 统计期限 sentence, else a publication date in the first quarter after it (weak). */
  statedYear(): number | undefined {
    return this.year ?? this.periodYear ?? yearPublishedFor(this.published);
  }
}
