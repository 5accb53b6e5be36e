/**
 * The recognizer's row state machine: each grid row read as a title, a table or section heading,
 * a header, or a data row of the current table, by its labels and never by a fixed position.
 * What it cannot find is reported, never invented.
 */
import { originText, type CellOrigin } from '../../model/report';
import { readCell } from '../../model/values';
import type { Grid, GridCell, GridRow } from '../grid';
import { rowTexts, spanOf } from '../grid';
import { joinedKey, labelKey, similarity } from '../label-key';
import { type FormatSpecs, type RowSpec, type TableId } from '../row-specs';
import { titleAt } from '../report-identity';
import { splitRuns } from './digit-runs';
import { rowsByOrder } from './rows-by-order';
import { tableRowsInLine } from './running-text';
import { compactText, isOfficeName, readDate, readPageMeta, readPeriodYear } from '../title';
import {
  APPEAL_HEADER_HITS,
  CAPTION_ROW_TEXTS,
  MATCH_MIN,
  META_ROW_TEXTS,
  MIN_CELLS,
  NEXT_REPORT_SHARE,
  REQUEST_COLUMNS_PLACED,
  REQUEST_HEADER_HITS,
  SIGNATURE_MAX_CHARS,
  TITLE_JOIN_LINES,
  TITLE_ROW_TEXTS,
  WRAPPED_LABEL_GAIN,
  WRAPPED_LABEL_LINES,
} from './tuning';
import { ReportInProgress } from './report-in-progress';
import { titleTable, matchRow, isYuan } from './label-match';
import { clip, isBlankText, isFigures, trimToCount, splitSequence, bySpans, densify } from './row-cells';

/** Words of a page's metadata block (发布机构, 来源, 发布日期, 时间…): only such rows are parsed for it. */
const META_WORD = /来\s*源|机\s*[构关]|单\s*位|主\s*体|日\s*期|时\s*间/;

/** 注：… / 备注：… / 说明：… rows under a table. */
const FOOTNOTE = /^(?:注|备注|说明)\d?[:：]/;
/** The cheap test first: most rows start otherwise, and normalising every row's first text costs. */
const MAY_BE_FOOTNOTE = /^\s*(?:注|备|说)/;

export class Recognizer {
  private readonly drafts: ReportInProgress[] = [];
  private cur: ReportInProgress;
  private parentKey?: string;
  /** The last text line, when short: an office above a date is a signature. */
  private lastLine?: string;
  /** The last short text lines, which may be the first lines of a title broken over lines. */
  private recentText: string[] = [];
  /** Labels of a row without figures, which may be the first line of a wrapped label. */
  private pendingLabels?: string[];

  constructor(
    private readonly grid: Grid,
    private readonly specs: FormatSpecs,
  ) {
    this.cur = new ReportInProgress(specs);
  }

  run(): ReportInProgress[] {
    for (const row of this.grid.rows) for (const r of tableRowsInLine(row, this.specs) ?? [row]) this.row(r);
    this.finish();
    return this.drafts;
  }

  private finish(): void {
    this.placeByOrder();
    if (this.cur.found > 0) this.drafts.push(this.cur);
    this.cur = new ReportInProgress(this.specs);
    this.parentKey = undefined;
  }

  private origin(cell: GridCell, row?: GridRow): CellOrigin {
    const g = this.grid;
    return {
      source: g.source,
      ...(g.sheet !== undefined ? { sheet: g.sheet } : {}),
      address: cell.at,
      ...(cell.page !== undefined ? { page: cell.page } : {}),
      ...(row?.hidden ? { hidden: true as const } : {}),
    };
  }

  private where(cell: GridCell, row?: GridRow): string {
    return originText(this.origin(cell, row));
  }

