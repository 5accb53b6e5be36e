/** The web page's sheet view: draws a GridModel; typing is passed up, nothing is decided here. */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Tab, TabList, Text } from '@fluentui/react-components';
import type { GridCell, GridModel } from './sheet-view-model';
import { nextEditable } from './sheet-view-model';
import { INPUT_FILL, MARK_FILL, TOTAL_FILL, HEADER_FILL } from '../layout/sheet-plan';

export interface SheetViewProps {
  sheets: string[];
  current: string | null;
  onChoose: (sheet: string) => void;
  model: GridModel | null;
  onType: (address: string, text: string) => void;
  /** A cell to scroll to and focus; `seq` changes for each request. */
  focus?: { address: string; seq: number } | null;
}

const CSS = `
.nb-sheet { font-size: 12px; }
.nb-scroll { overflow: auto; border: 1px solid #d1d1d1; background: #fff; max-height: var(--nb-grid-height, 70vh); }
.nb-grid { border-collapse: collapse; table-layout: fixed; font-family: "宋体", "SimSun", "Noto Serif CJK SC", serif; }
.nb-grid td { position: relative; border: 1px solid #e6e6e6; padding: 2px 4px; vertical-align: middle; overflow-wrap: anywhere; }
.nb-grid td.k-title { font-size: 16px; font-weight: bold; text-align: center; border-color: transparent; }
.nb-grid td.k-subtitle { color: #595959; text-align: center; border-color: transparent; }
.nb-grid td.k-tableTitle { font-size: 13px; font-weight: bold; border-color: transparent; padding-top: 8px; }
.nb-grid td.k-header { background: #${HEADER_FILL}; font-weight: bold; text-align: center; border-color: #000; }
.nb-grid td.k-label { border-color: #000; }
.nb-grid td.k-input { background: #${INPUT_FILL}; border-color: #000; text-align: right; padding: 0; }
.nb-grid td.k-total { background: #${TOTAL_FILL}; border-color: #000; text-align: right; font-weight: bold; }
.nb-grid td.num { text-align: right; }
.nb-grid td.m-error { background: #${MARK_FILL.error}; }
.nb-grid td.m-warning { background: #${MARK_FILL.warning}; }
.nb-grid td.m-error.k-total, .nb-grid td.m-error.k-input { box-shadow: inset 0 0 0 2px #c50f1f; }
.nb-grid td:focus, .nb-grid td:focus-within { outline: 2px solid #0f6cbd; outline-offset: -2px; z-index: 2; }
.nb-grid input { width: 100%; box-sizing: border-box; border: 0; background: transparent; text-align: right; font: inherit; padding: 2px 4px; min-height: 20px; }
.nb-grid input:focus { outline: none; }
.nb-note { display: none; position: absolute; left: 0; top: 100%; z-index: 10; width: max-content; max-width: 320px; white-space: pre-wrap; text-align: left;
  background: #fffdf3; color: #242424; border: 1px solid #8a8886; box-shadow: 0 2px 6px rgba(0,0,0,.2); padding: 6px 8px; font: 12px/1.5 system-ui, sans-serif; font-weight: normal; }
.nb-grid td:hover > .nb-note, .nb-grid td:focus-within > .nb-note, .nb-grid td:focus > .nb-note { display: block; }
.nb-grid td.has-note::after { content: ""; position: absolute; right: 0; top: 0; border-style: solid; border-width: 0 6px 6px 0; border-color: transparent #c50f1f transparent transparent; }
.nb-tabs { overflow-x: auto; white-space: nowrap; }
`;

/** Narrow enough that the 15 columns of a report fit beside the tasks on a 1280 px screen. */
const COLUMN_PX = 54;

function noteId(sheet: string, addr: string) {
  return `note-${encodeURIComponent(sheet).replace(/%/g, '')}-${addr}`;
}

