/**
 * The season's letters as files, for every face: one 退回意见 per office that needs one, the
 * 报送情况通报, and all of them in one .zip for a browser (which downloads one file at a time).
 * The Word writer and the zip writer load only when a letter is asked for.
 */
import { defaultResubmitBy, noticeUnits, type Season } from '../consolidate/season';
import { parseDeadline, daysBetween } from '../consolidate/roster';
import type { DraftDocument } from '../draft/model';
import { UserError } from '../model/user-error';
import { DRAFT_TYPES, safeFileName } from './draft-report';

export interface SeasonFile {
  name: string;
  type: string;
  bytes: Uint8Array;
  /** The office a notice is for. */
  office?: string;
}

const CIRCULAR_FILE = '报送情况通报.docx';
const ZIP_TYPE = 'application/zip';

export function noticeFileName(office: string): string {
  return `${safeFileName(office) || '单位'}退回意见.docx`;
}

export interface LetterOptions {
  /** YYYY-MM-DD the corrected versions are due by; a week after the season's today by default. */
  resubmitBy?: string;
  /** One office's notice only. */
  office?: string;
}

/** The due date as given (2025-02-12, 2月12日), checked: a real date, not before today. */
export function resubmitDate(given: string | undefined, today: string): string {
  if (!given?.trim()) return defaultResubmitBy(today);
  const d = parseDeadline(given);
  if (!d) throw new UserError(`重新报送截止日期“${given}”无法识别，请写成 2025-02-12 或 2月12日。`);
  const ymd = `${d.year ?? Number(today.slice(0, 4))}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  if (daysBetween(today, ymd) < 0) throw new UserError(`重新报送截止日期 ${ymd} 早于今天（${today}），请改为今天以后的日期。`);
  return ymd;
}

async function docx(doc: DraftDocument): Promise<Uint8Array> {
  const { renderDocx } = await import('../draft/render-docx');
  return renderDocx(doc);
}

/** One 退回意见 per office that needs one (or the one office asked for); none when nobody does. */
export async function noticeFiles(season: Season, options: LetterOptions = {}): Promise<SeasonFile[]> {
  const resubmitBy = resubmitDate(options.resubmitBy, season.today);
  const units = noticeUnits(season).filter((u) => options.office === undefined || u.office === options.office);
  if (options.office !== undefined && !units.length) {
    const known = season.units.find((u) => u.office === options.office);
    throw new UserError(known ? `「${options.office}」${known.member ? '的报表没有错误或未说明的警告' : '没有报表'}，无需退回。` : `汇总中没有「${options.office}」。`);
  }
  const { draftNotice } = await import('../draft/notice');
  const out: SeasonFile[] = [];
  for (const u of units) {
    const doc = draftNotice({ member: u.member!, history: u.history, resubmitBy });
    out.push({ name: noticeFileName(u.office), type: DRAFT_TYPES.docx, bytes: await docx(doc), office: u.office });
  }
  return out;
}

async function circularFile(season: Season, options: LetterOptions = {}): Promise<SeasonFile> {
  const { draftCircular } = await import('../draft/circular');
  const doc = draftCircular({ season, resubmitBy: resubmitDate(options.resubmitBy, season.today) });
  return { name: CIRCULAR_FILE, type: DRAFT_TYPES.docx, bytes: await docx(doc) };
}

/** Every notice and the circular. */
export async function seasonFiles(season: Season, options: LetterOptions = {}): Promise<SeasonFile[]> {
  return [...(await noticeFiles(season, options)), await circularFile(season, options)];
}

/** Several files as one .zip, names kept in UTF-8 (Windows' Explorer and WPS read them). */
async function zipFiles(files: SeasonFile[], name: string): Promise<SeasonFile> {
  const { zipSync } = await import('fflate');
  return { name, type: ZIP_TYPE, bytes: zipSync(Object.fromEntries(files.map((f) => [f.name, f.bytes]))) };
}

/** What the pane asks for: every letter at once, one office's notice, or the circular. */
export type LetterRequest = { kind: 'all' } | { kind: 'notice'; office: string } | { kind: 'circular' };

/** One file to download: a single letter as .docx, all of them as one .zip (a browser saves one file per click). */
export async function letterDownload(season: Season, request: LetterRequest, resubmitBy?: string): Promise<SeasonFile & { count: number }> {
  const options = { resubmitBy };
  if (request.kind === 'circular') return { ...(await circularFile(season, options)), count: 1 };
  if (request.kind === 'notice') return { ...(await noticeFiles(season, { ...options, office: request.office }))[0], count: 1 };
  const files = await seasonFiles(season, options);
  return { ...(await zipFiles(files, `${season.year}年度退回意见和报送情况通报.zip`)), count: files.length };
}