  private row(row: GridRow): void {
    const texts = rowTexts(row);
    if (!texts.length) return;
    const d = this.cur;
    if (MAY_BE_FOOTNOTE.test(texts[0]) && FOOTNOTE.test(texts[0].normalize('NFKC').replace(/\s+/g, ''))) {
      if (d.table) this.ignored(row, `脚注「${clip(texts.join(''))}」不是数据行，未读取`);
      return;
    }
    const hasValue = row.cells.some((c) => !c.copy && !isBlankText(c.text) && isFigures(c.text));

    if (texts.length <= META_ROW_TEXTS) this.pageFacts(texts);
    if (texts.length <= TITLE_ROW_TEXTS && !hasValue) {
      const title = titleAt(this.recentText, texts.join(' '));
      if (title) {
        if (d.found > 0) this.finish();
        if (isOfficeName(title.office)) this.cur.office = title.office;
        this.cur.year = title.year;
        this.recentText = [];
        return;
      }
      this.recentText = [...this.recentText, texts.join(' ')].slice(-(TITLE_JOIN_LINES + 1));
    } else this.recentText = [];
    const key = joinedKey(texts);
    const table = titleTable(key, this.specs);
    if (table && texts.length <= CAPTION_ROW_TEXTS && !hasValue) {
      if (d.tables.has(table) && d.found >= MIN_CELLS) this.finish();
      this.cur.table = table;
      return;
    }
    const section = this.specs.sectionOf(texts.join('').normalize('NFKC').replace(/\s+/g, ''));
    if (section !== undefined && !hasValue) {
      d.table = 'proactive';
      d.section = section;
      d.sectionX = [];
      d.sectionSpans = [];
      d.yuanColumns = new Set();
      return;
    }
    if (this.header(row, texts, hasValue)) return;
    this.dataRow(row);
  }

  /** Header rows set the table and, in real tables, where each value column is. */
  private header(row: GridRow, texts: string[], hasValue: boolean): boolean {
    const d = this.cur;
    const first = labelKey(texts[0]);
    const labelHeader = this.specs.labelHeader;
    if (labelHeader && similarity(first, labelHeader.key) >= MATCH_MIN && texts.length >= 2) {
      d.table = 'proactive';
      if (first !== labelHeader.key) this.drift(texts[0], labelHeader.label, []);
      const sec = d.section !== undefined && d.section >= 0 ? this.specs.sections[d.section] : undefined;
      if (sec) {
        // A header may carry its unit, "采购总金额（元）": matched by its start, or loosely.
        const headerCells = sec.columns.map((col, i) =>
          row.aligned
            ? (row.cells.find((c) => !c.copy && (labelKey(c.text) === col.key || labelKey(c.text).startsWith(col.key))) ??
              row.cells.find((c) => !c.copy && similarity(labelKey(c.text), col.key) >= MATCH_MIN))
            : ({ text: texts[i + 1] ?? '' } as GridCell),
        );
        if (row.aligned) {
          d.sectionX = headerCells.map((c) => c?.x);
          d.sectionSpans = headerCells.map((c) => (c ? spanOf(row, c) : undefined));
        }
        d.yuanColumns = new Set(sec.columns.flatMap((_, i) => (isYuan(headerCells[i]?.text ?? '') ? [i] : [])));
      }
      // Text rebuilt from one cell per line may carry the first data row on the header's line.
      return !hasValue;
    }
    const keys = row.cells.map((c) => labelKey(c.text));
    const leafHits = this.specs.requestColumns.filter((col) => keys.includes(col.key)).length;
    if (!hasValue && (leafHits >= REQUEST_HEADER_HITS || (leafHits >= 1 && d.table === 'requests' && keys.some((k) => this.specs.requestHeaderWords.includes(k))))) {
      d.table = 'requests';
      if (row.aligned) {
        this.specs.requestColumns.forEach((col, i) => {
          // "其他" and "总计" recur: keep the first found after the previous leaf, across header rows.
          if (d.requestX.has(i)) return;
          const after = i > 0 ? (d.requestX.get(i - 1) ?? -1) : -1;
          const cell = row.cells.find((c) => labelKey(c.text) === col.key && c.x > after);
          if (cell) d.requestX.set(i, cell.x);
        });
      }
      return true;
    }
    const leaves = this.specs.appealLeaves;
    const groupHits = this.specs.appealGroups.filter((g) => keys.includes(g.key)).length;
    const resultHits = keys.filter((k) => leaves.includes(k));
    if (!hasValue && resultHits.length >= APPEAL_HEADER_HITS && groupHits === 0 && d.table === 'appeals') {
      // Each result once: the table turned round, its rows the groups. Repeated: the statutory leaf row.
      if (new Set(resultHits).size === resultHits.length) d.appealOrder = resultHits;
      return true;
    }
    if (!hasValue && groupHits > 0 && (d.table === 'appeals' || keys.includes(this.specs.appealGroups[0].key))) {
      d.table = 'appeals';
      return true;
    }
    return false;
  }

  private candidates(): RowSpec[] {
    return rowsOfTable(this.specs, this.cur.table);
  }

