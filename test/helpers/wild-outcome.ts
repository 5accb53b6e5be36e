/**
 * How a reading of a wild-corpus report compares with its hand-checked figures: wrong numbers
 * (never allowed), figures not read, and what else falls short of an exact reading. Shared by
 * the extraction tests and the tests on the original bytes.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { formats } from '../../src/formats';
import type { Finding } from '../../src/model/finding';
import type { Report } from '../../src/model/report';
import { validate } from '../../src/rules/engine';
import { WILD, wildSource } from './wild-document';

export { WILD, wildSource };

/** Originals that cannot be committed, byte for byte, beside the project (in CI). */
export const WILD_ORIGINALS = join(__dirname, '..', '..', '..', 'shared', 'wild-originals');

export interface WildFigures {
  cells: Record<string, number | null>;
  known_errors?: string[];
  /** Cells the committed extraction lost (a converter dropped them), with why: the extraction's blank is read, not the published figure. */
  lost_in_extraction?: Record<string, string>;
}

export interface Outcome {
  slug: string;
  report?: Report;
  /** Cells read as a number other than the published one: must never happen. */
  wrong: string[];
  /** Published cells not read (missing or unreadable). */
  unread: string[];
  /** What else falls short of an exact reading. */
  shortfalls: string[];
}

export const wildSlugs = (): string[] => readdirSync(WILD).filter((d) => existsSync(join(WILD, d, 'figures.json')) && existsSync(join(WILD, d, 'source.json')));
export const wildFigures = (slug: string): WildFigures => JSON.parse(readFileSync(join(WILD, slug, 'figures.json'), 'utf8'));

/** The report among `reports` that holds most of the published figures: the one meant. */
function reportMeant(slug: string, reports: Report[]): Report | undefined {
  const { cells } = wildFigures(slug);
  const score = (r: Report) => Object.entries(cells).filter(([id, v]) => r.readings[formats.byId(r.format)?.index.get(id) ?? -1]?.value === v).length;
  return [...reports].sort((a, b) => score(b) - score(a))[0];
}

/** Errors the published figures do not justify (their known errors, an undivided row, cells with no id). */
export function unjustifiedErrors(slug: string, findings: Finding[]): Finding[] {
  const figures = wildFigures(slug);
  const justified = (figures.known_errors ?? []).map((k) => k.split(/\s/)[0]);
  const lost = Object.keys(figures.lost_in_extraction ?? {});
  return findings.filter(
    (f) =>
      f.severity === 'error' &&
      f.rule !== 'format.undivided_row' &&
      !justified.includes(f.rule) &&
      !(f.rule === 'format.missing_cells' && f.cells.every((c) => !(c in figures.cells))) &&
      // An error the extraction's lost cell causes is the extraction's, not the reader's.
      !f.cells.some((c) => lost.includes(c)),
  );
}

/** A reading of the report `slug` (all the reports a file gave) against its figures. */
export function outcomeOf(slug: string, reports: Report[], refused?: string): Outcome {
  const source = wildSource(slug);
  const figures = wildFigures(slug);
  const out: Outcome = { slug, wrong: [], unread: [], shortfalls: [] };
  if (refused !== undefined) return { ...out, unread: Object.keys(figures.cells), shortfalls: [`refused: ${refused}`] };
  const report = reportMeant(slug, reports);
  if (!report) return { ...out, unread: Object.keys(figures.cells), shortfalls: ['no report'] };
  out.report = report;
  const format = formats.byId(report.format)!;
  if (report.format !== source.format) out.shortfalls.push(`format ${report.format}`);
  if (report.year !== source.year) out.shortfalls.push(`year ${report.year}`);
  if (report.office !== source.office) out.shortfalls.push(`office 「${report.office}」`);
  if (reports.length > 1) out.shortfalls.push(`${reports.length} reports`);
  for (const [id, want] of Object.entries(figures.cells)) {
    if (figures.lost_in_extraction?.[id]) continue;
    const i = format.index.get(id);
    const r = i === undefined ? undefined : report.readings[i];
    if (!r || r.status === 'invalid') out.unread.push(id);
    else if (r.value !== want) out.wrong.push(`${id}: read ${r.value}, published ${want}`);
  }
  for (const f of unjustifiedErrors(slug, validate(report).findings)) out.shortfalls.push(`${f.rule}: ${f.message.slice(0, 80)}`);
  if (out.unread.length) out.shortfalls.push(`${out.unread.length} figures not read`);
  return out;
}
