/**
 * Fuzz: random grids and random mutations of real layouts never crash the recognizer,
 * and every value it reads is the reading of the very source cell its provenance names.
 */
import fc from 'fast-check';
import { formats } from '../../src/formats';
import type { Grid, GridRow } from '../../src/import/grid';
import { recognize } from '../../src/import/recognize/index';
import { gridFromText } from '../../src/import/text-grid';
import { readCell } from '../../src/model/values';
import { validate } from '../../src/rules/engine';
import { clerkLayout, type Layout } from '../helpers/clerk-layouts';
import { seeded, validCells } from '../helpers/random-report';

const F2021 = formats.byId('gov-2021')!;
const F2019 = formats.byId('gov-2019')!;
const VOCAB = [
  ...F2021.cells.map((c) => c.rowLabel),
  ...F2019.cells.map((c) => c.columnLabel),
  '信息内容',
  '第二十条第（一）项',
  '三、收到和处理政府信息公开申请情况',
  '小计',
  '合计',
  '某县2022年政府信息公开工作年度报告',
  '',
  '',
  '0',
  '1',
  '12',
  '+3',
  '-2',
  '3-',
  '十二',
  '１２',
  '1,234',
  '38.41 万',
  '／',
  '—',
  '=SUM(A1)',
  '<b>x</b>',
];

function gridOf(L: Layout, source = 'fuzz.xlsx'): Grid {
  const rows: GridRow[] = L.rows.map((r, i) => ({
    aligned: true,
    cells: r.map((v, x) => ({ text: v === null ? '' : String(v), x, at: `R${i + 1}C${x + 1}` })).filter((c) => c.text !== ''),
  }));
  return { source, rows: rows.filter((r) => r.cells.length) };
}

/** Every reading must be what the cell at its provenance says. */
function checkProvenance(grid: Grid): void {
  const texts = new Map<string, string>();
  for (const row of grid.rows) for (const c of row.cells) if (!c.copy) texts.set(`${grid.source}!${c.at}`, c.text);
  const { reports } = recognize(grid, { registry: formats, year: 2022 });
  for (const r of reports) {
    const f = formats.byId(r.format)!;
    for (const c of f.cells) {
      const rd = r.readings[c.index];
      if (!rd) continue;
      const origin = r.provenance![c.id];
      const where = `${origin.source}!${origin.address}`;
      const src = texts.get(where) ?? '';
      expect(readCell(src, c.kind)).toEqual(rd);
    }
    expect(() => validate(r)).not.toThrow();
  }
}

test('random grids never crash and never invent a value', () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.oneof(fc.constantFrom(...VOCAB), fc.string({ maxLength: 6 })), { maxLength: 12 }), { maxLength: 80 }), fc.boolean(), (rows, aligned) => {
      const grid: Grid = {
        source: 'r.xlsx',
        rows: rows.map((r, i) => ({ aligned, cells: r.map((t, x) => ({ text: t, x, at: `R${i}C${x}` })) })).filter((r) => r.cells.length),
      };
      checkProvenance(grid);
    }),
    { numRuns: 300, interruptAfterTimeLimit: 20000 },
  );
});

test('random mutations of a real layout never crash and never invent a value', () => {
  const base = clerkLayout(F2021, validCells(F2021, seeded(3)), { office: '某县', year: 2022 });
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), x: fc.nat(16), text: fc.constantFrom(...VOCAB) }),
    fc.record({ kind: fc.constant('shift' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  );
  fc.assert(
    fc.property(fc.array(mutation, { maxLength: 12 }), (ms) => {
      const rows = base.rows.map((r) => [...r]);
      for (const m of ms) {
        const i = m.at % rows.length;
        if (m.kind === 'delete') rows.splice(i, 1);
        else if (m.kind === 'duplicate') rows.splice(i, 0, [...rows[i]]);
        else if (m.kind === 'set') rows[i][m.x] = m.text;
        else if (m.kind === 'shift') rows[i].unshift('');
        else {
          const j = m.to % rows.length;
          [rows[i], rows[j]] = [rows[j], rows[i]];
        }
        if (!rows.length) break;
      }
      checkProvenance(gridOf({ rows, merges: [], hidden: [] }));
      const text = rows.map((r) => r.map((v) => (v === null ? '' : String(v))).join('\t')).join('\n');
      checkProvenance(gridFromText(text, 't.txt'));
    }),
    { numRuns: 200, interruptAfterTimeLimit: 20000 },
  );
});
