/**
 * The web page: the same App over an .xlsx file held in memory (exceljs), for WPS users and
 * machines without Excel, with the sheet itself shown and editable beside the tasks.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  Title3,
  webLightTheme,
} from '@fluentui/react-components';
import type { ExceljsWorkbookPort } from '../ports/exceljs/exceljs-workbook';
import { TEMP_SHEET_PREFIX } from '../ports/workbook-port';
import type { SheetData } from '../model/sheet-data';
import { validateSheets, type SheetResult } from '../app/validate-sheets';
import { siblingsOf, typedValue, validateInMemory, withCell } from '../app/live-sheet';
import type { Report } from '../model/report';
import { markedCells } from '../app/highlights';
import { browserFile } from '../ports/browser/browser-files';
import { usePaneController, type Notice, type PaneController } from './controller';
import { failureMessage } from '../app/failure';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { SheetView } from './sheet-view';
import { buildGridModel } from './sheet-view-model';
import { downloadName, openProblem } from './sheet-view-files';

const CSS = `
.nb-page { min-height: 100vh; box-sizing: border-box; }
.nb-head { padding: 12px 12px 0; display: flex; flex-direction: column; gap: 6px; }
.nb-bar { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
.nb-work { display: flex; flex-direction: column; }
.nb-tasks { min-width: 0; }
.nb-view { min-width: 0; padding: 0 12px 12px; }
.nb-empty { border: 2px dashed #c8c6c4; border-radius: 6px; padding: 24px 12px; text-align: center; color: #605e5c; }
.nb-drop { position: fixed; inset: 0; z-index: 1000; display: flex; align-items: center; justify-content: center; pointer-events: none;
  background: rgba(15, 108, 189, 0.10); border: 3px dashed #0f6cbd; font-size: 20px; color: #0f6cbd; }
@media (min-width: 960px) {
  .nb-work { flex-direction: row; align-items: flex-start; }
  .nb-tasks { flex: 0 0 400px; max-width: 400px; }
  .nb-view { flex: 1 1 auto; position: sticky; top: 0; padding-top: 12px; --nb-grid-height: calc(100vh - 90px); }
}
`;

/** exceljs and the zip guard arrive with the first workbook opened or created: the page starts without them. */
const xlsxFiles = () => import('./xlsx-files');

/** A crash in the tasks or the sheet view leaves the toolbar, so the workbook can still be downloaded. */
const KEEP_WORK = '可先点“下载”保存当前工作簿，再刷新页面后重试。';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Work shorter than this shows no progress: a flash would only distract. */
const PROGRESS_DELAY_MS = 300;

