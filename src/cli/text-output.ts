/** Chinese plain-text presentation of a report's findings. */
import type { FormatRegistry } from '../formats';
import { originText, type Report } from '../model/report';
import { countBySeverity, type Validation } from '../rules/engine';
import { cellLabel, fixAction } from '../rules/messages';
import { placeText } from '../rules/place';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

export function formatReportText(report: Report, v: Validation, registry: FormatRegistry): string {
  const format = registry.formatOf(report);
  const n = countBySeverity(v.findings);
  const lines = [
    `■ ${report.office || '（未注明单位）'} ${report.year} 年度（${format.def.name}）  来源：${report.source}`,
    n.error + n.warning + n.info === 0 ? '  未发现问题。' : `  错误 ${n.error} 项，警告 ${n.warning} 项，提示 ${n.info} 项`,
  ];
  for (const f of v.findings) {
    lines.push(`  [${SEVERITY[f.severity]}] ${f.message}  （${f.rule}）`);
    // A finding on the text: the sentence, and where it stands in the document.
    if (f.quote && !f.message.includes(f.quote)) lines.push(`         原文：“${f.quote}”`);
    if (f.place) lines.push(`         原文位置：${placeText(f.place)}`);
    // Where the first cell was read, so the clerk can find it in the original submission.
    const id = f.fix?.cell ?? (f.cells.length && f.cells.length <= 8 ? f.cells[0] : undefined);
    const at = id ? report.provenance?.[id] : undefined;
    if (at) lines.push(`         位置：${originText(at)}`);
    if (f.fix) {
      const cell = format.cells[format.index.get(f.fix.cell)!];
      lines.push(`         建议：${fixAction(f.fix, cellLabel(cell))}，可消除 ${f.fix.resolves} 项问题。`);
    }
  }
  for (const c of v.confirmed) lines.push(`  [已确认] ${c.finding.message}  出错说明：${c.explanation}`);
  return lines.join('\n') + '\n';
}