  private dataRow(input: GridRow): void {
    const d = this.cur;
    const row = input.aligned ? densify(input) : input;
    const aligned = row.aligned && d.table === 'requests' && d.requestX.size >= REQUEST_COLUMNS_PLACED;
    const alignedSection = row.aligned && d.table === 'proactive' && d.sectionX.some((x) => x !== undefined);
    let labels: string[];
    let values: GridCell[] | null = null;
    let byColumn: (GridCell | undefined)[] | null = null;
    if (aligned || alignedSection) {
      const xs = aligned ? this.specs.requestColumns.map((_, i) => d.requestX.get(i)) : d.sectionX;
      const minX = Math.min(...xs.filter((x): x is number => x !== undefined));
      labels = rowTexts({ ...row, cells: row.cells.filter((c) => c.x < minX) });
      byColumn = alignedSection ? bySpans(row, d.sectionSpans, minX) : xs.map((x) => (x === undefined ? undefined : row.cells.find((c) => c.x === x && !c.copy)));
      // A row of blanks is read as blanks only under a statutory label: never a stray empty row.
      if (byColumn.every((c) => !c || isBlankText(c.text)) && !row.cells.some((c) => c.x >= minX && !c.copy && c.text.trim()) && !matchRow(labels, this.candidates(), this.parentKey)?.exact) return;
    } else {
      ({ labels, values } = splitSequence(row));
    }

    if (values && d.appealOrder && labels.length && this.transposedAppealsRow(row, labels, values)) return;
    if (values && (d.table === 'appeals' || (d.table === undefined && !labels.length))) {
      if (!labels.length || values.length >= this.specs.appealCells.length) this.appealsRow(row, values);
      return;
    }
    const hasFigures = (byColumn ?? values ?? []).some((c) => c && !isBlankText(c.text));
    // A label wrapped over lines, its figures on the last line or on a line of their own: the
    // label's lines wait for them.
    const pending = this.pendingLabels;
    this.pendingLabels = undefined;
    // A row set apart from the text around it (a Markdown row) never takes those lines for its label.
    if (!labels.length && hasFigures && pending && d.table !== 'appeals' && !row.apart) labels = pending;
    if (!labels.length) {
      if (hasFigures && d.table) push(d.unlabelled, d.table, { row, values: (values ?? byColumn ?? []).filter((c): c is GridCell => !!c) });
      return;
    }
    if (!hasFigures && d.table) push(d.looseLabels, d.table, labels.join(''));
    let match = matchRow(labels, this.candidates(), this.parentKey);
    if (hasFigures && pending && labels !== pending) {
      // Fragments of a vertical group label may sit between the lines of a wrapped one: try each
      // choice of the waiting lines, in order, and keep the best reading.
      const own = labels;
      for (let mask = (1 << pending.length) - 1; mask > 0; mask--) {
        const chosen = pending.filter((_, i) => mask & (1 << i));
        const joined = matchRow([...chosen, ...own], this.candidates(), this.parentKey);
        if (joined && (!match || (joined.exact && !match.exact) || (joined.exact === match.exact && joined.score > match.score + WRAPPED_LABEL_GAIN))) {
          labels = [...chosen, ...own];
          match = joined;
        }
      }
    }
    const parentLabel = this.specs.groups.find((g) => joinedKey(labels).endsWith(g.key));
    if (!hasFigures && d.table && !parentLabel && (!match || !match.exact)) this.pendingLabels = pending && pending.length < WRAPPED_LABEL_LINES ? [...pending, ...labels] : labels;
    if (!match) {
      const k = joinedKey(labels).replace(/(小计|合计)$/, '');
      const group = this.specs.groups.find((g) => k.endsWith(g.key)) ?? (/(小计|合计)$/.test(joinedKey(labels)) ? this.specs.groups.find((g) => g.key === this.parentKey) : undefined);
      if (group && d.table === 'requests') {
        this.parentKey = group.key;
        const vals = byColumn ? byColumn.map((c) => c?.text ?? '') : trimToCount(values ?? [], group.rows[0].cells.length).map((c) => c.text);
        if (vals.some((t) => !isBlankText(t))) d.subtotals.push({ label: labels.join(''), rows: group.rows, values: vals.map((t) => readCell(t, 'count')), at: this.where(row.cells[0], row) });
        return;
      }
      // Inside a table, a row with figures that is no statutory row (a local extra row) is named, not silently dropped.
      if (d.table && hasFigures && (d.found > 0 || row.aligned)) this.ignored(row, `「${clip(labels.join(''))}」不是法定表格中的行，这一行的数未读取`);
      return;
    }
    if (parentLabel && match.spec.parentKey === parentLabel.key) this.parentKey = parentLabel.key;
    else if (match.spec.parentKey) this.parentKey = match.spec.parentKey;
    const spec = match.spec;
    if (spec.section !== undefined) d.section = spec.section;

    const n = spec.cells.length;
    let cells: (GridCell | undefined)[];
    if (byColumn) {
      cells = byColumn.slice(0, n);
      if (alignedSection && byColumn.length !== n) return;
    } else {
      let v = trimToCount(values!, n);
      if (!v.length || (v.every((c) => isBlankText(c.text)) && !row.aligned)) return;
      const split = splitRuns(v, n);
      if (split && !('cells' in split)) {
        if ('impossible' in split) d.issues.push(`「${labels.join('')}」一行的数连写为“${clip(split.impossible, 60)}”，分不出 ${n} 个数，无法判断对应哪些列，未读取`);
        else if (!spec.cells.some((i) => d.readings[i] !== undefined)) this.ambiguous(row, v[0], labels.join(''), spec.cells, split.ambiguous);
        d.tables.add(spec.table);
        return;
      }
      if (split) v = split.cells;
      if (v.length !== n) {
        d.issues.push(`「${labels.join('')}」一行有 ${v.length} 个数，应为 ${n} 个，无法判断对应哪些列，未读取`);
        d.tables.add(spec.table);
        return;
      }
      cells = v;
    }
    if (spec.cells.some((i) => d.readings[i] !== undefined)) {
      if (d.found >= this.specs.format.cells.length * NEXT_REPORT_SHARE) {
        this.finish();
        this.dataRow(row);
      }
      return;
    }
    if (!match.exact) this.drift(labels[labels.length - 1], spec.label, spec.cells);
    const format = this.specs.format;
    spec.cells.forEach((index, i) => {
      const cell = cells[i];
      if (!cell) return;
      const kind = format.cells[index].kind;
      const plain = readCell(cell.text, kind);
      // A plain number under a header in 元 is 元: converted to 万元 and flagged, never taken as 万元.
      d.readings[index] = kind === 'money' && spec.section !== undefined && d.yuanColumns.has(i) && plain.status === 'number' && plain.value !== 0 ? readCell(`${cell.text.trim()}元`, kind) : plain;
      d.provenance[format.cells[index].id] = this.origin(cell, row);
      d.found++;
    });
    d.tables.add(spec.table);
  }

