/**
 * The web page's workbook: the .xlsx held in memory, its sheets and the current one, what was
 * typed since it was opened, and the tasks' controller over it. Every action that replaces the
 * workbook asks first (`pending`) while there are changes not downloaded.
 */
import { useCallback, useRef, useState } from 'react';
import { siblingsOf, typedValue, validateInMemory, withCell } from '../../app/live-sheet';
import { failureMessage } from '../../app/failure';
import { UserError } from '../../model/user-error';
import { markedCells } from '../../app/highlights';
import { validateSheets, type SheetResult } from '../../app/validate-sheets';
import type { Report } from '../../model/report';
import type { SheetData } from '../../model/sheet-data';
import { browserFile } from '../../ports/browser/browser-files';
import type { ExceljsWorkbookPort } from '../../ports/exceljs/exceljs-workbook';
import type { ClerkWorkbook, SheetLoss } from '../../ports/xlsx/clerk-workbook';
import { TEMP_SHEET_PREFIX } from '../../ports/workbook-port';
import { usePaneController, type Notice, type PaneController } from '../controller';
import { saveFile } from '../save-file';
import { downloadName, openProblem } from '../sheet-view-files';
import { useProgress } from './use-progress';
import { useUnloadGuard } from './use-unload-guard';

/** exceljs and the zip guard arrive with the first workbook opened or created: the page starts without them. */
const xlsxFiles = () => import('../xlsx-files');

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSM_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.12';

/** A download that would lose parts of the clerk's workbook, waiting for her choice. */
export interface LossQuestion {
  losses: SheetLoss[];
}

