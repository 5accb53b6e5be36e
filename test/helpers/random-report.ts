/** Builds valid reports from a stream of random numbers, for property tests and benchmarks. */
import type { CompiledFormat } from '../../src/formats/compile';
import type { Report } from '../../src/model/report';

const APPLICANTS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'org_other'];

export function validCells(format: CompiledFormat, rand: () => number): Record<string, number> {
  const v: Record<string, number> = {};
  const set = (id: string, x: number) => {
    if (!format.index.has(id)) throw new Error(`no cell ${id}`);
    v[id] = x;
  };
  const cells = format.cells;
  const requestRows = format.axes.get('requests')!.rows.map((r) => r.id);
  const resultRows = requestRows.slice(requestRows.indexOf('carried_in') + 1, requestRows.indexOf('total'));
  const otherRows = resultRows.filter((r) => r.startsWith('other'));

  // Proactive: anything non-negative that keeps the inequalities.
  for (const c of cells.filter((c) => c.table === 'proactive')) {
    if (c.kind === 'money') set(c.id, Math.round(rand() * 100000) / 100);
    else set(c.id, Math.floor(rand() * 50));
  }
  for (const row of ['rules', 'normative']) {
    const p = (col: string) => `proactive.${row}.${col}`;
    if (format.index.has(p('public_total'))) set(p('public_total'), v[p('published')] + Math.floor(rand() * 20));
    if (format.index.has(p('in_force'))) set(p('in_force'), v[p('issued')] + Math.floor(rand() * 20));
  }
  for (const c of cells.filter((c) => c.kind === 'signed')) {
    const prev = v[c.id.replace(/change$/, 'prev_items')];
    set(c.id, Math.floor(rand() * (prev + 20)) - prev);
  }

  // Requests: results per applicant column; the other-handling rows stay small.
  for (const col of APPLICANTS) {
    let total = 0;
    for (const row of resultRows) {
      const x = otherRows.includes(row) ? 0 : Math.floor(rand() * 9);
      set(`requests.${row}.${col}`, x);
      total += x;
    }
    set(`requests.total.${col}`, total);
    const out = Math.floor(rand() * 5);
    const carriedIn = Math.floor(rand() * (total + out + 1));
    set(`requests.carried_out.${col}`, out);
    set(`requests.carried_in.${col}`, carriedIn);
    set(`requests.new.${col}`, total + out - carriedIn);
  }
  for (const row of requestRows)
    set(
      `requests.${row}.total`,
      APPLICANTS.reduce((s, c) => s + v[`requests.${row}.${c}`], 0),
    );

  for (const g of ['review', 'suit_direct', 'suit_after_review']) {
    let t = 0;
    for (const c of ['upheld', 'corrected', 'other', 'pending']) {
      const x = Math.floor(rand() * 6);
      set(`appeals.${g}.${c}`, x);
      t += x;
    }
    set(`appeals.${g}.total`, t);
  }
  return v;
}

export function reportFromCells(format: CompiledFormat, cells: Record<string, number | null>, meta: Partial<Report> = {}): Report {
  return {
    source: 'test',
    office: '测试县人民政府办公室',
    year: format.def.years.from,
    format: format.id,
    readings: format.cells.map((c) => {
      const x = cells[c.id];
      return x === null || x === undefined ? { value: null, status: 'blank' as const } : { value: x, status: 'number' as const };
    }),
    ...meta,
  };
}

/** A deterministic pseudo-random stream (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
