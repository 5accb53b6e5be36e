/**
 * The narrative check on real published reports (test/fixtures/wild): the clean originals give
 * no error and only the warnings listed below, each checked by hand against the report; faults
 * planted in them are each found as exactly their rule.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { REPORT_FIGURES } from '../../src/formats/report-figures';
import type { Report } from '../../src/model/report';
import { checkNarrative, type NarrativeInput } from '../../src/narrative/check';
import type { ReportDocument } from '../../src/narrative/document';
import { compact, officeLevel, sentencesOf, statementsOf, type Statement } from '../../src/narrative/figures';
import { tableSum, type Tables } from '../../src/narrative/narrative-rules';
import { readReportsAndText } from '../helpers/read-file';
import { splitSections } from '../../src/narrative/sections';
import type { Finding } from '../../src/model/finding';
import { readCell } from '../../src/model/values';
import { formats } from '../../src/formats';
import { WILD, wildDocument, wildReport } from '../helpers/wild-document';

interface Source {
  year: number;
  quirks?: string[];
  /** false: the text is kept for the readers, but its sections cannot be read yet (narrative_why says why); listed, not checked. */
  narrative_checked?: boolean;
}

const all = readdirSync(WILD).filter((d) => existsSync(join(WILD, d, 'source.json')) && existsSync(join(WILD, d, 'figures.json')));
const source = (slug: string): Source => JSON.parse(readFileSync(join(WILD, slug, 'source.json'), 'utf8'));
/** Reports whose extraction holds only the tables have no running text to check. */
const FULL = all.filter((slug) => !(source(slug).quirks ?? []).some((q) => q.startsWith('tables only')) && source(slug).narrative_checked !== false);
const UNCHECKED = all.filter((slug) => source(slug).narrative_checked === false);

/**
 * The warnings the clean originals give, each read against the published report:
 * - pingtan-2022: the heading of 四 reads 政府信息公开行政法复议、行政诉讼情况 (法 inserted).
 * - pingtan-2025: 六 says 无收取信息处理费情况 while （六）2 (逾期未按收费通知要求缴纳费用) is 2: fee notices went out.
 * - shanghai-municipal-office-2019: 五 is titled 政府信息公开工作存在的主要问题及改进情况.
 * - shuyang-fgj-2023: 五 is titled 存在的主要问题及整改措施.
 */
const EXPECTED_WARNINGS: Record<string, string[]> = {
  'pingtan-2022': ['structure.section_title'],
  'pingtan-2025': ['narrative.contradiction'],
  'shanghai-municipal-office-2019': ['structure.section_title'],
  'shuyang-fgj-2023': ['structure.section_title'],
};

const key = (f: Finding) => `${f.rule}|${f.cells.join(',')}|${f.quote ?? ''}`;
/** Findings in `after` not in `before`. */
function added(before: Finding[], after: Finding[]): Finding[] {
  const seen = new Set(before.map(key));
  return after.filter((f) => !seen.has(key(f)));
}

function withParagraph(doc: ReportDocument, i: number, text: string): ReportDocument {
  return { ...doc, paragraphs: doc.paragraphs.map((p, j) => (j === i ? { ...p, text } : p)) };
}

function withCell(report: Report, id: string, value: number): Report {
  const format = formats.byId(report.format)!;
  const readings = [...report.readings];
  readings[format.index.get(id)!] = readCell(value, 'count');
  return { ...report, readings };
}

function statements(doc: ReportDocument, report: Report): Statement[] {
  const scope = { year: report.year, office: report.office, level: officeLevel(report.office) };
  return sentencesOf(doc, splitSections(doc)).flatMap((s) => statementsOf(s, scope));
}

const tally = { planted: 0, found: 0, lines: [] as string[] };
function plant(name: string, before: Finding[], after: Finding[], rules: string[]): Finding[] {
  const news = added(before, after);
  tally.planted++;
  if (
    news
      .map((f) => f.rule)
      .sort()
      .join() === [...rules].sort().join()
  )
    tally.found++;
  else tally.lines.push(`${name}: ${news.map((f) => f.rule).join(', ') || '（未发现）'}`);
  return news;
}

