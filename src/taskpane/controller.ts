/** The pane's state and actions: calls the core workflows, turns failures into Chinese messages. */
import { useCallback, useState } from 'react';
import { applyFix, clearSheets, confirmWarning, selectFinding } from '../app/sheet-actions';
import { generateTemplate, type GenerateRequest } from '../app/generate';
import { renameReport } from '../app/rename-report';
import { type SheetResult } from '../app/validate-sheets';
import { validateSheets } from '../app/validate-sheets';
import { consolidateSheets, listCandidates, type Candidate, type ConsolidateSheetsRequest, type ConsolidateSheetsResult } from '../app/consolidate-sheets';
import { drillDown, type DrillDown } from '../app/drill-down';
import { readRoster, saveRoster, type RosterInWorkbook } from '../app/roster-sheet';
import { pastedSubmission, readSubmissions, writeImported, type Duplicate, type ImportedItem, type Submission } from '../app/imports';
import { formats } from '../formats';
import { UNKNOWN_OFFICE } from '../model/report';
import type { WorkbookPort } from '../ports/workbook-port';
import type { FileReaders } from '../import/readers';
import { browserReaders } from '../ports/browser/readers';
import { failureMessage } from '../app/failure';
import { fillBlanksWithZero } from '../app/fill-blanks';
import { findingKey, type Finding } from '../model/finding';
import { fixAction } from '../rules/messages';
import { draftSheet } from '../app/draft-report';
import { rasterizeSvgBrowser } from '../ports/browser/rasterize-svg';
import type { FullTextResult } from '../app/check-full-text';
import { saveFile } from './save-file';
import type { LetterRequest } from '../app/season-documents';

export interface Notice {
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string;
  /** Where the user acted (a finding's key, or `sheet:NAME`): the notice is shown there, not at the top. */
  at?: string;
}

/** Where a notice about a sheet's results is shown. */
export const sheetSpot = (sheet: string) => `sheet:${sheet}`;
/** Where a notice about the season's letters is shown: beside their buttons. */
export const LETTERS_SPOT = 'letters';