function Cell({ cell, sheet, onType, onMove }: { cell: GridCell; sheet: string; onType: SheetViewProps['onType']; onMove: (from: string, step: 1 | -1) => void }) {
  const classes = [`k-${cell.kind}`, cell.mark ? `m-${cell.mark}` : '', cell.numeric && cell.kind === 'plain' ? 'num' : '', cell.note ? 'has-note' : ''].filter(Boolean).join(' ');
  const note = cell.note ? (
    <span className="nb-note" role="tooltip" id={noteId(sheet, cell.address)}>
      {cell.note}
    </span>
  ) : null;
  const keys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      onMove(cell.address, 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      onMove(cell.address, -1);
    }
  };
  return (
    <td
      role="gridcell"
      className={classes}
      rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
      colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
      data-address={cell.address}
      data-cell={cell.cellId}
      aria-invalid={cell.mark === 'error' ? true : undefined}
      aria-readonly={cell.cellId && !cell.editable ? true : undefined}
      aria-label={cell.label && !cell.editable ? `${cell.label}：${cell.text || '空白'}` : undefined}
      aria-describedby={cell.note && !cell.editable ? noteId(sheet, cell.address) : undefined}
      // Any cell shown can be focused by a jump to it (a finding's cell, a unit's row in 汇总明细); none joins the tab order.
      tabIndex={!cell.editable ? -1 : undefined}
      style={cell.fill ? { background: `#${cell.fill}` } : undefined}
    >
      {cell.editable ? (
        <input
          aria-label={cell.label}
          aria-invalid={cell.mark === 'error' ? true : undefined}
          aria-describedby={cell.note ? noteId(sheet, cell.address) : undefined}
          value={cell.text}
          inputMode="decimal"
          onChange={(e) => onType(cell.address, e.target.value)}
          onKeyDown={keys}
        />
      ) : (
        cell.text
      )}
      {note}
    </td>
  );
}

export function SheetView({ sheets, current, onChoose, model, onType, focus }: SheetViewProps) {
  const box = useRef<HTMLDivElement>(null);
  const done = useRef<number | null>(null);

  const focusCell = (addr: string) => {
    const td = box.current?.querySelector<HTMLElement>(`[data-address="${addr}"]`);
    if (!td) return false;
    // Scroll the grid, not the page: the cell centred vertically, sideways only as far as needed.
    const outer = box.current!.getBoundingClientRect();
    const cell = td.getBoundingClientRect();
    box.current!.scrollTop += cell.top - outer.top - (outer.height - cell.height) / 2;
    if (cell.left < outer.left) box.current!.scrollLeft -= outer.left - cell.left + 8;
    else if (cell.right > outer.right) box.current!.scrollLeft += cell.right - outer.right + 8;
    // Below the tasks on a narrow screen: bring the cell itself into the window.
    const shown = td.getBoundingClientRect();
    if (shown.top < 0 || shown.bottom > window.innerHeight) td.scrollIntoView({ block: 'center', inline: 'nearest' });
    (td.querySelector('input') ?? td).focus({ preventScroll: true });
    return true;
  };

  useEffect(() => {
    // The model may arrive after the request (the sheet is switched first): try on each render until done.
    if (focus && done.current !== focus.seq && focusCell(focus.address)) done.current = focus.seq;
  });

  const move = (from: string, step: 1 | -1) => {
    const to = model && nextEditable(model, from, step);
    if (to) focusCell(to);
  };

  return (
    <section className="nb-sheet" aria-label="工作表内容">
      <style>{CSS}</style>
      {sheets.length > 0 && (
        <div className="nb-tabs">
          <TabList size="small" aria-label="工作表" selectedValue={current ?? undefined} onTabSelect={(_, d) => onChoose(String(d.value))}>
            {sheets.map((s) => (
              <Tab key={s} value={s}>
                {s}
              </Tab>
            ))}
          </TabList>
        </div>
      )}
      {model?.truncated && (
        <Text block size={200}>
          {model.truncated}
        </Text>
      )}
      {model && (
        <div className="nb-scroll" ref={box}>
          <table role="grid" className="nb-grid" aria-label={`工作表“${model.sheet}”`} style={{ width: model.columns * COLUMN_PX }}>
            <colgroup>
              {Array.from({ length: model.columns }, (_, i) => (
                <col key={i} style={{ width: COLUMN_PX }} />
              ))}
            </colgroup>
            <tbody>
              {model.rows.map((r) => (
                <tr key={r.row} role="row" style={r.height ? { height: Math.round(r.height * 1.2) } : undefined}>
                  {r.cells.map((c) => (
                    <Cell key={c.address} cell={c} sheet={model.sheet} onType={onType} onMove={move} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