afterAll(() => {
  const counts = FULL.map((slug) => {
    const f = checkNarrative({ document: wildDocument(slug), report: wildReport(slug) });
    return `${slug} ${f.filter((x) => x.severity === 'warning').length}`;
  });
  console.log(
    `narrative, wild corpus: ${FULL.length} full texts (${all.length - FULL.length - UNCHECKED.length} table-only extractions skipped; not yet checked: ${UNCHECKED.join(', ') || 'none'})\n` +
      `warnings per clean report: ${counts.join('; ')}\n` +
      `planted faults found as exactly their rule: ${tally.found}/${tally.planted}` +
      (tally.lines.length ? `\nmissed or extra:\n${tally.lines.join('\n')}` : ''),
  );
});

test('the corpus holds full report texts', () => {
  expect(FULL.length).toBeGreaterThanOrEqual(9);
});

/** Both ways a report's text reaches the check: the test's own reading of the extraction, and the product's readers (with the tables they read). */
const WAYS = FULL.flatMap((slug) => [
  [slug, 'extraction'],
  [slug, 'reader'],
]) as [string, 'extraction' | 'reader'][];

async function load(slug: string, way: 'extraction' | 'reader'): Promise<{ doc: ReportDocument; report: Report }> {
  if (way === 'extraction') return { doc: wildDocument(slug), report: wildReport(slug) };
  const extraction: string = JSON.parse(readFileSync(join(WILD, slug, 'source.json'), 'utf8')).extraction;
  const r = await readReportsAndText(`${slug}.${extraction.endsWith('.html') ? 'html' : 'txt'}`, readFileSync(join(WILD, slug, extraction)), formats);
  expect(r.reports).toHaveLength(1);
  return { doc: r.document!, report: r.reports[0] };
}

