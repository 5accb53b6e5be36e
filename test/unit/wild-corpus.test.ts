/**
 * The wild corpus (test/fixtures/wild): real published reports, each with its source and
 * hand-checked figures. Every one must be read without a single wrong number: a figure is
 * either exactly the published one, or reported as not read. The reports listed in
 * EXACT.json must be read completely: format, year, office and every figure, with no error
 * the published figures do not justify. The list is kept honest both ways: a report not on it
 * must still fall short, so the pass rate printed here is the real one.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { formats } from '../../src/formats';
import { readReports } from '../helpers/read-file';
import type { Report } from '../../src/model/report';
import { outcomeOf, WILD, wildSlugs, wildSource, type Outcome } from '../helpers/wild-outcome';

const slugs = wildSlugs();
const EXACT: string[] = JSON.parse(readFileSync(join(WILD, 'EXACT.json'), 'utf8'));

/** The committed extraction, read as the product reads a file of its kind. */
async function read(slug: string): Promise<Outcome> {
  const { extraction } = wildSource(slug);
  const ext = extraction.endsWith('.html') ? 'html' : extraction.endsWith('.docx') ? 'docx' : extraction.endsWith('.pdf') ? 'pdf' : 'txt';
  let reports: Report[];
  try {
    ({ reports } = await readReports(`${slug}.${ext}`, readFileSync(join(WILD, slug, extraction)), formats));
  } catch (e) {
    return outcomeOf(slug, [], (e as Error).message);
  }
  return outcomeOf(slug, reports);
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