function WebPage() {
  const [port, setPort] = useState<ExceljsWorkbookPort | null>(null);
  const [fileName, setFileName] = useState('');
  const [status, setStatus] = useState<Notice | null>(null);
  const [dirty, setDirty] = useState(false);
  const [work, setWork] = useState<string | null>(null);
  const [showWork, setShowWork] = useState(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const [dragging, setDragging] = useState(false);
  const [sheets, setSheets] = useState<string[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [data, setData] = useState<SheetData | null>(null);
  const [live, setLive] = useState<SheetResult | null>(null);
  /** The reports the current sheet is checked against as she types: a summary's members. */
  const [siblings, setSiblings] = useState<Report[]>([]);
  const [focus, setFocus] = useState<{ sheet: string; address: string; seq: number } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

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

  useEffect(() => {
    if (!dirty) return;
    const guard = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers ask only when a message is set; none shows it any more.
      e.returnValue = '当前工作簿有未下载的修改';
      return e.returnValue;
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [dirty]);

  useEffect(() => {
    if (!work) {
      setShowWork(false);
      return;
    }
    const t = setTimeout(() => setShowWork(true), PROGRESS_DELAY_MS);
    return () => clearTimeout(t);
  }, [work]);

  const run = async (label: string, f: () => Promise<void>) => {
    setWork(label);
    try {
      await f();
    } catch (e) {
      setStatus({ intent: 'error', text: failureMessage(e) });
    } finally {
      setWork(null);
    }
  };

  /** Runs an action that replaces the workbook, asking first when changes would be lost. */
  const guarded = (action: () => void) => {
    if (dirty) setPending(() => action);
    else action();
  };

  const replaceWith = async (p: ExceljsWorkbookPort, name: string) => {
    setPort(p);
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
        const bytes = new Uint8Array(await file.arrayBuffer());
        const { checkZip, ExceljsWorkbookPort } = await xlsxFiles();
        // The same bounds as every other reader: a zip bomb or a DTD is refused before exceljs sees it.
        checkZip(bytes, ' Excel 工作簿');
        let p: ExceljsWorkbookPort;
        try {
          p = await ExceljsWorkbookPort.fromBuffer(bytes);
        } catch {
          setStatus({ intent: 'error', text: `无法打开“${file.name}”：文件已损坏，或不是 .xlsx 工作簿（.xls 请先另存为 .xlsx）。` });
          return;
        }
        await replaceWith(p, file.name);
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

  const download = async (then?: () => void) => {
    if (!port) return;
    await run('正在准备下载…', async () => {
      const infos = await port.listSheets();
      // Highlights in the file follow what was typed since the last 一键校验.
      const marked = infos.filter((s) => s.meta?.marks && !s.meta.role).map((s) => s.name);
      if (marked.length) await validateSheets(port, { sheets: marked });
      const name = downloadName(
        infos.find((s) => s.name === current),
        fileName,
      );
      const blob = new Blob([(await port.toBuffer()) as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      setDirty(false);
      setStatus({ intent: 'success', text: `已下载“${name}”。` });
      then?.();
    });
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

  const drop = (files: File[]) => {
    if (!files.length) return;
    if (files.length === 1 && /\.xlsx?$/i.test(files[0].name)) {
      open(files[0]);
      return;
    }
    void (async () => {
      await pane.readFiles(files.map(browserFile));
      setStatus({ intent: 'info', text: `已读取 ${files.length} 份报送材料：请在“导入报送”中查看，并写入工作簿。` });
    })();
  };

  // The findings shown on the grid: none until the clerk validates this sheet, then kept live as she types.
  const validated = !!current && !!pane.results?.some((r) => r.sheet === current);
  const model = useMemo(() => (data ? buildGridModel(data, validated ? live : null) : null), [data, live, validated]);

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

  const toolbar = (
    <header className="nb-head">
      <Title3 as="h1">政府信息公开年报助手（网页版）</Title3>
      <div className="nb-bar">
        <input
          ref={input}
          type="file"
          accept=".xlsx"
          aria-label="打开工作簿"
          style={{ display: 'none' }}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) open(f);
          }}
        />
        <Button onClick={() => input.current?.click()}>打开工作簿…</Button>
        <Button onClick={createNew}>新建工作簿</Button>
        <Button appearance="primary" disabled={!port} onClick={() => download()}>
          下载
        </Button>
        <Link href="web-help.html" target="_blank" rel="noopener">
          帮助
        </Link>
        <Text data-testid="file-name">{port ? `当前：${fileName || '新建的工作簿'}${dirty ? '（有未下载的修改）' : ''}` : '未打开工作簿'}</Text>
      </div>
      {showWork && work && <ProgressBar aria-label={work} thickness="large" />}
      {showWork && work && <Text size={200}>{work}</Text>}
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      <Text size={200}>可把 .xlsx 工作簿或报送材料拖到本页面上。文件只在本机浏览器中处理，不会上传。</Text>
    </header>
  );

  const sheetFocus = focus && focus.sheet === model?.sheet ? { address: focus.address, seq: focus.seq } : null;

  return (
    <div
      className="nb-page"
      data-testid="drop-target"
      onDragOver={(e) => {
        if (![...e.dataTransfer.types].includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        drop([...e.dataTransfer.files]);
      }}
    >
      <style>{CSS}</style>
      {toolbar}
      <div className="nb-work">
        <div className="nb-tasks">
          <ErrorBoundary advice={KEEP_WORK}>
            <App pane={webPane} />
          </ErrorBoundary>
        </div>
        <div className="nb-view">
          {port ? (
            <ErrorBoundary advice={KEEP_WORK}>
              <SheetView sheets={sheets} current={current} onChoose={(s) => void choose(s)} model={model} onType={type} focus={sheetFocus} />
            </ErrorBoundary>
          ) : (
            <div className="nb-empty">打开或新建一个工作簿后，这里显示工作表内容，可直接填写。也可以把 .xlsx 文件拖到这里。</div>
          )}
          {port && sheets.length === 0 && <div className="nb-empty">工作簿中还没有工作表：请用“生成表格”生成年报表格，或用“导入报送”写入各单位的报表。</div>}
        </div>
      </div>
      {dragging && <div className="nb-drop">松开鼠标即可打开</div>}
      <Dialog open={!!pending} onOpenChange={(_, d) => !d.open && setPending(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>有尚未下载的修改</DialogTitle>
            <DialogContent>当前工作簿中的填写、改正和标记还没有下载保存。继续将丢失这些修改。</DialogContent>
            <DialogActions fluid>
              <Button
                appearance="primary"
                onClick={() => {
                  const next = pending;
                  setPending(null);
                  void download(() => next?.());
                }}
              >
                先下载，再继续
              </Button>
              <Button
                onClick={() => {
                  const next = pending;
                  setPending(null);
                  setDirty(false);
                  next?.();
                }}
              >
                放弃修改并继续
              </Button>
              <Button appearance="subtle" onClick={() => setPending(null)}>
                取消
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <ErrorBoundary>
      <WebPage />
    </ErrorBoundary>
  </FluentProvider>,
);