export function useWorkbookSession() {
  const [port, setPort] = useState<ExceljsWorkbookPort | null>(null);
  /** The clerk's own package behind the port, written back into on download; null for a new workbook. */
  const [book, setBook] = useState<ClerkWorkbook | null>(null);
  const [question, setQuestion] = useState<(LossQuestion & { answer: (keep: string[] | null) => void }) | null>(null);
  const [fileName, setFileName] = useState('');
  const [status, setStatus] = useState<Notice | null>(null);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const [sheets, setSheets] = useState<string[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [data, setData] = useState<SheetData | null>(null);
  const [live, setLive] = useState<SheetResult | null>(null);
  /** The reports the current sheet is checked against as she types: a summary's members. */
  const [siblings, setSiblings] = useState<Report[]>([]);
  const [focus, setFocus] = useState<{ sheet: string; address: string; seq: number } | null>(null);
  const seq = useRef(0);
  const progress = useProgress();
  useUnloadGuard(dirty);

  /** Reads the sheet list and the current sheet (the workbook's active one) into memory. */
  const refresh = useCallback(async (p: ExceljsWorkbookPort | null) => {
    if (!p) {
      setSheets([]);
      setCurrent(null);
      setData(null);
      setLive(null);
      setSiblings([]);
      return;
    }
    const names = (await p.sheetNames()).filter((n) => !n.startsWith(TEMP_SHEET_PREFIX));
    const active = await p.activeSheet();
    const cur = active && names.includes(active) ? active : (names[0] ?? null);
    const [d] = cur ? await p.readSheets([cur]) : [];
    setSheets(names);
    setCurrent(cur);
    setData(d ?? null);
    const around = d ? await siblingsOf(p, d) : [];
    setSiblings(around);
    setLive(d ? validateInMemory(d, around) : null);
  }, []);

  const getPort = useCallback(() => port, [port]);
  const onChange = useCallback(() => {
    setDirty(true);
    refresh(port).catch((e) => setStatus({ intent: 'error', text: failureMessage(e) }));
  }, [port, refresh]);
  const pane = usePaneController(getPort, onChange);

  const run = async (label: string, f: () => Promise<void>) => {
    progress.setWork(label);
    try {
      await f();
    } catch (e) {
      setStatus({ intent: 'error', text: failureMessage(e) });
    } finally {
      progress.setWork(null);
    }
  };

  /** Runs an action that replaces the workbook, asking first when changes would be lost. */
  const guarded = (action: () => void) => {
    if (dirty) setPending(() => action);
    else action();
  };

  const replaceWith = async (p: ExceljsWorkbookPort, name: string, clerk: ClerkWorkbook | null = null) => {
    setPort(p);
    setBook(clerk);
    setFileName(name);
    pane.reset();
    setDirty(false);
    setFocus(null);
    await refresh(p);
  };

  const open = (file: File) =>
    guarded(() => {
      const problem = openProblem(file.name, file.size);
      if (problem) {
        setStatus({ intent: 'error', text: problem });
        return;
      }
      void run(`正在打开“${file.name}”…`, async () => {
        setStatus(null);
        const bytes = await browserFile(file).read();
        const clerk = await (await xlsxFiles()).openWorkbookFile(file.name, bytes);
        await replaceWith(clerk.port, file.name, clerk);
      });
    });

  const createNew = () =>
    guarded(() => {
      void run('正在新建工作簿…', async () => {
        setStatus(null);
        const { ExceljsWorkbookPort } = await xlsxFiles();
        await replaceWith(ExceljsWorkbookPort.empty(), '');
      });
    });

  /** Asks the clerk what to do with the parts a download cannot carry: the sheets she keeps untouched, or null to cancel. */
  const ask = (losses: SheetLoss[]) => new Promise<string[] | null>((answer) => setQuestion({ losses, answer }));

  const download = async (then?: () => void) => {
    if (!port) return;
    await run('正在准备下载…', async () => {
      const infos = await port.listSheets();
      // Highlights in the file follow what was typed since the last 一键校验.
      const marked = infos.filter((s) => s.meta?.marks && !s.meta.role).map((s) => s.name);
      if (marked.length) await validateSheets(port, { sheets: marked });
      const plan = book?.plan();
      const name = downloadName(
        infos.find((s) => s.name === current),
        fileName,
        plan?.macros,
      );
      let keep: string[] = [];
      // Said before anything is written: what of hers would not survive, and the choice to keep it.
      if (plan?.losses.length) {
        progress.setWork(null);
        const answer = await ask(plan.losses);
        if (!answer) {
          setStatus({ intent: 'info', text: '已取消下载。' });
          return;
        }
        keep = answer;
      }
      // The clerk's own package with our changes written into it; a new workbook is exceljs's.
      // If hers cannot be written back, nothing is downloaded: exceljs's copy would drop what it does not model.
      let bytes: Uint8Array;
      try {
        bytes = book ? await book.write(keep) : await port.toBuffer();
      } catch (e) {
        const why = plan?.macros ? '无法保证保留工作簿中的宏' : '无法保证保留原工作簿中的全部内容';
        throw new UserError(`${why}，已停止下载，原文件没有改动。（${failureMessage(e)}）`, { cause: e });
      }
      saveFile(bytes, name, plan?.macros ? XLSM_TYPE : XLSX_TYPE);
      setDirty(false);
      setStatus({ intent: 'success', text: `已下载“${name}”。${keep.length ? `原工作表${keep.map((k) => `“${k}”`).join('、')}保持原样，本工具的修改写在新工作表中。` : ''}` });
      then?.();
    });
  };

  /** The clerk's answer to a download that would lose parts: keep her sheets, download anyway, or cancel. */
  const answerLoss = (how: 'keep' | 'lose' | 'cancel') => {
    const q = question;
    setQuestion(null);
    if (!q) return;
    q.answer(how === 'cancel' ? null : how === 'keep' ? q.losses.map((l) => l.sheet) : []);
  };

  /** The pending action, after downloading, or at the cost of the changes; or not at all. */
  const resolvePending = (how: 'download' | 'discard' | 'cancel') => {
    const next = pending;
    setPending(null);
    if (how === 'download') void download(() => next?.());
    else if (how === 'discard') {
      setDirty(false);
      next?.();
    }
  };

  const choose = async (sheet: string) => {
    if (!port) return;
    try {
      await port.select(sheet, ['A1']);
      await refresh(port);
    } catch (e) {
      setStatus({ intent: 'error', text: failureMessage(e) });
    }
  };

  /** A value typed into the sheet view: checked at once, written to the workbook behind. */
  const type = (addr: string, text: string) => {
    if (!port || !data) return;
    const value = typedValue(text);
    const next = withCell(data, addr, value);
    const result = validateInMemory(next, siblings);
    setData(next);
    setLive(result);
    if (result && pane.results?.some((r) => r.sheet === next.name)) pane.showResult(result);
    setDirty(true);
    port.setValues(next.name, { [addr]: value }).catch((e) => setStatus({ intent: 'error', text: failureMessage(e) }));
  };

  /** Files dropped on the page: one workbook is opened, anything else is read as submissions. */
  const drop = (files: File[]) => {
    if (!files.length) return;
    if (files.length === 1 && /\.xls[xm]?$/i.test(files[0].name)) {
      open(files[0]);
      return;
    }
    void (async () => {
      await pane.readFiles(files.map(browserFile));
      setStatus({ intent: 'info', text: `已读取 ${files.length} 份报送材料：请在“导入报送”中查看，并写入工作簿。` });
    })();
  };

  /** The tasks' controller, whose 定位 also scrolls the sheet view to the cell. */
  const webPane: PaneController = {
    ...pane,
    select: async (result, finding) => {
      await pane.select(result, finding);
      const id = markedCells(finding)[0] ?? finding.cells[0];
      const address = result.addresses[id] ?? result.addresses[finding.cells[0]];
      if (address) setFocus({ sheet: result.sheet, address, seq: ++seq.current });
    },
    jumpTo: async (sheet, address) => {
      await pane.jumpTo(sheet, address);
      setFocus({ sheet, address, seq: ++seq.current });
    },
  };

  // The findings shown on the grid: none until the clerk validates this sheet, then kept live as she types.
  const validated = !!current && !!pane.results?.some((r) => r.sheet === current);

  return {
    port,
    fileName,
    dirty,
    status,
    progress: progress.showing,
    pending: !!pending,
    lossQuestion: question ? { losses: question.losses } : null,
    answerLoss,
    sheets,
    current,
    data,
    findingsShown: validated ? live : null,
    focus,
    pane: webPane,
    open,
    createNew,
    download,
    resolvePending,
    choose,
    type,
    drop,
  };
}