  /** A row of the turned-round appeals table: a group's results, in the header's order. */
  private transposedAppealsRow(row: GridRow, labels: string[], values: GridCell[]): boolean {
    const d = this.cur;
    const key = joinedKey(labels);
    const group = this.specs.appealGroups.find((g) => key.endsWith(g.key));
    if (!group) return false;
    const order = d.appealOrder!;
    const v = trimToCount(values, order.length);
    if (v.length !== order.length) {
      d.issues.push(`${this.shortTitle('appeals')}表中「${labels.join('')}」一行有 ${v.length} 个数，应为 ${order.length} 个，未读取`);
      return true;
    }
    const format = this.specs.format;
    order.forEach((leaf, i) => {
      const index = group.cells[this.specs.appealLeaves.indexOf(leaf)];
      if (index === undefined || d.readings[index] !== undefined) return;
      d.readings[index] = readCell(v[i].text, format.cells[index].kind);
      d.provenance[format.cells[index].id] = this.origin(v[i], row);
      d.found++;
    });
    d.tables.add('appeals');
    return true;
  }

  private appealsRow(row: GridRow, values: GridCell[]): void {
    const d = this.cur;
    const cells = this.specs.appealCells;
    if (!values.some((c) => !isBlankText(c.text))) return;
    let v = trimToCount(values, cells.length);
    if (cells.some((i) => d.readings[i] !== undefined)) return;
    d.tables.add('appeals');
    const split = splitRuns(v, cells.length);
    if (split && 'ambiguous' in split) return this.ambiguous(row, v[0], this.shortTitle('appeals'), cells, split.ambiguous);
    if (split && 'impossible' in split) {
      d.issues.push(`${this.shortTitle('appeals')}表的数连写为“${clip(split.impossible, 60)}”，分不出 ${cells.length} 个数，无法判断对应哪些列，未读取`);
      return;
    }
    if (split) v = split.cells;
    if (v.length !== cells.length) {
      d.issues.push(`${this.shortTitle('appeals')}表的数据行有 ${v.length} 个数，应为 ${cells.length} 个，无法判断对应哪些列，未读取`);
      return;
    }
    const format = this.specs.format;
    cells.forEach((index, i) => {
      d.readings[index] = readCell(v[i].text, format.cells[index].kind);
      d.provenance[format.cells[index].id] = this.origin(v[i], row);
      d.found++;
    });
  }

