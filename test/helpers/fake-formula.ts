/**
 * The fake hosts' own formula engine (the WPS fake's and the Excel fake's): what a spreadsheet computes for the formulas a
 * workbook holds (numbers, A1 references and ranges, other sheets' cells, + - * /, SUM,
 * ROUND, HYPERLINK). Written for the fake from the spreadsheet rules, not taken from the
 * product: the product's own evaluator is what the fake is there to check.
 *
 * Spreadsheet rules kept: a blank cell is 0 in arithmetic; text in + - * / is #VALUE!; SUM
 * skips text and booleans in ranges; an error propagates; an unknown function is #NAME?;
 * a reference to a missing sheet is #REF!; a cycle is reported as #REF! (the real host
 * warns and shows 0; the fake refuses to guess).
 */

export type Scalar = number | string | boolean | null;
/** Spreadsheet error values, as the host shows them. */
const ERRORS = ['#VALUE!', '#REF!', '#NAME?', '#DIV/0!', '#N/A', '#NUM!', '#NULL!'] as const;
export type ErrorText = (typeof ERRORS)[number];
export const isErrorText = (v: unknown): v is ErrorText => typeof v === 'string' && (ERRORS as readonly string[]).includes(v);

/** What the evaluator needs of the workbook: a cell's stored content and its formula, by sheet (null: this sheet). */
export interface FormulaWorld {
  /** The sheet exists (case-insensitive, as the host matches names). */
  hasSheet(sheet: string): boolean;
  /** A constant, or a formula's computed value, of one cell. */
  valueOf(sheet: string | null, row: number, col: number): Scalar;
}

