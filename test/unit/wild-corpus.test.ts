/**
 * The wild corpus (test/fixtures/wild): real published reports, each with its source and
 * hand-checked figures. Every one must be read without a single wrong number: a figure is
 * either exactly the published one, or reported as not read. The reports listed in
 * EXACT.json must be read completely: format, year, office and every figure, with no error
 * the published figures do not justify. The list is kept honest both ways: a report not on it
 * must still fall short, so the pass rate printed here is the real one.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { formats } from '../../src/formats';
import { readReports } from '../helpers/read-file';
import type { Report } from '../../src/model/report';
import { validate } from '../../src/rules/engine';

const WILD = join(__dirname, '..', 'fixtures', 'wild');

interface Source {
  office: string;
  year: number;
  format: string;
  extraction: string;
}
interface Figures {
  cells: Record<string, number | null>;
  known_errors?: string[];
}

interface Outcome {
  slug: string;
  report?: Report;
  problem?: string;
  /** Cells read as a number other than the published one: must never happen. */
  wrong: string[];
  /** Published cells not read (missing or unreadable). */
  unread: string[];
  /** What else falls short of an exact reading. */
  shortfalls: string[];
}

const slugs = readdirSync(WILD).filter((d) => existsSync(join(WILD, d, 'figures.json')) && existsSync(join(WILD, d, 'source.json')));
const EXACT: string[] = JSON.parse(readFileSync(join(WILD, 'EXACT.json'), 'utf8'));

async function read(slug: string): Promise<Outcome> {
  const dir = join(WILD, slug);
  const source: Source = JSON.parse(readFileSync(join(dir, 'source.json'), 'utf8'));
  const figures: Figures = JSON.parse(readFileSync(join(dir, 'figures.json'), 'utf8'));
  const ext = source.extraction.endsWith('.html') ? 'html' : source.extraction.endsWith('.docx') ? 'docx' : source.extraction.endsWith('.pdf') ? 'pdf' : 'txt';
  const bytes = readFileSync(join(dir, source.extraction));
  const out: Outcome = { slug, wrong: [], unread: [], shortfalls: [] };
  let reports: Report[];
  try {
    ({ reports } = await readReports(`${slug}.${ext}`, bytes, formats));
  } catch (e) {
    return { ...out, problem: (e as Error).message, unread: Object.keys(figures.cells), shortfalls: ['refused'] };
  }
  if (!reports.length) return { ...out, unread: Object.keys(figures.cells), shortfalls: ['no report'] };
  // The report that holds most of the published figures is the one meant.
  const score = (r: Report) => Object.entries(figures.cells).filter(([id, v]) => r.readings[formats.byId(r.format)?.index.get(id) ?? -1]?.value === v).length;
  const report = [...reports].sort((a, b) => score(b) - score(a))[0];
  out.report = report;
  const format = formats.byId(report.format)!;
  if (report.format !== source.format) out.shortfalls.push(`format ${report.format}`);
  if (report.year !== source.year) out.shortfalls.push(`year ${report.year}`);
  if (report.office !== source.office) out.shortfalls.push(`office 「${report.office}」`);
  if (reports.length > 1) out.shortfalls.push(`${reports.length} reports`);
  for (const [id, want] of Object.entries(figures.cells)) {
    const i = format.index.get(id);
    const r = i === undefined ? undefined : report.readings[i];
    if (!r || r.status === 'invalid') out.unread.push(id);
    else if (r.value !== want) out.wrong.push(`${id}: read ${r.value}, published ${want}`);
  }
  const justified = (figures.known_errors ?? []).map((k) => k.split(/\s/)[0]);
  const errors = validate(report).findings.filter((f) => f.severity === 'error');
  for (const f of errors) {
    if (f.rule === 'format.undivided_row' || justified.includes(f.rule)) continue;
    if (f.rule === 'format.missing_cells' && f.cells.every((c) => !(c in figures.cells))) continue;
    out.shortfalls.push(`${f.rule}: ${f.message.slice(0, 80)}`);
  }
  if (out.unread.length) out.shortfalls.push(`${out.unread.length} figures not read`);
  return out;
}

let outcomes: Outcome[] = [];

beforeAll(async () => {
  outcomes = [];
  for (const slug of slugs) outcomes.push(await read(slug));
  const exact = outcomes.filter((o) => !o.shortfalls.length && !o.wrong.length);
  const lines = outcomes.map((o) => `${o.shortfalls.length || o.wrong.length ? '✗' : '✓'} ${o.slug}${o.shortfalls.length ? `: ${o.shortfalls.join('；')}` : ''}`);
  process.stdout.write(`wild corpus: ${exact.length} of ${outcomes.length} read exactly\n${lines.join('\n')}\n`);
}, 120000);

test('the corpus holds real reports, each with its source and figures', () => {
  expect(slugs.length).toBeGreaterThanOrEqual(4);
  for (const s of EXACT) expect(slugs).toContain(s);
});

test.each(slugs)('%s: never a wrong number', (slug) => {
  const o = outcomes.find((x) => x.slug === slug)!;
  expect(o.wrong).toEqual([]);
});

test.each(slugs)('%s: read exactly if and only if it is listed in EXACT.json', (slug) => {
  const o = outcomes.find((x) => x.slug === slug)!;
  if (EXACT.includes(slug)) expect(o.shortfalls).toEqual([]);
  else expect(o.shortfalls.length).toBeGreaterThan(0);
});
