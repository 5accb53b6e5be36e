/**
 * Computes the formulas we write (SUM of ranges, + and −) when a file holds no
 * cached result, e.g. a template filled by a program that does not recalculate.
 * Anything else is reported as not computed, never guessed.
 */
import { parseAddress, address } from '../../layout/a1';
import { MAX_FORMULA_DEPTH, MAX_FORMULA_EVALUATIONS } from '../../import/limits';
import { UNCOMPUTED, type Uncomputed } from '../../model/uncomputed';

/** A cell's number; `sheet` is set for a reference to another sheet. */
export type Lookup = (addr: string, sheet?: string) => number | null | undefined;

/** Deepest nesting of brackets, SUM( and signs within one formula; Excel allows 64 levels. */
const MAX_NESTING = 64;

/** The cells of a range, one at a time: a range as large as the sheet is never built in memory. */
function* expandRange(ref: string): Generator<string> {
  const [a, b] = ref.split(':');
  if (!b) {
    yield a.replace(/\$/g, '');
    return;
  }
  const p = parseAddress(a);
  const q = parseAddress(b);
  for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++) for (let c = Math.min(p.col, q.col); c <= Math.max(p.col, q.col); c++) yield address(r, c);
}

const TOKEN = /\s*(SUM\(|'(?:[^']|'')+'!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\d+(?:\.\d+)?|[-+(),])/gy;

/**
 * Returns the value, or undefined when the formula is outside what we compute. The first
 * reference that `lookup` cannot give (undefined) ends all further lookups.
 */
export function evaluateSimpleFormula(formula: string, lookup: Lookup): number | undefined {
  const src = formula.replace(/^=/, '').trim();
  const tokens: string[] = [];
  // Every character must belong to a token (a sheet name may hold spaces).
  for (let at = 0; at < src.length; at = TOKEN.lastIndex) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m) return undefined;
    tokens.push(m[1]);
  }
  let i = 0;
  let bad = false;
  let nesting = 0;
  const refValue = (ref: string): number => {
    let s = 0;
    let sheet: string | undefined;
    if (ref.startsWith("'")) {
      const cut = ref.lastIndexOf("'!");
      sheet = ref.slice(1, cut).replace(/''/g, "'");
      ref = ref.slice(cut + 2);
    }
    for (const a of expandRange(ref)) {
      if (bad) break;
      const v = lookup(a, sheet);
      if (v === undefined) bad = true;
      else s += v ?? 0;
    }
    return s;
  };
  const term = (): number => {
    const t = tokens[i++];
    if (t === undefined) {
      bad = true;
      return 0;
    }
    if (t === 'SUM(' || t === '(' || t === '-' || t === '+') {
      // Deep nesting would exhaust the stack: such a formula is not ours.
      if (++nesting > MAX_NESTING) {
        bad = true;
        i = tokens.length;
        return 0;
      }
      const v = nested(t);
      nesting--;
      return v;
    }
    if (/^\d/.test(t)) return Number(t);
    if (/^(\$?[A-Z]|')/.test(t)) return refValue(t);
    bad = true;
    return 0;
  };
  const nested = (t: string): number => {
    if (t === 'SUM(') {
      let s = 0;
      while (tokens[i] !== ')' && i < tokens.length) {
        s += expr();
        if (tokens[i] === ',') i++;
      }
      i++;
      return s;
    }
    if (t === '(') {
      const v = expr();
      i++;
      return v;
    }
    return t === '-' ? -term() : term();
  };
  const expr = (): number => {
    let v = term();
    while (tokens[i] === '+' || tokens[i] === '-') {
      const op = tokens[i++];
      const w = term();
      v = op === '+' ? v + w : v - w;
    }
    return v;
  };
  const v = expr();
  return bad || i !== tokens.length ? undefined : v;
}

/** Sheet names match ignoring case, as in Excel. */
function keyOf(sheet: string, addr: string): string {
  return `${sheet.toLowerCase()}!${addr}`;
}

/** A cell as the evaluator needs it: what it shows, or a formula still to compute. */
export type FormulaSource = number | string | boolean | null | { formula: string };

export interface FormulaLimits {
  /** Formula cells computed plus cell references followed, per read. */
  evaluations: number;
  /** Formulas computed inside one another (a chain of references). */
  depth: number;
}

/**
 * Bounded evaluation for one read of a workbook. Each formula cell is computed at most once
 * (memo by sheet and address), a cell on a cycle reads as 循环引用, and a budget of
 * evaluations and a depth bound the read: past them formulas read as 公式计算超出限制.
 */
export class FormulaEvaluator {
  private readonly memo = new Map<string, number | Uncomputed>();
  private readonly active = new Set<string>();
  private depth = 0;
  /** Evaluations spent so far (formula cells computed plus references followed). */
  spent = 0;
  /** Set once a bound was hit, so the reader can say so. */
  overLimit = false;
  private readonly limits: FormulaLimits;

  /** `source` gives a referenced cell (its sheet named as in the formula), or undefined where there is none to read. */
  constructor(
    private readonly source: (sheet: string, addr: string) => FormulaSource | undefined,
    limits: Partial<FormulaLimits> = {},
  ) {
    this.limits = { evaluations: MAX_FORMULA_EVALUATIONS, depth: MAX_FORMULA_DEPTH, ...limits };
  }

  /** The value of `formula`, held at sheet!addr: a number, or the marker of why it is not computed. */
  compute(sheet: string, addr: string, formula: string): number | Uncomputed {
    const key = keyOf(sheet, addr);
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    // Not memoised here: the cell's own (outer) computation records the cycle.
    if (this.active.has(key)) return UNCOMPUTED.cycle;
    if (!this.spend() || this.depth >= this.limits.depth) {
      this.overLimit = true;
      this.memo.set(key, UNCOMPUTED.budget);
      return UNCOMPUTED.budget;
    }
    this.active.add(key);
    this.depth++;
    let failure: Uncomputed | undefined;
    const value = evaluateSimpleFormula(formula, (a, other) => {
      if (!this.spend()) {
        this.overLimit = true;
        failure = UNCOMPUTED.budget;
        return undefined;
      }
      const target = other ?? sheet;
      // A formula already computed is not fetched again.
      let v = this.memo.get(keyOf(target, a));
      if (v === undefined) {
        const c = this.source(target, a);
        if (c === undefined) return undefined;
        if (c === null || typeof c !== 'object') return typeof c === 'number' ? c : c === null ? null : undefined;
        v = this.compute(target, a, c.formula);
      }
      if (v === UNCOMPUTED.cycle || v === UNCOMPUTED.budget) failure = v;
      return typeof v === 'number' ? v : undefined;
    });
    this.depth--;
    this.active.delete(key);
    const result = failure ?? value ?? UNCOMPUTED.unsupported;
    this.memo.set(key, result);
    return result;
  }

  private spend(): boolean {
    return ++this.spent <= this.limits.evaluations;
  }
}
