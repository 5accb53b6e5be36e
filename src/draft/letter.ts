/**
 * What the season's letters (退回意见, 报送情况通报) share: plain tables with a header row, dates
 * written the Chinese way, section numbers, and a signature left blank for the issuing office.
 */
import type { Block, DraftCell, DraftRow, DraftTable, ParagraphLayout } from './model';

/** 2025-02-12 → 2025年2月12日. */
export function chineseDate(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : ymd;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The n-th (from 0) section number: 一、 二、 …; sub-items （一）（二）…. */
export function sectionNumber(n: number): string {
  return NUMERALS[n] ?? String(n + 1);
}

export interface Column {
  header: string;
  /** Share of the text width; the columns' shares sum to 1. */
  width: number;
  align?: DraftCell['align'];
}

const cell = (text: string, role: DraftCell['role'], align: DraftCell['align']): DraftCell => ({ text, colSpan: 1, rowSpan: 1, role, align });

/** A table with one header row (repeated on each page) and a row per item. */
export function listTable(id: string, columns: Column[], rows: string[][]): DraftTable {
  const header: DraftRow = { header: true, cells: columns.map((c) => cell(c.header, 'header', 'center')) };
  const body: DraftRow[] = rows.map((r) => ({ header: false, cells: columns.map((c, i) => cell(r[i] ?? '', 'value', c.align ?? 'left')) }));
  return { id, widths: columns.map((c) => c.width), rows: [header, ...body] };
}

export function paragraph(text: string, layout: ParagraphLayout = {}): Block {
  return { type: 'paragraph', runs: [{ text }], ...layout };
}

/**
 * The signature and date left blank for the issuing office to write and stamp (GB/T 9704: the
 * date four characters in from the right, the name centred above it): two empty lines, then
 * the places for both.
 */
export function blankSignature(): Block[] {
  return [
    paragraph('', { indent: false }),
    paragraph('', { indent: false }),
    paragraph('（单位名称）', { align: 'right', indent: false, rightChars: 5 }),
    paragraph('年　　月　　日', { align: 'right', indent: false, rightChars: 4 }),
  ];
}
