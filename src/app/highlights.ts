/** Which cells to highlight for a list of findings, and the notes to attach, restoring any note we covered. */
import type { Finding } from '../model/finding';
import { fixAction } from '../rules/messages';
import type { SheetMeta, Mark } from '../model/sheet-meta';
import { MARK_FILL } from '../layout/sheet-plan';
import type { SheetData, SheetHighlights } from '../ports/workbook-port';

const SEVERITY_TEXT = { error: '错误', warning: '警告', info: '提示' } as const;
/** A finding over many cells (a whole column's items) marks only its likeliest culprit. */
const MAX_MARKED_CELLS = 7;

export function markedCells(f: Finding): string[] {
  if (f.fix) return [f.fix.cell];
  return f.cells.length <= MAX_MARKED_CELLS ? f.cells : f.cells.slice(0, 1);
}

function fixText(f: Finding, labelOf: (id: string) => string): string {
  return f.fix ? `\n建议：${fixAction(f.fix, labelOf(f.fix.cell))}，可消除 ${f.fix.resolves} 项问题。` : '';
}

/**
 * Builds the highlights of one sheet: replaces ours, keeps the user's own notes
 * (restored on clear), and records what it covered in the sheet's metadata.
 */
export function computeHighlights(sheet: SheetData, meta: SheetMeta, findings: Finding[], addressOf: (cellId: string) => string | undefined, labelOf: (cellId: string) => string): SheetHighlights {
  const previous = meta.marks ?? {};
  const notes: Record<string, string | null> = {};
  const fills: Record<string, string | null> = {};
  const existing = new Set<string>();
  for (const [addr, mark] of Object.entries(previous)) {
    fills[addr] = mark.fill;
    if (mark.wrote) {
      notes[addr] = mark.note;
      existing.add(addr);
    }
  }

  const severityAt = new Map<string, 'error' | 'warning'>();
  const textAt = new Map<string, string[]>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const cells = markedCells(f);
    cells.forEach((id, i) => {
      const addr = addressOf(id);
      if (!addr) return;
      if (severityAt.get(addr) !== 'error') severityAt.set(addr, f.severity as 'error' | 'warning');
      if (i === 0) textAt.set(addr, [...(textAt.get(addr) ?? []), `【${SEVERITY_TEXT[f.severity]}】${f.message}${fixText(f, labelOf)}`]);
    });
  }

  const marks: Record<string, Mark> = {};
  for (const [addr, severity] of severityAt) {
    const prev = previous[addr];
    const own: Mark = prev ? { fill: prev.fill, note: prev.note } : { fill: sheet.fills.get(addr) ?? null, note: sheet.notes.get(addr) ?? null };
    fills[addr] = MARK_FILL[severity];
    const texts = textAt.get(addr);
    if (texts) {
      notes[addr] = `年报助手校验：\n${texts.join('\n')}${own.note ? `\n——原批注：${own.note}` : ''}`;
      if (own.note !== null) existing.add(addr);
      marks[addr] = { ...own, wrote: true };
    } else {
      // No note of ours here: the user's note, if any, stays as it is.
      if (prev?.wrote) notes[addr] = own.note;
      else delete notes[addr];
      marks[addr] = own;
    }
  }
  const nextMeta: SheetMeta = { ...meta };
  if (Object.keys(marks).length) nextMeta.marks = marks;
  else delete nextMeta.marks;
  return { name: sheet.name, fills, notes, existingNotes: [...existing].filter((a) => a in notes), meta: nextMeta };
}

/** Removes every highlight and note of ours, restoring the notes they covered. */
export function clearedHighlights(name: string, meta: SheetMeta): SheetHighlights {
  const notes: Record<string, string | null> = {};
  const fills: Record<string, string | null> = {};
  for (const [addr, mark] of Object.entries(meta.marks ?? {})) {
    fills[addr] = mark.fill;
    if (mark.wrote) notes[addr] = mark.note;
  }
  const nextMeta: SheetMeta = { ...meta };
  delete nextMeta.marks;
  return { name, fills, notes, existingNotes: Object.keys(notes), meta: nextMeta };
}
