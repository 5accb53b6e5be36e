/**
 * The drafted report read back by the narrative check: its text agrees with its own tables, and the
 * only finding is 五 holding nothing but its placeholder (structure.section_empty, by design: the
 * placeholder 【待填写：…】 is not content, so a draft sent out unfilled is flagged there; 一 holds
 * drafted figures and sub-headings besides its placeholders and is never empty).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { formats } from '../../src/formats';
import { draftReport } from '../../src/draft/draft';
import type { DraftDocument, Run } from '../../src/draft/model';
import type { Report } from '../../src/model/report';
import { reportsFromJsonText } from '../../src/model/report-json';
import { draftReportFile } from '../../src/app/draft-report';
import { readReportsAndText } from '../helpers/read-file';
import { checkNarrative } from '../../src/narrative/check';
import type { ReportDocument } from '../../src/narrative/document';
import { sentencesOf, statementsOf } from '../../src/narrative/figures';
import { splitSections } from '../../src/narrative/sections';
import { reportFromCells, seeded, validCells } from '../helpers/random-report';
import { ROOT } from '../helpers/cli';

/** The drafted document's running text: title lines, opening, each part's title, sub-headings and paragraphs; tables left out. */
function draftText(d: DraftDocument): ReportDocument {
  const text = (runs: Run[]) => runs.map((r) => r.text).join('');
  const lines = [...d.titleLines, text(d.opening)];
  for (const s of d.sections) {
    lines.push(s.title);
    for (const b of s.blocks) {
      if (b.type === 'subheading') lines.push(b.text);
      else if (b.type === 'paragraph') lines.push(text(b.runs));
    }
  }
  return { source: 'draft', paragraphs: lines.map((t) => ({ text: t })) };
}

function check(report: Report) {
  const format = formats.byId(report.format)!;
  return checkNarrative({ document: draftText(draftReport(report, format)), report });
}

const samples = reportsFromJsonText(readFileSync(join(ROOT, 'test/fixtures/sample-reports.json'), 'utf8'), 'sample-reports.json', formats);

test.each(samples.map((r) => [`${r.office} ${r.year}`, r] as const))('%s: only 五’s placeholder is flagged', (_, report) => {
  const f = check(report);
  expect(f.map((x) => x.rule)).toEqual(['structure.section_empty']);
  expect(f[0].place?.section).toBe('五');
});

test('200 random valid reports of both formats: the drafted text agrees with the tables', () => {
  const rand = seeded(20260601);
  let figures = 0;
  for (let i = 0; i < 200; i++) {
    const year = i % 2 ? 2020 : 2023;
    const format = formats.forYear(year)!;
    const report = reportFromCells(format, validCells(format, rand), { year, format: format.id });
    const f = check(report);
    expect(f.map((x) => `${x.rule} ${x.message}`)).toEqual([expect.stringMatching(/^structure\.section_empty /)]);
    const doc = draftText(draftReport(report, format));
    const kinds = new Set(sentencesOf(doc, splitSections(doc)).flatMap((s) => statementsOf(s, { year, office: report.office }).map((x) => x.kind)));
    // Received, carried in, closed, carried forward, reviews and suits are always stated, and compared.
    for (const k of ['new', 'carried_in', 'results', 'carried_out', 'review', 'suits'] as const) if (kinds.has(k)) figures++;
  }
  expect(figures).toBe(200 * 6);
});

test('a drafted figure altered afterwards is caught', () => {
  const report = samples[0];
  const doc = draftText(draftReport(report, formats.byId(report.format)!));
  const i = doc.paragraphs.findIndex((p) => p.text.startsWith('本年度新收政府信息公开申请'));
  doc.paragraphs[i] = { text: doc.paragraphs[i].text.replace(/^本年度新收政府信息公开申请(\d+)件/, (_, n: string) => `本年度新收政府信息公开申请${Number(n) + 1}件`) };
  const f = checkNarrative({ document: doc, report });
  expect(f.map((x) => x.rule).sort()).toEqual(['narrative.figure_mismatch', 'structure.section_empty']);
  expect(f.find((x) => x.rule === 'narrative.figure_mismatch')?.cells).toEqual(['requests.new.total']);
});

describe('the drafted .html and .docx read back by the product’s readers', () => {
  const cases = [
    ...samples.slice(0, 3).map((r) => [`${r.office} ${r.year}`, r] as const),
    ...[2020, 2024].map((year) => {
      const format = formats.forYear(year)!;
      return [`random ${year}`, reportFromCells(format, validCells(format, seeded(year)), { year, format: format.id, office: '某某县交通运输局' })] as const;
    }),
  ];
  test.each(cases.flatMap(([name, r]) => (['html', 'docx'] as const).map((kind) => [name, kind, r] as const)))('%s as .%s', async (_, kind, report) => {
    const file = await draftReportFile(report, { kind, force: true });
    const read = await readReportsAndText(`draft.${kind}`, file.bytes, formats);
    expect(read.reports).toHaveLength(1);
    const f = checkNarrative({ document: read.document!, report: read.reports[0] });
    expect(f.map((x) => x.rule)).toEqual(['structure.section_empty']);
  });
});
