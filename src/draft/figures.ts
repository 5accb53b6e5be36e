/** Figures as the report prints them: exactly the sheet's number, never rounded beyond the sheet's own precision. */
import type { ValueKind } from '../formats/types';

/** Money keeps up to 6 decimals (the sheet's own number format); counts are integers. */
export function figure(value: number, kind: ValueKind = 'count'): string {
  const plain = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  return kind === 'signed' && value > 0 ? `+${plain}` : plain;
}

/** A share of a whole, in per cent to one decimal place; rounded half up on exact integers. */
export function share(part: number, whole: number): string {
  // Integer arithmetic first, so 1/8 = 12.5% never turns into 12.4% through binary fractions.
  const tenths = Math.round((part * 1000) / whole);
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}
