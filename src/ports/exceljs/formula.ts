/**
 * Computes the formulas we write (SUM of ranges, + and −) when a file holds no
 * cached result, e.g. a template filled by a program that does not recalculate.
 * Anything else is reported as not computed, never guessed.
 */
import { parseAddress, address } from '../../layout/a1';

/** A cell's number; `sheet` is set for a reference to another sheet. */
export type Lookup = (addr: string, sheet?: string) => number | null | undefined;

function expandRange(ref: string): string[] {
  const [a, b] = ref.split(':');
  if (!b) return [a.replace(/\$/g, '')];
  const p = parseAddress(a);
  const q = parseAddress(b);
  const out: string[] = [];
  for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++)
    for (let c = Math.min(p.col, q.col); c <= Math.max(p.col, q.col); c++) out.push(address(r, c));
  return out;
}

const TOKEN = /\s*(SUM\(|'(?:[^']|'')+'!\$?[A-Z]{1,3}\$?\d+|\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\d+(?:\.\d+)?|[-+(),])/gy;

/** Returns the value, or undefined when the formula is outside what we compute. */
export function evaluateSimpleFormula(formula: string, lookup: Lookup): number | undefined {
  const src = formula.replace(/^=/, '').trim();
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < src.length && (m = TOKEN.exec(src))) tokens.push(m[1]);
  if (tokens.join('').length !== src.replace(/\s+/g, '').length) return undefined;
  let i = 0;
  let bad = false;
  const refValue = (ref: string): number => {
    let s = 0;
    let sheet: string | undefined;
    if (ref.startsWith("'")) {
      const cut = ref.lastIndexOf("'!");
      sheet = ref.slice(1, cut).replace(/''/g, "'");
      ref = ref.slice(cut + 2);
    }
    for (const a of expandRange(ref)) {
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
    if (t === '-') return -term();
    if (t === '+') return term();
    if (/^\d/.test(t)) return Number(t);
    if (/^(\$?[A-Z]|')/.test(t)) return refValue(t);
    bad = true;
    return 0;
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