type Token = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; sheet: string | null; a: [number, number]; b?: [number, number] } | { t: 'name'; v: string } | { t: 'op'; v: string };

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i];
    if (ch === ' ') {
      i++;
      continue;
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (num && !/^[A-Za-z]/.test(rest)) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (; j < src.length; j++) {
        if (src[j] === '"' && src[j + 1] === '"') {
          s += '"';
          j++;
        } else if (src[j] === '"') break;
        else s += src[j];
      }
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    // A sheet-qualified reference: 'quoted name'!A1 or Name!A1.
    let sheet: string | null = null;
    let body = rest;
    const quoted = /^'((?:[^']|'')+)'!/.exec(rest);
    const bare = /^([^\s!'"(),:+\-*/<>=&^%]+)!/.exec(rest);
    if (quoted) {
      sheet = quoted[1].replace(/''/g, "'");
      body = rest.slice(quoted[0].length);
    } else if (bare) {
      sheet = bare[1];
      body = rest.slice(bare[0].length);
    }
    const a = CELL.exec(body);
    if (a && !/^[A-Za-z(]/.test(body.slice(a[0].length))) {
      const first: [number, number] = [Number(a[2]), colNumber(a[1])];
      let used = a[0].length;
      let second: [number, number] | undefined;
      const b = body[used] === ':' ? CELL.exec(body.slice(used + 1)) : null;
      if (b) {
        second = [Number(b[2]), colNumber(b[1])];
        used += 1 + b[0].length;
      }
      out.push({ t: 'ref', sheet, a: first, b: second });
      i += rest.length - body.length + used;
      continue;
    }
    if (sheet !== null) throw new SyntaxError(`bad reference in ${src}`);
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (name) {
      out.push({ t: 'name', v: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/(),<>=&])/.exec(rest);
    if (!op) throw new SyntaxError(`unexpected ${ch} in ${src}`);
    out.push({ t: 'op', v: op[0] });
    i += op[0].length;
  }
  return out;
}

type Value = Scalar | Scalar[];

/** Evaluates one formula (without '='), on `sheet`, in `world`. */
export function evaluateFormula(formula: string, sheet: string, world: FormulaWorld): Scalar {
  let tokens: Token[];
  try {
    tokens = tokenize(formula);
  } catch {
    return '#NAME?';
  }
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (v: string) => {
    const t = peek();
    return t?.t === 'op' && t.v === v;
  };

  const refValues = (t: Extract<Token, { t: 'ref' }>): Value => {
    const target = t.sheet ?? sheet;
    if (!world.hasSheet(target)) return '#REF!';
    if (!t.b) return world.valueOf(target, t.a[0], t.a[1]);
    const out: Scalar[] = [];
    const [r0, r1] = [Math.min(t.a[0], t.b[0]), Math.max(t.a[0], t.b[0])];
    const [c0, c1] = [Math.min(t.a[1], t.b[1]), Math.max(t.a[1], t.b[1])];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(world.valueOf(target, r, c));
    return out;
  };

  const toNumber = (v: Value): number | ErrorText => {
    if (Array.isArray(v)) return '#VALUE!';
    if (isErrorText(v)) return v;
    if (v === null || v === '') return 0;
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    const n = Number(v);
    return v.trim() !== '' && Number.isFinite(n) ? n : '#VALUE!';
  };

  const call = (name: string, args: Value[]): Value => {
    if (name === 'SUM') {
      let s = 0;
      for (const a of args) {
        if (Array.isArray(a)) {
          for (const x of a) {
            if (isErrorText(x)) return x;
            if (typeof x === 'number') s += x;
          }
        } else {
          const n = toNumber(a);
          if (typeof n === 'string') return n;
          s += n;
        }
      }
      return s;
    }
    if (name === 'ROUND') {
      const x = toNumber(args[0] ?? null);
      const d = toNumber(args[1] ?? 0);
      if (typeof x === 'string') return x;
      if (typeof d === 'string') return d;
      const f = 10 ** d;
      return Math.round(x * f) / f;
    }
    if (name === 'HYPERLINK') {
      const shown = args[1] ?? args[0] ?? null;
      return Array.isArray(shown) ? '#VALUE!' : shown;
    }
    if (name === 'NA') return '#N/A';
    return '#NAME?';
  };

  const primary = (): Value => {
    const t = tokens[pos++];
    if (!t) return '#VALUE!';
    if (t.t === 'num') return t.v;
    if (t.t === 'str') return t.v;
    if (t.t === 'ref') return refValues(t);
    if (t.t === 'op' && t.v === '(') {
      const v = expr();
      if (isOp(')')) pos++;
      return v;
    }
    if (t.t === 'op' && (t.v === '-' || t.v === '+')) {
      const n = toNumber(primary());
      return typeof n === 'string' ? n : t.v === '-' ? -n : n;
    }
    if (t.t === 'name') {
      if (!isOp('(')) return t.v === 'TRUE' ? true : t.v === 'FALSE' ? false : '#NAME?';
      pos++;
      const args: Value[] = [];
      while (!isOp(')') && pos < tokens.length) {
        args.push(expr());
        if (isOp(',')) pos++;
      }
      pos++;
      return call(t.v, args);
    }
    return '#VALUE!';
  };

  const term = (): Value => {
    let left = primary();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[pos++] as { v: string }).v;
      const a = toNumber(left);
      const b = toNumber(primary());
      if (typeof a === 'string') left = a;
      else if (typeof b === 'string') left = b;
      else if (op === '/' && b === 0) left = '#DIV/0!';
      else left = op === '*' ? a * b : a / b;
    }
    return left;
  };

  function expr(): Value {
    let left = term();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[pos++] as { v: string }).v;
      const a = toNumber(left);
      const b = toNumber(term());
      if (typeof a === 'string') left = a;
      else if (typeof b === 'string') left = b;
      else left = op === '+' ? a + b : a - b;
    }
    if (isOp('<>') || isOp('=') || isOp('<') || isOp('>') || isOp('<=') || isOp('>=')) {
      const op = (tokens[pos++] as { v: string }).v;
      const a = toNumber(left);
      const b = toNumber(expr());
      if (typeof a === 'string') return a;
      if (typeof b === 'string') return b;
      return { '<>': a !== b, '=': a === b, '<': a < b, '>': a > b, '<=': a <= b, '>=': a >= b }[op]!;
    }
    return left;
  }

  const v = expr();
  if (pos < tokens.length) return '#NAME?';
  if (Array.isArray(v)) return v.length === 1 ? v[0] : '#VALUE!';
  return v === null ? 0 : v;
}
