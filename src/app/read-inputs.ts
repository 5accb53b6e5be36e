/**
 * Reports out of input files, for every face that takes files: each file read through the
 * file-reader port and recognised; a file that cannot be read is said, the rest still read.
 */
import { formats as registry } from '../formats';
import type { ReadOptions } from '../import/read-file';
import type { FileReaders } from '../import/readers';
import { UNKNOWN_OFFICE, type Report } from '../model/report';
import { UserError } from '../model/user-error';
import type { InputFile } from '../ports/file-reader';
import type { FullText } from './check-full-text';

export interface InputOptions extends ReadOptions {
  /** How this face reads workbooks and PDFs. */
  readers: FileReaders;
  /** Read a published report's running text as well (validation checks it); a text without tables then stands as a report. */
  text?: boolean;
}

/** One file's reports (and its text when asked); a UserError naming the file when it cannot be read or holds none. */
export async function readInput(file: InputFile, options: InputOptions): Promise<FullText> {
  try {
    const bytes = await file.read();
    // The readers (exceljs, the docx, html and pdf parsers) load only when a file is read: the pane starts without them.
    const r = options.text
      ? await (await import('./check-full-text')).readFullText({ name: file.name, bytes }, options, registry)
      : { file: file.name, ...(await (await import('../import/read-file')).readReports(file.name, bytes, registry, options.readers, options)) };
    if (!r.reports.length) throw new UserError(`未找到可识别的报表${r.problems.length ? `（${r.problems.join('；')}）` : ''}`, { code: 'no_report' });
    stampSubmitted(r.reports, file);
    return r;
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${file.name}：${e.message}`, { cause: e, code: e.code });
    throw e;
  }
}

/**
 * A report's submission time: what the file itself declares (a sheet of ours keeps its import
 * time), else the file's modification time, where the host knows it.
 */
export function stampSubmitted(reports: Report[], file: InputFile): void {
  if (file.modified === undefined || !Number.isFinite(file.modified)) return;
  const at = new Date(file.modified).toISOString();
  for (const r of reports) r.submitted ??= at;
}

export interface InputsRead {
  /** The files read, in order. */
  files: FullText[];
  reports: Report[];
  /** In file order, each naming its file: what could not be read within a file, and files that could not be read at all. */
  messages: string[];
  /** Some file could not be read at all. */
  failed: boolean;
}

/** Every file's reports, in order; a bad file is reported and the rest still read. */
export async function readInputs(files: InputFile[], options: InputOptions): Promise<InputsRead> {
  const out: InputsRead = { files: [], reports: [], messages: [], failed: false };
  const results = await inTurn(files, options.readers.parallel ?? 1, (f) =>
    readInput(f, options).catch((e: unknown) => {
      if (!(e instanceof UserError)) throw e;
      return e;
    }),
  );
  results.forEach((r, i) => {
    if (r instanceof UserError) {
      out.messages.push(r.message);
      out.failed = true;
      return;
    }
    out.files.push(r);
    out.reports.push(...r.reports);
    out.messages.push(...r.problems.map((p) => `${files[i].name}：${p}`));
  });
  return out;
}

/** `work` over `items`, at most `width` at once, the results in the items' order. */
async function inTurn<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, lane));
  return results;
}

export function officeUnknown(r: Report): boolean {
  return !r.office.trim() || r.office === UNKNOWN_OFFICE;
}

/** Reports whose office nothing names are never written or summed under a made-up name; `then` says what to do. */
export function refuseUnknownOffice(reports: Report[], then: string): void {
  const unknown = reports.filter(officeUnknown);
  if (unknown.length) throw new UserError(`${unknown.map((r) => r.source).join('、')}：未能识别填报单位（标题、发布机构和落款中都没有单位名称），${then}`, { code: 'unknown_office' });
}
