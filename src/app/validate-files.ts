/**
 * Validation of reports given as files (the command line's validate): each report checked as in
 * the workbook (a summary against its members among the files, each office against its own
 * report of the year before), and a published report's text against its tables.
 */
import type { Report } from '../model/report';
import { countBySeverity, type Validation } from '../rules/engine';
import type { InputFile } from '../ports/file-reader';
import type { FileReaders } from '../import/readers';
import { checkFullText, hasTables, lastYearOf, type CheckOptions } from './check-full-text';
import { officeUnknown, readInputs } from './read-inputs';

export interface ReportCheck {
  report: Report;
  validation: Validation;
  /** Neither the report nor the request names its office. */
  officeUnknown: boolean;
}

export interface ValidateFilesOptions {
  /** How this face reads workbooks and PDFs. */
  readers: FileReaders;
  /** Last year's reports or published report, as the user named them (a file or a folder). */
  previous?: { name: string; files: InputFile[] };
  /** Said by the user: they override what was read from each report. */
  year?: number;
  office?: string;
}

export interface FilesValidation {
  checks: ReportCheck[];
  /** In order, each naming its file: what could not be read. */
  messages: string[];
  /** Things the user should know that are not failures. */
  notes: string[];
  /** Some file, this year's or last year's, could not be read at all. */
  failed: boolean;
  /** Reports with at least one error. */
  withErrors: number;
}

export async function validateFiles(files: InputFile[], options: ValidateFilesOptions): Promise<FilesValidation> {
  const read = await readInputs(files, { readers: options.readers, year: options.year, office: options.office, text: true });
  const messages = [...read.messages];
  const notes: string[] = [];
  let failed = read.failed;
  const previous: NonNullable<CheckOptions['previous']> = { reports: [] };
  if (options.previous) {
    const last = await readInputs(options.previous.files, { readers: options.readers, text: true });
    messages.push(...last.messages);
    failed ||= last.failed;
    previous.reports = last.reports.filter(hasTables);
    // Last year's full text, for narrative.copied: one published report, not a folder of them.
    const texts = last.files.filter((f) => f.document);
    if (texts.length === 1) {
      const { document, parts } = lastYearOf(texts[0]);
      previous.document = document;
      previous.parts = parts;
    } else if (texts.length > 1) notes.push(`${options.previous.name}：其中有 ${texts.length} 份年报正文，无法确定哪一份是上年的年报，未比对两年的文字`);
  }
  for (const r of read.reports) {
    if (options.year !== undefined) r.year = options.year;
    if (options.office !== undefined) r.office = options.office;
  }
  const checks = read.files.flatMap((f) =>
    checkFullText(f, { previous, siblings: read.reports }).map(({ report, findings, confirmed }) => ({
      report,
      validation: { findings, confirmed },
      officeUnknown: officeUnknown(report),
    })),
  );
  return { checks, messages, notes, failed, withErrors: checks.filter((c) => countBySeverity(c.validation.findings).error > 0).length };
}