/** `readers`: how this face reads workbooks and PDFs; the pane and the web page are browsers. */
export function usePaneController(getPort: () => WorkbookPort | null, onChange?: () => void, readers: FileReaders = browserReaders) {
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [results, setResults] = useState<SheetResult[] | null>(null);
  const [conflict, setConflict] = useState<{ req: GenerateRequest; suggestion: string } | null>(null);
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [consolidation, setConsolidation] = useState<ConsolidateSheetsResult | null>(null);
  const [drill, setDrill] = useState<DrillDown | null>(null);
  /** The roster as last read from or saved to the workbook; `theirs` asks before replacing a hand-made sheet. */
  const [roster, setRoster] = useState<(RosterInWorkbook & { theirs?: string }) | null>(null);
  const [imported, setImported] = useState<ImportedItem[]>([]);
  /** Office and year as the user corrected them, by import item key. */
  const [identity, setIdentity] = useState<Record<string, { office?: string; year?: string }>>({});
  const [duplicates, setDuplicates] = useState<{ keys: string[]; list: Duplicate[] } | null>(null);
  /** 检查全文: the last file checked, and last year's file to compare its text with. */
  const [fullText, setFullText] = useState<FullTextResult | null>(null);
  const [previousText, setPreviousText] = useState<Submission | null>(null);

  const act = useCallback(
    async (label: string, f: (port: WorkbookPort) => Promise<void>) => {
      const port = getPort();
      if (!port) {
        setNotice({ intent: 'warning', text: '请先打开或新建一个工作簿。' });
        return;
      }
      setBusy(label);
      setNotice(null);
      try {
        await f(port);
        onChange?.();
      } catch (e) {
        setNotice({ intent: 'error', text: failureMessage(e) });
      } finally {
        setBusy(null);
      }
    },
    [getPort, onChange],
  );

  const validate = useCallback(
    (scope: 'active' | 'reports') =>
      act('正在校验…', async (port) => {
        const r = await validateSheets(port, { sheets: scope });
        setResults(r);
        if (r.length === 0) setNotice({ intent: 'info', text: '工作簿中没有年报表格。请先用“生成表格”。' });
      }),
    [act],
  );

  return {
    busy,
    notice,
    results,
    conflict,
    dismissNotice: () => setNotice(null),
    generate: (req: GenerateRequest) =>
      act('正在生成表格…', async (port) => {
        const r = await generateTemplate(port, req);
        if (r.ok) {
          setConflict(null);
          setNotice({ intent: 'success', text: `已生成工作表“${r.name}”。` });
        } else setConflict({ req, suggestion: r.suggestion });
      }),
    cancelConflict: () => setConflict(null),
    validate,
    clear: () =>
      act('正在清除标记…', async (port) => {
        const n = await clearSheets(port);
        setResults(null);
        setNotice({ intent: 'success', text: n ? `已清除 ${n} 个工作表的标记，单元格原有格式已恢复。` : '没有需要清除的标记。' });
      }),
    select: (result: SheetResult, finding: Finding) =>
      act('正在定位…', async (port) => {
        await selectFinding(port, result, finding);
        const addr = result.addresses[finding.cells[0]];
        if (addr) setNotice({ intent: 'info', text: `已定位到工作表“${result.sheet}”的 ${addr} 单元格。`, at: findingKey(finding) });
      }),
    fix: (result: SheetResult, finding: Finding, scope: 'active' | 'reports') =>
      act('正在改正…', async (port) => {
        await applyFix(port, result, finding.fix!);
        setResults(await validateSheets(port, { sheets: scope === 'active' ? [result.sheet] : 'reports' }));
        setNotice({ intent: 'success', text: `已${fixAction(finding.fix!, result.labels[finding.fix!.cell] ?? finding.fix!.cell)}。`, at: sheetSpot(result.sheet) });
      }),
    confirm: (result: SheetResult, finding: Finding, text: string, scope: 'active' | 'reports') =>
      act('正在保存说明…', async (port) => {
        await confirmWarning(port, result.sheet, finding, text);
        setResults(await validateSheets(port, { sheets: scope === 'active' ? [result.sheet] : 'reports' }));
      }),
    /** 空白一律填 0 on one sheet, after the clerk confirmed. */
    fillBlanks: (result: SheetResult, scope: 'active' | 'reports') =>
      act('正在填 0…', async (port) => {
        const n = await fillBlanksWithZero(port, result.sheet);
        setResults(await validateSheets(port, { sheets: scope === 'active' ? [result.sheet] : 'reports' }));
        setNotice({ intent: 'success', text: n ? `已在 ${n} 个空白的输入格中填 0；合计和已填写的格未改动。` : '没有空白的输入格。', at: sheetSpot(result.sheet) });
      }),
    /** Findings recomputed in memory as the clerk types, in place of the sheet's last results. */
    showResult: (result: SheetResult) => setResults((prev) => (prev ? prev.map((r) => (r.sheet === result.sheet ? result : r)) : prev)),
    reset: () => {
      setResults(null);
      setFullText(null);
      setCandidates(null);
      setConsolidation(null);
      setDrill(null);
      setRoster(null);
    },
    candidates,
    consolidation,
    drill,
    loadCandidates: () =>
      act('正在读取年报工作表…', async (port) => {
        setCandidates(await listCandidates(port));
        setRoster(await readRoster(port));
      }),
    roster,
    loadRoster: () =>
      act('正在读取报送名单…', async (port) => {
        const r = await readRoster(port);
        setRoster(r);
        setNotice(r.sheet ? { intent: 'info', text: `已从工作表“${r.sheet}”读取 ${r.entries.length} 个单位。` } : { intent: 'info', text: '工作簿中没有“报送名单”工作表。可在下方输入名单后保存。' });
      }),
    /** Saves the roster text to the 报送名单 sheet; a hand-made sheet of that name is replaced only once confirmed. */
    saveRoster: (text: string, year: number, replaceTheirs = false) =>
      act('正在保存报送名单…', async (port) => {
        const r = await saveRoster(port, text, year, replaceTheirs);
        if ('theirs' in r) {
          setRoster((prev) => ({ ...(prev ?? { text, entries: [], errors: [], ours: false }), theirs: r.theirs }));
          setNotice({ intent: 'warning', text: `工作表“${r.theirs}”不是本工具写的：保存会按名单重写它，它的其他内容不保留。确定要替换吗？` });
          return;
        }
        setRoster(await readRoster(port));
        setNotice({ intent: 'success', text: `已把 ${r.saved} 个单位保存到“报送名单”工作表。` });
      }),
    cancelRosterReplace: () => setRoster((prev) => (prev ? { ...prev, theirs: undefined } : prev)),
    consolidate: (req: ConsolidateSheetsRequest) =>
      act('正在汇总…', async (port) => {
        const r = await consolidateSheets(port, req);
        setConsolidation(r);
        setDrill(null);
        if (r.ok) {
          setNotice({
            intent: 'success',
            text: `已${r.updated ? '更新' : '生成'}汇总表“${r.summarySheet}”和“${r.overviewSheet}”${[r.comparisonSheet, r.changesSheet, r.statusSheet, r.chartsSheet]
              .filter(Boolean)
              .map((n) => `、“${n}”`)
              .join('')}（${r.members.length} 个成员，${r.mode === 'formula' ? '公式引用成员表' : '数值'}）。${r.note ?? ''}`,
          });
          setCandidates(await listCandidates(port));
        } else setNotice({ intent: 'error', text: '汇总被拒绝，工作簿未改动。原因见下方。' });
      }),
    /** 退回意见 and 报送情况通报 from the last 汇总, downloaded: all at once (.zip), one office's, or the circular; the workbook is not changed. */
    downloadLetters: async (request: LetterRequest, resubmitBy?: string) => {
      const season = consolidation?.season;
      if (!season) return;
      setBusy(request.kind === 'all' ? '正在生成退回意见和通报…' : '正在生成…');
      setNotice(null);
      try {
        // The letters' writers load only when asked for: the pane starts without them.
        const { letterDownload } = await import('../app/season-documents');
        const file = await letterDownload(season, request, resubmitBy);
        saveFile(file.bytes, file.name, file.type);
        setNotice({ intent: 'success', text: `已生成“${file.name}”${request.kind === 'all' ? `（${file.count} 份文件）` : ''}并交给浏览器下载。`, at: LETTERS_SPOT });
      } catch (e) {
        setNotice({ intent: 'error', text: failureMessage(e), at: LETTERS_SPOT });
      } finally {
        setBusy(null);
      }
    },
    drillDown: (at?: { sheet: string; address: string }) =>
      act('正在查找各成员的数…', async (port) => {
        setDrill(await drillDown(port, at));
      }),
    jumpTo: (sheet: string, address: string) =>
      act('正在定位…', async (port) => {
        await port.select(sheet, [address]);
        setNotice({ intent: 'info', text: `已定位到工作表“${sheet}”的 ${address} 单元格。` });
      }),
    imported,
    readFiles: async (files: Submission[], pasted?: string, pastedAs: { office?: string; year?: number } = {}) => {
      setBusy('正在读取报送文件…');
      setNotice(null);
      try {
        const items = [
          ...(await readSubmissions(files, { readers })),
          // Text pasted without its title needs the office and year the user gives.
          ...(pasted?.trim() ? await readSubmissions([pastedSubmission(pasted)], { ...pastedAs, anonymous: true, readers }) : []),
        ];
        setImported((prev) => [...prev.filter((p) => !items.some((i) => i.key === p.key)), ...items]);
      } catch (e) {
        setNotice({ intent: 'error', text: failureMessage(e) });
      } finally {
        setBusy(null);
      }
    },
    clearImported: () => {
      setImported([]);
      setIdentity({});
      setDuplicates(null);
    },
    /** The office and year an item will be written with: the user's correction, else what was read. */
    identityOf: (item: ImportedItem) => ({
      office: identity[item.key]?.office ?? (item.report?.office === UNKNOWN_OFFICE ? '' : (item.report?.office ?? '')),
      year: identity[item.key]?.year ?? String(item.report?.year ?? ''),
    }),
    setIdentity: (key: string, patch: { office?: string; year?: string }) => setIdentity((prev) => ({ ...prev, [key]: { ...prev[key], ...patch } })),
    duplicates,
    writeImported: (keys: string[], onDuplicate?: 'replace' | 'keep') =>
      act('正在写入工作簿…', async (port) => {
        const chosen = imported.filter((i) => keys.includes(i.key) && i.report);
        const entries = chosen.map((i) => {
          const edit = identity[i.key];
          return { report: i.report!, office: edit?.office, year: edit?.year !== undefined ? Number(edit.year) : undefined };
        });
        const r = await writeImported(port, entries, onDuplicate);
        if ('duplicates' in r) {
          setDuplicates({ keys, list: r.duplicates });
          setNotice({ intent: 'warning', text: `工作簿中已有 ${r.duplicates.map((d) => `${d.office} ${d.year} 年度`).join('、')} 的报表。请选择替换原表，还是两份都保留。` });
          return;
        }
        setDuplicates(null);
        setImported((prev) => prev.filter((p) => !keys.includes(p.key)));
        setNotice({ intent: 'success', text: `已写入 ${r.written.length} 个工作表：${r.written.join('、')}。可以在“一键校验”和“汇总”中使用。` });
      }),
    cancelDuplicates: () => setDuplicates(null),
    fullText,
    previousText,
    /** Last year's report for 检查全文 (its text is compared), or none. */
    setPreviousText,
    /** 检查全文: the file's text and tables checked, against the workbook's sheet of the same office and year when there is one; nothing is written. */
    checkFullText: async (file: Submission) => {
      setBusy('正在检查全文…');
      setNotice(null);
      try {
        // The readers and the text checks load only when a report is checked: the pane starts without them.
        const { checkFullTextFile } = await import('../app/check-full-text');
        const bytesOf = async (f: Submission) => ({ name: f.name, bytes: await f.read() });
        setFullText(await checkFullTextFile(getPort(), readers, await bytesOf(file), previousText ? await bytesOf(previousText) : undefined));
      } catch (e) {
        setFullText(null);
        setNotice({ intent: 'error', text: failureMessage(e) });
      } finally {
        setBusy(null);
      }
    },
    /** 生成年报全文: drafted from the sheet as it is now and downloaded; the workbook is not changed. */
    draftReport: async (result: SheetResult, options: { charts?: boolean } = {}) => {
      const port = getPort();
      if (!port) return;
      setBusy('正在生成年报全文…');
      setNotice(null);
      try {
        const file = await draftSheet(port, result.sheet, { rasterize: rasterizeSvgBrowser, charts: options.charts });
        saveFile(file.bytes, file.name, file.type);
        const figures = file.charts.drawn ? `含图表 ${file.charts.drawn} 幅。` : '';
        setNotice({
          intent: 'success',
          text: `已生成“${file.name}”并交给浏览器下载（如未出现下载，请改用网页版或命令行 nianbao report）。其中 ${file.placeholders.length} 处黄色的“【待填写：…】”需要补写。${figures}${file.charts.withheld.join('')}`,
          at: sheetSpot(result.sheet),
        });
      } catch (e) {
        setNotice({ intent: 'error', text: failureMessage(e), at: sheetSpot(result.sheet) });
      } finally {
        setBusy(null);
      }
    },
    renameReport: (sheet: string, to: { office: string; year: number }) =>
      act('正在修改单位与年度…', async (port) => {
        const name = await renameReport(port, sheet, to);
        setResults(await validateSheets(port, { sheets: [name] }));
        setNotice({ intent: 'success', text: `已把“${sheet}”改为 ${to.office.trim()} ${to.year} 年度${name !== sheet ? `，工作表名为“${name}”` : ''}。` });
      }),
  };
}

export type PaneController = ReturnType<typeof usePaneController>;

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Findings grouped by the statutory table they point into: errors first, within and across groups. */
export function groupByTable(findings: Finding[], formatId?: string): { title: string; findings: Finding[] }[] {
  const groups = new Map<string, Finding[]>();
  for (const f of [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity])) {
    const table = f.cells[0]?.split('.')[0];
    const t = (table && formats.tableTitle(table, formatId)) || '表格整体';
    groups.set(t, [...(groups.get(t) ?? []), f]);
  }
  return [...groups].map(([title, list]) => ({ title, findings: list })).sort((a, b) => RANK[a.findings[0].severity] - RANK[b.findings[0].severity]);
}