describe.each(WAYS)('%s, read by the %s', (slug, way) => {
  let doc: ReportDocument;
  let report: Report;
  let clean: Finding[];
  let tables: Tables;
  beforeAll(async () => {
    ({ doc, report } = await load(slug, way));
    clean = checkNarrative({ document: doc, report });
    tables = { format: formats.byId(report.format)!, report };
  });

  test('the six sections are found, in order', () => {
    expect(splitSections(doc).sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('clean original: no error, only the warnings read by hand', () => {
    expect(clean.filter((f) => f.severity === 'error')).toEqual([]);
    expect(clean.map((f) => f.rule).sort()).toEqual((EXPECTED_WARNINGS[slug] ?? []).sort());
    for (const f of clean) {
      expect(f.quote).toBeTruthy();
      expect(f.place?.paragraph).toBeGreaterThan(0);
    }
  });

  test('a figure changed in the text is a figure_mismatch naming its cells', () => {
    // Statements whose cells the tables leave blank are not compared (see narrative-figures tests).
    for (const s of statements(doc, report).filter((x) => tableSum(tables, REPORT_FIGURES[x.kind].cells) !== undefined)) {
      const i = s.sentence.paragraph;
      const text = compact(doc.paragraphs[i].text);
      const stated = `${s.clause.text}`;
      const at = text.indexOf(stated);
      expect(at).toBeGreaterThanOrEqual(0);
      const changed = stated.replace(
        s.figure,
        s.figure.replace(/\d+(?=[件起宗个份])/, (n) => String(Number(n) + 100)),
      );
      const base = withParagraph(doc, i, text);
      const news = plant(`${slug}/${way} ${s.kind} ${stated}`, checkNarrative({ document: base, report }), checkNarrative({ document: withParagraph(doc, i, text.replace(stated, changed)), report }), [
        'narrative.figure_mismatch',
      ]);
      expect(news.map((f) => f.rule)).toEqual(['narrative.figure_mismatch']);
      expect(news[0].cells).toEqual(REPORT_FIGURES[s.kind].cells);
    }
  });

  test.each([1, 2, 3, 4, 5, 6])('section %i removed: section_missing (and a 六部分 claim broken)', (no) => {
    const split = splitSections(doc);
    const s = split.sections.find((x) => x.no === no)!;
    const removed = { ...doc, paragraphs: doc.paragraphs.filter((_, i) => i < s.heading.paragraph || i >= s.end) };
    // A preface that counts its parts (本报告共分6个部分) no longer holds either.
    const preface = doc.paragraphs
      .slice(0, split.sections[0].heading.paragraph)
      .map((p) => compact(p.text))
      .join('');
    const claims = /[六6]个?部分/.test(preface);
    const news = plant(
      `${slug}/${way} 删去第${no}部分`,
      clean,
      checkNarrative({ document: removed, report }),
      claims ? ['structure.section_missing', 'structure.parts_claim'] : ['structure.section_missing'],
    );
    expect(news.find((f) => f.rule === 'structure.section_missing')?.severity).toBe('error');
    expect(news.map((f) => f.rule).sort()).toEqual((claims ? ['structure.parts_claim', 'structure.section_missing'] : ['structure.section_missing']).sort());
  });

  test('「所有申请均已按时办结」 added while requests are carried forward', () => {
    // A report that carried nothing forward gets 5 in its table, in both runs.
    const out = report.readings[formats.byId(report.format)!.index.get('requests.carried_out.total')!]?.value ?? 0;
    const tables = out > 0 ? report : withCell(report, 'requests.carried_out.total', 5);
    const first = splitSections(doc).sections.find((x) => x.no === 1)!;
    const i = first.heading.paragraph + 1;
    const planted = withParagraph(doc, i, `${doc.paragraphs[i].text}所有政府信息公开申请均已按时办结。`);
    const news = plant(`${slug}/${way} 所有申请均已办结`, checkNarrative({ document: doc, report: tables }), checkNarrative({ document: planted, report: tables }), ['narrative.contradiction']);
    expect(news.map((f) => f.cells)).toEqual([['requests.carried_out.total']]);
  });

  test('a wrong year in the 统计期限', () => {
    const y = report.year;
    const at = doc.paragraphs.findIndex((p) => /统计(?:期限|时限)/.test(compact(p.text)));
    const planted =
      at >= 0
        ? withParagraph(doc, at, compact(doc.paragraphs[at].text).replace(new RegExp(`${y}(?=年)`, 'g'), String(y - 1)))
        : { ...doc, paragraphs: [{ text: `本报告中所列数据的统计期限自${y - 1}年1月1日起至${y - 1}年12月31日止。` }, ...doc.paragraphs] };
    const base = at >= 0 ? withParagraph(doc, at, compact(doc.paragraphs[at].text)) : doc;
    const news = plant(`${slug}/${way} 统计期限年份`, checkNarrative({ document: base, report }), checkNarrative({ document: planted, report }), ['narrative.year']);
    expect(news.map((f) => f.rule)).toEqual(['narrative.year']);
    expect(news[0].message).toContain(String(y - 1));
  });
});

describe.each([
  ['pingtan-2023', 'pingtan-2024'],
  ['hongze-district-2023', 'hongze-district-2024'],
])('%s → %s: narrative.copied', (prev, cur) => {
  const previous = wildDocument(prev);
  const report = wildReport(cur);
  const check = (input: Omit<NarrativeInput, 'report'>) => checkNarrative({ ...input, report });

  test('the real next year is not a copy', () => {
    expect(check({ document: wildDocument(cur), previous }).filter((f) => f.rule === 'narrative.copied')).toEqual([]);
  });

  test('last year’s text with only the year changed is', () => {
    const y = report.year;
    const copied: ReportDocument = { source: 'copied', paragraphs: previous.paragraphs.map((p) => ({ ...p, text: p.text.replace(new RegExp(`${y - 1}(?=\\s*年)`, 'g'), String(y)) })) };
    const news = plant(`${cur} 照抄 ${prev}`, check({ document: copied }), check({ document: copied, previous }), ['narrative.copied']);
    expect(news.map((f) => f.rule)).toEqual(['narrative.copied']);
  });
});