  /** Office and year from what a page says around the tables: 发布机构 and 发布日期, the 统计期限 sentence, the signature. */
  private pageFacts(texts: string[]): void {
    const d = this.cur;
    const line = texts.join(' ');
    if (META_WORD.test(line)) {
      const meta = readPageMeta(texts);
      if (meta.office) d.publisher ??= meta.office;
      if (meta.published) d.published ??= meta.published;
    }
    // The sentence may be broken over two lines (PDF text).
    const period = line.includes('统') || this.lastLine?.includes('统') ? (readPeriodYear(line) ?? readPeriodYear(`${this.lastLine ?? ''} ${line}`)) : undefined;
    if (period) d.periodYear ??= period;
    // A signature: the office alone on a line, its date on the next.
    const date = texts.length === 1 && line.length <= SIGNATURE_MAX_CHARS && this.lastLine ? readDate(line, true) : null;
    if (date && isOfficeName(this.lastLine)) {
      d.signature = compactText(this.lastLine);
      d.published ??= date;
    }
    this.lastLine = texts.length === 1 ? line : undefined;
  }

  /** Each table's rows of figures without labels, placed by order where everything agrees (rows-by-order.ts). */
  private placeByOrder(): void {
    const d = this.cur;
    const format = this.specs.format;
    for (const [table, rows] of d.unlabelled) {
      const unread = this.specs.rows.filter((r) => r.table === table && r.cells.every((i) => d.readings[i] === undefined));
      const placed = rowsByOrder(unread, rows, d.looseLabels.get(table) ?? []);
      if (!placed) continue;
      placed.forEach(({ spec, values }, k) => {
        spec.cells.forEach((index, i) => {
          d.readings[index] = readCell(values[i].text, format.cells[index].kind);
          d.provenance[format.cells[index].id] = this.origin(values[i], rows[k].row);
          d.found++;
        });
      });
      d.findings.push({
        rule: 'format.rows_by_order',
        severity: 'info',
        cells: placed.flatMap(({ spec }) => spec.cells.map((i) => format.cells[i].id)),
        message: `${placed.map(({ spec }) => `「${spec.label}」`).join('')}${placed.length} 行的数没有紧挨着标签（${this.where(rows[0].values[0], rows[0].row)} 起），已按法定顺序与文中的标签对应读取：行数、每行的数的个数与标签的顺序都相符。请核对。`,
      });
    }
  }

  /** A row whose figures run together and split more than one way: its cells unreadable, never guessed. */
  private ambiguous(row: GridRow, at: GridCell, what: string, cells: number[], text: string): void {
    const d = this.cur;
    const format = this.specs.format;
    for (const index of cells) {
      d.readings[index] = { status: 'invalid', value: null, raw: text, ambiguous: true };
      d.provenance[format.cells[index].id] = this.origin(at, row);
      d.found++;
    }
    d.findings.push({
      rule: 'cell.ambiguous',
      severity: 'error',
      cells: cells.map((i) => format.cells[i].id),
      message: `「${clip(what)}」的 ${cells.length} 个数连写为“${clip(text, 60)}”，可以有不止一种分法，无法判断各格的数，均未读取（${this.where(at, row)}）。请核对原表，按格填写。`,
    });
  }

  private shortTitle(role: TableId): string {
    return this.specs.tables.find((t) => t.role === role)?.short ?? '';
  }

  private ignored(row: GridRow, what: string): void {
    this.cur.findings.push({ rule: 'format.row_ignored', severity: 'info', cells: [], message: `${what}（${this.where(row.cells[0], row)}）。` });
  }

  private drift(printed: string, statutory: string, cells: number[]): void {
    const format = this.specs.format;
    this.cur.drifts++;
    this.cur.findings.push({
      rule: 'format.label_drift',
      severity: 'warning',
      cells: cells.map((i) => format.cells[i].id),
      message: `标签「${printed.trim()}」与法定表述「${statutory}」不一致，已按「${statutory}」读取。`,
    });
  }
}

/** Appends to a list kept by key. */
function push<K, V>(m: Map<K, V[]>, key: K, value: V): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}

/** Each table's statutory rows (all of them without a table), one list per format: the label matches are remembered by list. */
const tableRows = new WeakMap<FormatSpecs, Map<TableId | undefined, RowSpec[]>>();

function rowsOfTable(specs: FormatSpecs, table: TableId | undefined): RowSpec[] {
  let byTable = tableRows.get(specs);
  if (!byTable) tableRows.set(specs, (byTable = new Map()));
  let rows = byTable.get(table);
  if (!rows) byTable.set(table, (rows = table ? specs.rows.filter((r) => r.table === table) : specs.rows));
  return rows;
}
