/**
 * The recognizer: turns a grid into reports of a known format by reading the labels,
 * never fixed positions. What it cannot find is reported, never invented.
 */
import type { FormatRegistry } from '../formats';
import type { CompiledFormat } from '../formats/compile';
import { originText, UNKNOWN_OFFICE, type CellOrigin, type Report } from '../model/report';
import { looksLikeValue, readCell, type Reading } from '../model/values';
import { cellLabel, relationMessage } from '../rules/messages';
import type { Finding } from '../model/finding';
import type { Grid, GridCell, GridRow } from './grid';
import { rowTexts } from './grid';
import { joinedKey, labelKey, similarity } from './label-key';
import { formatSpecs, type FormatSpecs, type RowSpec, type TableId } from './row-specs';
import { compactText, isOfficeName, officeFromFileName, readDate, readPageMeta, readPeriodYear, readTitle, yearPublishedFor, type DateFact, type Title } from './title';

/** Below this, a label is not taken for a statutory one. */
const MATCH_MIN = 0.75;
/** A report needs at least this many cells found, so an unrelated sheet is never taken for one. */
const MIN_CELLS = 8;

export interface RecognizeOptions {
  registry: FormatRegistry;
  office?: string;
  year?: number;
}

export interface Recognition {
  reports: Report[];
  /** Why something that looked like a report could not be taken, in Chinese. */
  problems: string[];
}

interface Subtotal {
  label: string;
  rows: RowSpec[];
  values: Reading[];
  at: string;
}

class Draft {
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

  constructor(readonly specs: FormatSpecs) {
    this.readings = new Array(specs.format.cells.length);
  }
}

/** The table a title row names, by the words its definition gives. */
function titleTable(key: string, specs: FormatSpecs): TableId | undefined {
  return specs.tables.find((t) => t.words.every((w) => key.includes(w)) && (!t.end || key.endsWith(t.end)))?.role;
}

/** Words of a page's metadata block (发布机构, 来源, 发布日期, 时间…): only such rows are parsed for it. */
const META_WORD = /来\s*源|机\s*[构关]|单\s*位|主\s*体|日\s*期|时\s*间/;

/** A line holding only a place (or a party committee): the first part of a title broken over lines. */
const PLACE_LINE = /^[\u4e00-\u9fff]{2,24}(?:省|市|县|区|旗|州|盟|委)$/;

/** 注：… / 备注：… / 说明：… rows under a table. */
const FOOTNOTE = /^(?:注|备注|说明)\d?[:：]/;

