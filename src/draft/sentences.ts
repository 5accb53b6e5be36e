/**
 * Sentences drafted from the figures, for the parts the tables determine. Row and column names
 * come from the format; a figure that cannot be read (a draft forced over errors) becomes a placeholder.
 */
import type { CellDef, CompiledFormat } from '../formats/compile';
import { CONTRADICTION_CELLS, PROCUREMENT_CELLS, REPORT_FIGURES, resultGroups } from '../formats/report-figures';
import type { HeaderNode, HeaderRowTable, MatrixTable } from '../formats/types';
import type { Report } from '../model/report';
import { figure, share } from './figures';
import { placeholder, type Run } from './model';

/** The report's figures by cell id: blank counts as 0, as in every sum; unreadable or missing as undefined. */
export class Figures {
  constructor(
    readonly format: CompiledFormat,
    readonly report: Report,
  ) {}

  has(id: string): boolean {
    return this.format.index.has(id);
  }

  cell(id: string): CellDef | undefined {
    const i = this.format.index.get(id);
    return i === undefined ? undefined : this.format.cells[i];
  }

  value(id: string): number | undefined {
    const i = this.format.index.get(id);
    if (i === undefined) throw new Error(`${this.format.id}: no cell ${id}`);
    const r = this.report.readings[i];
    if (!r || r.status === 'invalid') return undefined;
    return r.value ?? 0;
  }

  /** The figure as a run: its number, or a placeholder naming the cell. */
  run(id: string): Run {
    const v = this.value(id);
    if (v !== undefined) return { text: figure(v, this.format.cells[this.format.index.get(id)!].kind) };
    const c = this.format.cells[this.format.index.get(id)!];
    return placeholder(`「${c.rowLabel}」×「${c.columnLabel}」的数字`);
  }

  sum(ids: string[]): number | undefined {
    let s = 0;
    for (const id of ids) {
      const v = this.value(id);
      if (v === undefined) return undefined;
      s += v;
    }
    return s;
  }
}

/** Consecutive text runs joined, so a paragraph is as few runs as its placeholders allow. */
export function joined(parts: (string | Run)[]): Run[] {
  const out: Run[] = [];
  for (const p of parts) {
    const run = typeof p === 'string' ? { text: p } : p;
    const last = out[out.length - 1];
    if (last && !last.placeholder && !run.placeholder) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

function leafIds(nodes: HeaderNode[], prefix: string[] = []): string[][] {
  return nodes.flatMap((n) => {
    const ids = n.id ? [...prefix, n.id] : prefix;
    return n.children?.length ? leafIds(n.children, ids) : [ids];
  });
}

function tableOf<T extends 'matrix' | 'header-row'>(format: CompiledFormat, layout: T) {
  return format.def.tables.find((t) => t.layout === layout) as (T extends 'matrix' ? MatrixTable : HeaderRowTable) | undefined;
}

/** 依申请公开: received, carried over, results by kind with their shares of （七）总计, carried forward. */
export function requestSentences(f: Figures): Run[][] {
  const table = tableOf(f.format, 'matrix');
  // The rows the sentences name, found by the totals the report's figures are defined by.
  const rowOf = (total: string) => f.cell(total)?.row;
  const [received, carried, results, carriedOut] = [REPORT_FIGURES.new, REPORT_FIGURES.carried_in, REPORT_FIGURES.results, REPORT_FIGURES.carried_out].map((d) => rowOf(d.cells[0]));
  if (!table || !received || !carried || !results || !carriedOut) return [];
  const id = (row: string, col = 'total') => `${table.id}.${row}.${col}`;
  // The applicant groups under 申请人情况: 自然人, 法人或其他组织 (their columns summed).
  const applicants = (table.columns[0].children ?? []).filter((n) => n.id !== 'total');
  const byApplicant: (string | Run)[] = [];
  applicants.forEach((n, i) => {
    const cols = leafIds([n]).map((ids) => ids.join('.'));
    const v = f.sum(cols.map((c) => id(received, c)));
    byApplicant.push(i ? '，' : '', n.label, v === undefined ? placeholder(`${n.label}的申请数`) : figure(v), '件');
  });
  const first = joined(['本年度新收政府信息公开申请', f.run(id(received)), '件（其中', ...byApplicant, '），上年结转政府信息公开申请', f.run(id(carried)), '件。']);

  const total = f.value(id(results));
  const second: (string | Run)[] = ['本年度办理结果总计', f.run(id(results)), '件'];
  if (total) {
    second.push('，其中：');
    resultGroups(table).forEach((g, i) => {
      const v = f.sum(g.rows.map((r) => id(r.id)));
      second.push(i ? '；' : '', g.name, v === undefined ? placeholder(`${g.name}的件数`) : `${figure(v)}件`);
      if (v) second.push(`，占${share(v, total)}`);
    });
  }
  second.push('。结转下年度继续办理', f.run(id(carriedOut)), '件。');
  return [first, joined(second)];
}

/** 行政复议 and 行政诉讼: each group's total and its results, as the appeals table's header tree names them. */
export function appealSentences(f: Figures): Run[][] {
  const table = tableOf(f.format, 'header-row');
  if (!table) return [];
  const group = (n: HeaderNode, prefix: string): (string | Run)[] => {
    const base = `${table.id}.${n.id}`;
    const total = f.value(`${base}.total`);
    const out: (string | Run)[] = [prefix, f.run(`${base}.total`), '件'];
    if (total === 0) return out;
    const items = (n.children ?? []).filter((c) => c.id !== 'total');
    out.push('（');
    items.forEach((c, i) => out.push(i ? '，' : '', c.label, f.run(`${base}.${c.id}`), '件'));
    out.push('）');
    return out;
  };
  const parts: (string | Run)[] = ['本年度'];
  table.columns.forEach((top, i) => {
    if (i) parts.push('；');
    if (top.id) {
      parts.push(...group(top, `政府信息公开${top.label}案件`));
      return;
    }
    const groups = top.children ?? [];
    const sum = f.sum(groups.map((g) => `${table.id}.${g.id}.total`));
    parts.push(`政府信息公开${top.label}案件`, sum === undefined ? placeholder(`${top.label}案件数`) : figure(sum), '件');
    if (sum !== 0) {
      parts.push('，其中');
      groups.forEach((g, j) => parts.push(...(j ? ['，'] : []), ...group(g, g.label)));
    }
  });
  parts.push('。');
  return [joined(parts)];
}

/** 政府集中采购 (第二十条第（九）项, 2019–2020 only): the projects and the amount in 万元. */
export function procurementSentences(f: Figures): Run[][] {
  const { projects, amount } = PROCUREMENT_CELLS;
  if (!f.has(projects) || !f.has(amount)) return [];
  return [joined(['本年度政府集中采购项目', f.run(projects), '项，采购总金额', f.run(amount), '万元。'])];
}

/** 六: the requests closed because a fee went unpaid, when there were any, with the fee figures left to the clerk. */
export function feeSentences(f: Figures): Run[][] {
  const [id] = CONTRADICTION_CELLS.unpaidFee;
  const row = tableOf(f.format, 'matrix')?.rows.find((r) => r.id === f.cell(id)?.row);
  if (!row) return [];
  const n = f.value(id);
  if (n === 0) return [];
  const label = row.path[row.path.length - 1].replace(/^\d+[.．、]/, '');
  return [joined([`本年度办理结果中，“${label}”的共`, f.run(id), '件。依据《政府信息公开信息处理费管理办法》，本年度', placeholder('发出收费通知的件数和总金额，以及实际收取的总金额'), '。'])];
}
