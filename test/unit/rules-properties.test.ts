import fc from 'fast-check';
import { formats } from '../../src/formats';
import type { Report } from '../../src/model/report';
import { validate } from '../../src/rules/engine';
import { reportFromCells, seeded, validCells } from '../helpers/random-report';

const FORMATS = ['gov-2019', 'gov-2021'].map((id) => formats.byId(id)!);

describe.each(FORMATS)('$id', (format) => {
  test('random valid reports pass every rule', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const report = reportFromCells(format, validCells(format, seeded(seed)));
        expect(validate(report).findings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  // Cells in an equality relation; the proactive counts of gov-2021 take part in none within a year.
  const covered = format.cells.filter((c) => format.relations.some((r) => !r.crossYear && r.op === '=' && [...r.left, ...r.right].some((t) => t.index === c.index)));

  test('changing any single related cell gives an error naming that cell or a total it feeds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...covered), fc.integer({ min: 1, max: 30 }), fc.boolean(), (seed, cell, delta, up) => {
        const cells = validCells(format, seeded(seed));
        const before = cells[cell.id];
        const after = up || before - delta < 0 ? before + delta : before - delta;
        const report: Report = reportFromCells(format, { ...cells, [cell.id]: after });
        const errors = validate(report).findings.filter((f) => f.severity === 'error');
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.some((f) => f.cells.includes(cell.id))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('every cell of requests and appeals is covered by an equality relation', () => {
    const ids = new Set(covered.map((c) => c.id));
    const uncovered = format.cells.filter((c) => c.table !== 'proactive' && !ids.has(c.id));
    expect(uncovered).toEqual([]);
  });

  test('a single wrong total is found with its fix', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 9 }), (seed, delta) => {
        const cells = validCells(format, seeded(seed));
        const id = 'requests.total.legal';
        const report = reportFromCells(format, { ...cells, [id]: cells[id] + delta });
        const fixes = validate(report).findings.map((f) => f.fix);
        expect(fixes.length).toBeGreaterThan(0);
        for (const fix of fixes) expect(fix).toEqual({ cell: id, value: cells[id], resolves: fixes.length });
      }),
      { numRuns: 100 },
    );
  });
});
