/**
 * Real published reports read from the bytes their offices published (../shared/wild-originals,
 * present in CI; a fresh clone without it reads the committed extractions in wild-corpus.test.ts).
 * Each original is read by the product's own reader, in process and through `nianbao validate
 * --json`, to exactly its hand-checked figures, office and year, with no error the figures do
 * not justify. Every case says which bytes it read.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { formats } from '../../src/formats';
import { reportsFromJsonText } from '../../src/model/report-json';
import type { Finding } from '../../src/model/finding';
import { nianbao } from '../helpers/cli';
import { outcomeOf, unjustifiedErrors, wildFigures, WILD_ORIGINALS, wildSlugs, wildSource } from '../helpers/wild-outcome';

const slugs = wildSlugs();
/** `<slug>.<ext>` files beside the project whose slug is in the corpus. */
const originals = existsSync(WILD_ORIGINALS)
  ? readdirSync(WILD_ORIGINALS)
      .map((f) => ({ file: join(WILD_ORIGINALS, f), slug: f.replace(/\.[^.]+$/, '') }))
      .filter((o) => slugs.includes(o.slug))
  : [];

beforeAll(() => {
  process.stdout.write(
    originals.length
      ? `wild originals: read from the original bytes: ${originals.map((o) => o.slug).join(', ')}\n`
      : `wild originals: ${WILD_ORIGINALS} is absent; only the committed extractions are read (wild-corpus.test.ts)\n`,
  );
});

if (!originals.length) {
  test('without ../shared/wild-originals, every entry whose original is a PDF still has its extraction committed', () => {
    const pdfs = slugs.filter((s) => /^pdf/.test(wildSource(s).original_kind ?? ''));
    expect(pdfs.length).toBeGreaterThanOrEqual(3);
    for (const s of pdfs) expect(existsSync(join(__dirname, '..', 'fixtures', 'wild', s, wildSource(s).extraction))).toBe(true);
  });
} else {
  // PDF.js is an ES module Jest cannot load in process: the product reads the originals as the command line does.
  describe.each(originals)('$slug, read from its original bytes ($file)', ({ slug, file }) => {
    test('nianbao validate --json gives exactly the published figures, office and year, and no error they do not justify', () => {
      const r = nianbao(['validate', file, '--json']);
      const doc = JSON.parse(r.stdout) as { reports: { cells: Record<string, number | null>; findings: Finding[] }[] };
      const reports = reportsFromJsonText(r.stdout, file, formats);
      const o = outcomeOf(slug, reports);
      expect(o.wrong).toEqual([]);
      expect(o.unread).toEqual([]);
      expect(o.shortfalls).toEqual([]);
      // Every published cell as printed, blanks as null, in the contract's JSON.
      const { cells } = wildFigures(slug);
      expect(Object.fromEntries(Object.keys(cells).map((id) => [id, doc.reports[0].cells[id]]))).toEqual(cells);
      // The findings the command line gives, not re-derived: none the published figures do not justify.
      expect(unjustifiedErrors(slug, doc.reports[0].findings).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
      expect(r.code).toBe(doc.reports[0].findings.some((f) => f.severity === 'error') ? 1 : 0);
    });
  });
}
