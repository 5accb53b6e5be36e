/** What this Excel can do above the ExcelApi 1.8 floor (Office 2019). */
export interface OfficeCapabilities {
  /** ExcelApi 1.9: getCellProperties, pageLayout. */
  api19: boolean;
  /** ExcelApi 1.18: cell notes. */
  notes: boolean;
}

export function detectCapabilities(isSetSupported: (name: string, version: string) => boolean): OfficeCapabilities {
  return { api19: isSetSupported('ExcelApi', '1.9'), notes: isSetSupported('ExcelApi', '1.18') };
}

export const FLOOR: OfficeCapabilities = { api19: false, notes: false };
