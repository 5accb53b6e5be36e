/**
 * What this WPS build's object model offers beyond values and formats. Older or trimmed builds
 * may lack some members; the adapter then leaves that part out and the pane says so.
 */
import type { EtApplicationLike } from './et';

export interface WpsCapabilities {
  /** Range.AddComment / Comment: notes on cells. */
  comments: boolean;
  /** Range.Validation: data validation. */
  validation: boolean;
  /** Range.FormatConditions: conditional formats. */
  conditionalFormats: boolean;
  /** Window.FreezePanes: frozen header rows. */
  freezePanes: boolean;
  /** Worksheet.ChartObjects: the 图表 sheet's native charts. */
  charts: boolean;
}

export const FULL: WpsCapabilities = { comments: true, validation: true, conditionalFormats: true, freezePanes: true, charts: true };

/** Probes one cell of the active sheet and the window once; with no workbook open, assumes the full model. */
export function detectCapabilities(app: EtApplicationLike): WpsCapabilities {
  const sheet = app.ActiveSheet;
  if (!sheet) return FULL;
  const cell = sheet.Range('A1');
  const window = app.ActiveWindow;
  return {
    comments: typeof cell.AddComment === 'function',
    validation: cell.Validation != null,
    conditionalFormats: cell.FormatConditions != null,
    freezePanes: !!window && typeof window.FreezePanes === 'boolean',
    charts: typeof sheet.ChartObjects === 'function',
  };
}

/** What the pane tells the clerk about a build that lacks something, in Chinese; empty when nothing is missing. */
export function missingFeatures(caps: WpsCapabilities): string[] {
  const out: string[] = [];
  if (!caps.comments) out.push('单元格批注（问题说明只显示在任务窗格的列表中，不写入批注）');
  if (!caps.validation) out.push('数据有效性（生成的表格不限制输入，校验照常进行）');
  if (!caps.conditionalFormats) out.push('条件格式（填写时不即时标色，请用“一键校验”）');
  if (!caps.freezePanes) out.push('冻结窗格（汇总明细的表头不固定）');
  if (!caps.charts) out.push('图表（汇总的“图表”工作表只写入各图的数据，不画图）');
  return out;
}