function clip(t: string, max = 30): string {
  const s = t.replace(/\s+/g, '');
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function isBlankText(t: string): boolean {
  return t.trim() === '';
}

/** Whether a and b share enough characters to reach MATCH_MIN at all. */
function mayMatch(a: string, b: string): boolean {
  if (!a.length || !b.length) return false;
  let shared = 0;
  for (const ch of a) if (b.includes(ch)) shared++;
  return (2 * Math.min(shared, b.length)) / (a.length + b.length) >= MATCH_MIN;
}

/** The label that best names a statutory row, exactly (after normalising) or with drift. */
function matchRow(labels: string[], candidates: RowSpec[], parentKey?: string): { spec: RowSpec; exact: boolean; score: number } | null {
  const full = joinedKey(labels);
  const last = labelKey(labels[labels.length - 1] ?? '');
  let best: RowSpec | null = null;
  for (const c of candidates) {
    if (!c.key || !full.endsWith(c.key)) continue;
    // "其他" ends many labels: prefer the longest match, then the one under the current group.
    if (!best || c.key.length > best.key.length || (c.key.length === best.key.length && c.parentKey === parentKey)) best = c;
  }
  if (best) {
    const printed = last.length ? last : full;
    return { spec: best, exact: printed === best.key || full.endsWith(best.key), score: 1 };
  }
  let top: RowSpec | null = null;
  let topScore = 0;
  let second = 0;
  for (const c of candidates) {
    const tail = full.slice(-c.key.length - 2);
    // Cheap bound first: the common subsequence cannot be longer than the characters shared.
    if (!mayMatch(last, c.key) && !mayMatch(tail, c.key)) continue;
    let s = Math.max(similarity(last, c.key), similarity(tail, c.key), similarity(full.slice(-c.key.length), c.key));
    if (parentKey && c.parentKey === parentKey) s += 0.01;
    if (s > topScore) {
      second = topScore;
      topScore = s;
      top = c;
    } else if (s > second) second = s;
  }
  if (top && topScore >= MATCH_MIN && topScore - second >= 0.05) return { spec: top, exact: false, score: topScore };
  return null;
}

/** A header that states its amounts in 元 (and not 万元). */
function isYuan(header: string): boolean {
  const t = header.normalize('NFKC').replace(/\s+/g, '');
  return /[(（]元[)）]|单位[:：]?元/.test(t) && !t.includes('万元');
}

function trimToCount(values: GridCell[], n: number): GridCell[] {
  const v = [...values];
  while (v.length > n && isBlankText(v[v.length - 1].text)) v.pop();
  while (v.length > n && isBlankText(v[0].text)) v.shift();
  return v;
}

/** Splits a row into its label texts and its value cells, reading right to left. */
function splitSequence(row: GridRow): { labels: string[]; values: GridCell[] } {
  const cells = row.cells.filter((c) => !c.copy);
  let k = cells.length;
  while (k > 0 && looksLikeValue(cells[k - 1].text)) k--;
  const labels = rowTexts({ ...row, cells: row.cells.filter((c) => c.copy || cells.indexOf(c) < k) });
  return { labels, values: cells.slice(k) };
}

/** The columns a cell covers: itself and the merge copies that follow it. */
function spanOf(row: GridRow, cell: GridCell): [number, number] {
  let end = cell.x;
  for (const c of row.cells) if (c.copy && c.at === cell.at && c.text === cell.text && c.x === end + 1) end = c.x;
  return [cell.x, end];
}

/**
 * A data row's cells under header columns whose merges differ from the row's own (a header
 * cell over two columns above one value): each column takes the unused cell that overlaps
 * it most, so no value is read twice and none is taken from the wrong column.
 */
function bySpans(row: GridRow, spans: ([number, number] | undefined)[], minX: number): (GridCell | undefined)[] {
  const own = row.cells.filter((c) => !c.copy && c.x >= minX).map((c) => ({ cell: c, span: spanOf(row, c) }));
  const used = new Set<GridCell>();
  return spans.map((span) => {
    if (!span) return undefined;
    let best: GridCell | undefined;
    let most = 0;
    for (const { cell, span: s } of own) {
      const overlap = Math.min(span[1], s[1]) - Math.max(span[0], s[0]) + 1;
      if (overlap > most && !used.has(cell)) {
        best = cell;
        most = overlap;
      }
    }
    if (best) used.add(best);
    return best;
  });
}

/** A real table row with its empty cells filled in, so a blank is a blank and not a shift. */
function densify(row: GridRow): GridRow {
  const maxX = Math.max(...row.cells.map((c) => c.x));
  if (row.cells.length > maxX) return row;
  const at = new Map(row.cells.map((c) => [c.x, c]));
  const cells: GridCell[] = [];
  for (let x = 0; x <= maxX; x++) {
    const hit = row.cells.filter((c) => c.x === x);
    if (hit.length) cells.push(...hit);
    else cells.push({ text: '', x, at: at.get(x)?.at ?? `${row.cells[0].at} 所在行第${x + 1}列`, page: row.cells[0].page });
  }
  return { ...row, cells };
}

export class Recognizer {
  private readonly drafts: Draft[] = [];
  private cur: Draft;
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
    this.cur = new Draft(specs);
  }

  run(): Draft[] {
    for (const row of this.grid.rows) this.row(row);
    this.finish();
    return this.drafts;
  }

  private finish(): void {
    if (this.cur.found > 0) this.drafts.push(this.cur);
    this.cur = new Draft(this.specs);
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
    if (FOOTNOTE.test(texts[0].normalize('NFKC').replace(/\s+/g, ''))) {
      if (d.table) this.ignored(row, `脚注「${clip(texts.join(''))}」不是数据行，未读取`);
      return;
    }
    const hasValue = row.cells.some((c) => !c.copy && !isBlankText(c.text) && looksLikeValue(c.text));

    if (texts.length <= 6) this.pageFacts(texts);
    if (texts.length <= 3 && !hasValue) {
      const title = this.title(texts.join(' '));
      if (title) {
        if (d.found > 0) this.finish();
        if (isOfficeName(title.office)) this.cur.office = title.office;
        this.cur.year = title.year;
        this.recentText = [];
        return;
      }
      this.recentText = [...this.recentText, texts.join(' ')].slice(-3);
    } else this.recentText = [];
    const key = joinedKey(texts);
    const table = titleTable(key, this.specs);
    if (table && texts.length <= 2 && !hasValue) {
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
    if (!hasValue && (leafHits >= 3 || (leafHits >= 1 && d.table === 'requests' && keys.some((k) => this.specs.requestHeaderWords.includes(k))))) {
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
    if (!hasValue && resultHits.length >= 3 && groupHits === 0 && d.table === 'appeals') {
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
    const t = this.cur.table;
    return t ? this.specs.rows.filter((r) => r.table === t) : this.specs.rows;
  }

  private dataRow(input: GridRow): void {
    const d = this.cur;
    const row = input.aligned ? densify(input) : input;
    const aligned = row.aligned && d.table === 'requests' && d.requestX.size >= 4;
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
    if (!labels.length && hasFigures && pending && d.table !== 'appeals') labels = pending;
    if (!labels.length) return;
    let match = matchRow(labels, this.candidates(), this.parentKey);
    if (hasFigures && pending && labels !== pending) {
      // Fragments of a vertical group label may sit between the lines of a wrapped one: try each
      // choice of the waiting lines, in order, and keep the best reading.
      const own = labels;
      for (let mask = (1 << pending.length) - 1; mask > 0; mask--) {
        const chosen = pending.filter((_, i) => mask & (1 << i));
        const joined = matchRow([...chosen, ...own], this.candidates(), this.parentKey);
        if (joined && (!match || (joined.exact && !match.exact) || (joined.exact === match.exact && joined.score > match.score + 0.02))) {
          labels = [...chosen, ...own];
          match = joined;
        }
      }
    }
    const parentLabel = this.specs.groups.find((g) => joinedKey(labels).endsWith(g.key));
    if (!hasFigures && d.table && !parentLabel && (!match || !match.exact)) this.pendingLabels = pending && pending.length < 4 ? [...pending, ...labels] : labels;
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
      const v = trimToCount(values!, n);
      if (!v.length || (v.every((c) => isBlankText(c.text)) && !row.aligned)) return;
      if (v.length !== n) {
        d.issues.push(`「${labels.join('')}」一行有 ${v.length} 个数，应为 ${n} 个，无法判断对应哪些列，未读取`);
        d.tables.add(spec.table);
        return;
      }
      cells = v;
    }
    if (spec.cells.some((i) => d.readings[i] !== undefined)) {
      if (d.found >= this.specs.format.cells.length / 2) {
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
    const v = trimToCount(values, cells.length);
    if (cells.some((i) => d.readings[i] !== undefined)) return;
    d.tables.add('appeals');
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

  /**
   * A title on this line, or on this line and the one or two before it when it was broken over
   * lines (「…县人民政府」 / 「办公室2020年政府信息公开工作年度报告」). A fragment never stands as the office.
   */
  private title(line: string): Title | null {
    const joined = (k: number) => readTitle([...this.recentText.slice(this.recentText.length - k), line].join(' '));
    // Shortest join first, so a line above the title (a site name, a menu, 附件1) stays out of the office.
    for (let k = 0; k <= Math.min(2, this.recentText.length); k++) {
      const title = joined(k);
      if (!title || !isOfficeName(title.office)) continue;
      // A place alone on the line before starts the name: 「上海市浦东新区」 / 「陆家嘴街道办事处2021年…」.
      const before = this.recentText[this.recentText.length - k - 1];
      const longer = before && PLACE_LINE.test(compactText(before)) ? joined(k + 1) : null;
      return longer && isOfficeName(longer.office) ? longer : title;
    }
    const alone = readTitle(line);
    return alone && { ...alone, office: '' };
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
    const date = texts.length === 1 && line.length <= 30 && this.lastLine ? readDate(line, true) : null;
    if (date && isOfficeName(this.lastLine)) {
      d.signature = compactText(this.lastLine);
      d.published ??= date;
    }
    this.lastLine = texts.length === 1 ? line : undefined;
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

function subtotalFindings(format: CompiledFormat, d: Draft): Finding[] {
  const out: Finding[] = [];
  for (const s of d.subtotals) {
    s.values.forEach((r, col) => {
      if (r.value === null) return;
      let sum = 0;
      for (const row of s.rows) {
        const rd = d.readings[row.cells[col]];
        if (!rd || rd.status === 'invalid') return;
        sum += rd.value ?? 0;
      }
      if (Math.abs(sum - r.value) > 1e-6) {
        const cells = s.rows.map((row) => format.cells[row.cells[col]].id);
        out.push({
          rule: 'format.subtotal_mismatch',
          severity: 'warning',
          cells,
          message: `表中另有小计行「${s.label}」（${s.at}）在「${format.cells[s.rows[0].cells[col]].columnLabel}」列为 ${r.value}，但其各项之和为 ${sum}。小计行不计入报告，请核对。`,
          expected: sum,
          actual: r.value,
        });
      }
    });
  }
  return out;
}

/**
 * A group printed as one row where the format divides it (2021's （六）其他处理 printed the
 * 2019 way): its sub-rows are named as missing, never invented, and the printed subtotal is
 * still checked against the total.
 */
function undividedFindings(format: CompiledFormat, d: Draft): { findings: Finding[]; cells: Set<number> } {
  const findings: Finding[] = [];
  const cells = new Set<number>();
  for (const s of d.subtotals) {
    const own = s.rows.flatMap((r) => r.cells);
    if (own.some((i) => d.readings[i] !== undefined)) continue;
    own.forEach((i) => cells.add(i));
    findings.push({
      rule: 'format.undivided_row',
      severity: 'error',
      cells: own.map((i) => format.cells[i].id),
      message: `表中「${s.label}」只有一行合计（${s.at}），${format.def.name}格式要求分为${s.rows.map((r) => `「${r.label}」`).join('')}${s.rows.length} 行填报。各分项的数无法从合计推出，未读取，请按分项补填。`,
    });
    s.values.forEach((sub, col) => {
      if (sub.value === null) return;
      const inGroup = new Set(s.rows.map((r) => r.cells[col]));
      for (const rel of format.relations) {
        if (!rel.formula || !s.rows.every((r) => rel.formula!.parts.includes(r.cells[col]))) continue;
        const { target, parts } = rel.formula;
        const total = d.readings[target];
        const rest = parts.filter((p) => !inGroup.has(p)).map((p) => d.readings[p]);
        if (!total || total.status === 'invalid' || rest.some((r) => !r || r.status === 'invalid')) continue;
        const sum = rest.reduce((t, r) => t + (r!.value ?? 0), sub.value!);
        if (Math.abs(sum - (total.value ?? 0)) <= 1e-6) continue;
        findings.push({
          rule: rel.rule,
          severity: rel.severity,
          cells: [format.cells[target].id, ...parts.filter((p) => !inGroup.has(p)).map((p) => format.cells[p].id)],
          message: relationMessage(rel.scope, rel.op, `${rel.leftLabel}（「${s.label}」按合计一行计）`, sum, rel.rightLabel, total.value ?? 0),
          expected: sum,
          actual: total.value ?? 0,
        });
      }
    });
  }
  return { findings, cells };
}

function missingFinding(format: CompiledFormat, d: Draft, except: Set<number>): Finding | null {
  const missing = format.cells.filter((c) => d.readings[c.index] === undefined && !except.has(c.index));
  if (!missing.length) return null;
  const names = missing.slice(0, 6).map(cellLabel).join('、');
  const more = missing.length > 6 ? ` 等 ${missing.length} 个单元格` : '';
  const why = d.issues.length ? `${d.issues.join('；')}。` : '';
  return {
    rule: 'format.missing_cells',
    severity: 'error',
    cells: missing.map((c) => c.id),
    message: `${why}找不到 ${names}${more}，请在原表中核对后补上。`,
  };
}

/** The year the report states: its title, its 统计期限 sentence, else a publication date in the first quarter after it (weak). */
function statedYear(d: Draft): number | undefined {
  return d.year ?? d.periodYear ?? yearPublishedFor(d.published);
}

function toReport(d: Draft, grid: Grid, options: RecognizeOptions, fallback: { office?: string; year?: number }): Report | string {
  const format = d.specs.format;
  // Evidence in order of trust: the caller's option, the title, the page's 发布机构, the signature; the file name last.
  const given = options.office?.trim() || undefined;
  const stated = [d.office, d.publisher, d.signature].find(isOfficeName);
  const office = given ?? stated ?? officeFromFileName(fallback.office);
  const yearStated = statedYear(d);
  const year = options.year ?? yearStated ?? fallback.year;
  if (!year) return `${grid.source}：找到了报告表格，但看不出报告年度（标题、统计期限和发布日期中都没有年份），请指定报告年度（命令行用 --year 指定，例如 --year 2023）`;
  const findings = [...d.findings];
  const officeFromName = !given && !stated && office !== undefined;
  const yearFromName = options.year === undefined && yearStated === undefined;
  if (officeFromName || yearFromName)
    findings.push({
      rule: 'format.office_from_name',
      severity: 'info',
      cells: [],
      message:
        officeFromName && yearFromName
          ? `报告中没有写明填报单位和报告年度，“${office}”和 ${year} 年度取自文件名，请核对。`
          : officeFromName
            ? `报告中没有写明填报单位，“${office}”取自文件名，请核对。`
            : `报告中没有写明报告年度，${year} 年度取自文件名，请核对。`,
    });
  const undivided = undividedFindings(format, d);
  findings.push(...undivided.findings);
  const missing = missingFinding(format, d, undivided.cells);
  if (missing) findings.push(missing);
  findings.push(...subtotalFindings(format, d));
  return {
    source: grid.source,
    office: office || UNKNOWN_OFFICE,
    year,
    format: format.id,
    readings: d.readings,
    provenance: d.provenance,
    importFindings: findings,
  };
}

/** Labels only one format has (e.g. 本年制发件数, 政府集中采购), from the definitions. */
const distinctive = new WeakMap<FormatRegistry, Map<string, Set<string>>>();

function labelsOf(specs: FormatSpecs): Set<string> {
  return new Set([...specs.rows.map((r) => r.key), ...specs.groups.map((g) => g.key), ...specs.sections.flatMap((s) => s.columns.map((c) => c.key))]);
}

function distinctiveLabels(registry: FormatRegistry): Map<string, Set<string>> {
  const hit = distinctive.get(registry);
  if (hit) return hit;
  const all = registry.all.map((f) => ({ id: f.id, keys: labelsOf(formatSpecs(f)) }));
  const out = new Map(all.map(({ id, keys }) => [id, new Set([...keys].filter((k) => all.every((o) => o.id === id || !o.keys.has(k))))]));
  distinctive.set(registry, out);
  return out;
}

function gridKeys(grid: Grid): Set<string> {
  return new Set(grid.rows.flatMap((r) => r.cells.map((c) => labelKey(c.text))));
}

/** How many labels only this format has appear in the grid. */
function evidence(keys: Set<string>, format: CompiledFormat, registry: FormatRegistry): number {
  return [...distinctiveLabels(registry).get(format.id)!].filter((k) => keys.has(k)).length;
}

/** Clear evidence: several distinctive labels, and more than any other format shows. */
const CLEAR_EVIDENCE = 3;

/**
 * The format to read a grid in, by evidence: the format whose distinctive labels the grid shows
 * most, when that is clear; otherwise the format due for the report's year, so one row that
 * looks like the other format (the undivided （六）其他处理) never flips a report into it.
 */
/** The grids' drafts in the format the evidence (or the year) picks among `formats`. */
function readIn(grids: Grid[], formats: CompiledFormat[], options: RecognizeOptions, fallback: { year?: number }) {
  const registry = options.registry;
  const keys = new Set(grids.flatMap((g) => [...gridKeys(g)]));
  const shown = formats.map((format) => ({ format, evidence: evidence(keys, format, registry) })).sort((a, b) => b.evidence - a.evidence);
  // Labels that decide the format spare reading the grid in the others.
  const decided = shown[0].evidence >= CLEAR_EVIDENCE && (shown[1]?.evidence ?? 0) === 0 ? [shown[0].format] : formats;
  const runs = decided.map((format) => {
    const drafts = grids.map((grid) => ({ grid, drafts: new Recognizer(grid, formatSpecs(format)).run().filter((d) => d.found >= MIN_CELLS) }));
    const all = drafts.flatMap((g) => g.drafts);
    return { format, drafts, all, score: all.reduce((s, d) => s + d.found - d.drifts * 0.5, 0), evidence: evidence(keys, format, registry) };
  });
  const readable = runs.filter((r) => r.all.length > 0);
  const byEvidence = [...readable].sort((a, b) => b.evidence - a.evidence);
  const year = options.year ?? readable.flatMap((r) => r.all.map(statedYear)).find((y) => y !== undefined) ?? fallback.year;
  const due = year !== undefined ? readable.find((r) => r.format.id === registry.forYear(year)?.id) : undefined;
  const clear = byEvidence[0] && byEvidence[0].evidence >= CLEAR_EVIDENCE && byEvidence[0].evidence > (byEvidence[1]?.evidence ?? 0) ? byEvidence[0] : undefined;
  const chosen = clear ?? due ?? [...readable].sort((a, b) => b.score - a.score)[0];
  return chosen?.drafts ?? [];
}

/** A draft that holds only some of its format's tables: a piece of a report split over sheets. */
function isPiece(d: Draft): boolean {
  return d.tables.size < d.specs.format.def.tables.length;
}

function compatible(a: Draft, b: Draft): boolean {
  const same = <T>(x: T | undefined, y: T | undefined) => x === undefined || y === undefined || x === y;
  return a.specs === b.specs && same(a.office, b.office) && same(a.year, b.year) && [...b.tables].every((t) => !a.tables.has(t));
}

/** Joins consecutive pieces into one draft: readings, provenance and findings together. */
function join(pieces: Draft[]): Draft {
  const d = pieces[0];
  for (const p of pieces.slice(1)) {
    p.readings.forEach((r, i) => {
      if (r !== undefined) d.readings[i] = r;
    });
    Object.assign(d.provenance, p.provenance);
    d.findings.push(...p.findings);
    d.issues.push(...p.issues);
    d.subtotals.push(...p.subtotals);
    p.tables.forEach((t) => d.tables.add(t));
    d.found += p.found;
    d.drifts += p.drifts;
    d.office ??= p.office;
    d.year ??= p.year;
    d.publisher ??= p.publisher;
    d.signature ??= p.signature;
    d.periodYear ??= p.periodYear;
    d.published ??= p.published;
  }
  return d;
}

/**
 * Reads every report in a set of grids (the sheets of one workbook), each in the format its
 * labels fit best. A report whose tables sit on several sheets (表二、表三、表四) is read as
 * one, in one format, when the pieces' office and year agree.
 */
export function recognizeAll(grids: Grid[], options: RecognizeOptions, fallback: { office?: string; year?: number } = {}): Recognition {
  const all = options.registry.all;
  let found = grids.flatMap((grid) => readIn([grid], all, options, fallback));
  const single = (f: { drafts: Draft[] }) => f.drafts.length === 1 && isPiece(f.drafts[0]);
  const pieces = found.filter(single);
  if (pieces.length >= 2) {
    const again = readIn(
      pieces.map((p) => p.grid),
      all,
      options,
      fallback,
    );
    found = found.map((f) => (pieces.includes(f) ? (again.find((a) => a.grid === f.grid) ?? { grid: f.grid, drafts: [] }) : f));
  }
  const units: { grid: Grid; drafts: Draft[] }[] = [];
  let open: { grid: Grid; draft: Draft; sheets: string[] } | null = null;
  const close = () => {
    if (!open) return;
    const source = open.sheets.length > 1 ? `${open.grid.source}（与${open.sheets.slice(1).join('、')}合并为一份）` : open.grid.source;
    units.push({ grid: { ...open.grid, source }, drafts: [open.draft] });
    open = null;
  };
  for (const f of found) {
    if (!single(f)) {
      close();
      units.push(f);
      continue;
    }
    const d = f.drafts[0];
    if (open && compatible(open.draft, d)) {
      open.draft = join([open.draft, d]);
      open.sheets.push(f.grid.source.slice(f.grid.source.indexOf('#') + 1));
    } else {
      close();
      open = { grid: f.grid, draft: d, sheets: [f.grid.source] };
    }
  }
  close();
  const reports: Report[] = [];
  const problems: string[] = [];
  for (const { grid, drafts } of units)
    drafts.forEach((d, i) => {
      const r = toReport(d, drafts.length > 1 ? { ...grid, source: `${grid.source}（第${i + 1}份）` } : grid, options, fallback);
      if (typeof r === 'string') problems.push(r);
      else reports.push(r);
    });
  return { reports, problems };
}

export function recognize(grid: Grid, options: RecognizeOptions, fallback: { office?: string; year?: number } = {}): Recognition {
  return recognizeAll([grid], options, fallback);
}
