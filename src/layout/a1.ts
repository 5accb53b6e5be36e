/** A1-notation helpers (1-based rows and columns). */

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function address(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row}` : `${columnLetter(col)}${row}`;
}

export function parseAddress(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
  if (!m) throw new Error(`bad address ${a}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/** Groups cells into the fewest runs of contiguous cells along one row or column, as A1 ranges. */
export function compactRanges(cells: { row: number; col: number }[], absolute = false): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < cells.length) {
    let end = start;
    let dir: 'v' | 'h' | null = null;
    while (end + 1 < cells.length) {
      const p = cells[end];
      const n = cells[end + 1];
      const step = n.col === p.col && n.row === p.row + 1 ? 'v' : n.row === p.row && n.col === p.col + 1 ? 'h' : null;
      if (!step || (dir && step !== dir)) break;
      dir = step;
      end++;
    }
    const a = cells[start];
    const e = cells[end];
    out.push(start === end ? address(a.row, a.col, absolute) : `${address(a.row, a.col, absolute)}:${address(e.row, e.col, absolute)}`);
    start = end + 1;
  }
  return out;
}
