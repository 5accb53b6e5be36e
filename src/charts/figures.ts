/** A chart's figures read from a report's cells: summed as the tables sum them, never a 0 for what cannot be read. */
import type { CompiledFormat } from '../formats/compile';
import type { Report } from '../model/report';
import type { ChartValue } from './spec';

/** A count as the tables print it. */
export function countText(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

const BLANK_TEXT = '空白';
export const UNREADABLE_TEXT = '无法读取';

export function numberValue(value: number, text = countText(value)): ChartValue {
  return { status: 'number', value, text };
}

/**
 * The sum of cells as one bar: blank when every cell is blank (a blank is shown as a blank),
 * unreadable when any cell is (never drawn; `why` names the cell and what it holds), else the sum
 * with blanks counted as 0, as every sum of the tables counts them.
 */
export function sumValue(format: CompiledFormat, report: Report, ids: string[]): ChartValue {
  let sum = 0;
  let numbers = 0;
  const broken: string[] = [];
  for (const id of ids) {
    const i = format.index.get(id);
    if (i === undefined) throw new Error(`${format.id}: no cell ${id}`);
    const r = report.readings[i];
    const c = format.cells[i];
    const where = `「${c.rowLabel}」×「${c.columnLabel}」`;
    if (!r) broken.push(`${where}未读取`);
    else if (r.status === 'invalid') broken.push(`${where}为“${r.raw ?? ''}”`);
    else if (r.value !== null) {
      sum += r.value;
      numbers++;
    }
  }
  if (broken.length) return { status: 'unreadable', value: null, text: UNREADABLE_TEXT, why: broken.join('，') };
  if (!numbers) return { status: 'blank', value: null, text: BLANK_TEXT };
  return numberValue(Math.round(sum * 1e8) / 1e8);
}

/** Nothing worth a picture: every figure 0 or blank. */
export function allNothing(values: ChartValue[]): boolean {
  return values.every((v) => v.status === 'blank' || (v.status === 'number' && v.value === 0));
}
