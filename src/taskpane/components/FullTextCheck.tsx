import { useRef } from 'react';
import { Button, mergeClasses, Subtitle2, Text } from '@fluentui/react-components';
import { findingKey, type Finding } from '../../model/finding';
import { groupByTable, type PaneController } from '../controller';
import { BlankCells } from './BlankCells';
import { FindingItem } from './FindingItem';
import { FindingGroup, SeverityCounts } from './FindingList';
import { useLayout } from './styles';
import { browserFile } from '../../ports/browser/browser-files';
import type { InputFile } from '../../ports/file-reader';

const ACCEPT = '.docx,.html,.htm,.pdf,.txt';

function picked(input: HTMLInputElement): InputFile | null {
  const f = input.files?.[0];
  input.value = '';
  return f ? browserFile(f) : null;
}

/** 检查全文: a report's Word file (or web page, PDF, text) checked whole; its findings listed beside the tables'. */
export function FullTextCheck({ pane }: { pane: PaneController }) {
  const ui = useLayout();
  const file = useRef<HTMLInputElement>(null);
  const previous = useRef<HTMLInputElement>(null);
  const r = pane.fullText;
  const blanks = r ? r.tableFindings.filter((f) => f.rule === 'cell.blank') : [];
  const item = (f: Finding, i: number) => (
    <FindingItem key={`${f.rule}-${i}`} finding={f} onSelect={() => r?.sheet && pane.select(r.sheet, f)} notice={pane.notice?.at === findingKey(f) ? pane.notice : null} />
  );
  return (
    <section className={ui.group} aria-label="检查全文">
      <Text size={200}>选择年报全文（Word、网页、PDF 或文本），检查六个部分是否齐全，正文中的数字是否与表格一致。</Text>
      <input
        ref={file}
        type="file"
        accept={ACCEPT}
        aria-label="选择年报全文"
        className={ui.hidden}
        onChange={async (e) => {
          const f = picked(e.currentTarget);
          if (f) await pane.checkFullText(f);
        }}
      />
      <input ref={previous} type="file" accept={ACCEPT} aria-label="选择上年年报" className={ui.hidden} onChange={(e) => pane.setPreviousText(picked(e.currentTarget))} />
      <div className={mergeClasses(ui.row, ui.wrap, ui.centered)}>
        <Button disabled={!!pane.busy} onClick={() => file.current?.click()}>
          检查全文…
        </Button>
        {pane.previousText ? (
          <>
            <Text size={200}>上年年报：{pane.previousText.name}</Text>
            <Button size="small" appearance="subtle" onClick={() => pane.setPreviousText(null)}>
              不比对
            </Button>
          </>
        ) : (
          <Button size="small" appearance="subtle" disabled={!!pane.busy} onClick={() => previous.current?.click()}>
            比对上年年报（可选）…
          </Button>
        )}
      </div>
      {r && (
        <section aria-label={`全文检查结果：${r.file}`} className={ui.group}>
          <Subtitle2>{r.file}</Subtitle2>
          <Text size={200}>
            {r.sheet ? `表格：按工作表“${r.sheet.sheet}”核对（${r.report.office} ${r.report.year} 年度）。` : `表格：按该文件中的表格核对（${r.report.office} ${r.report.year} 年度）。`}
            {r.holdsText ? `正文共 ${r.paragraphs} 段。` : '该文件只有表格，没有年报正文，未检查正文。'}
            {r.previous ? `已与上年的“${r.previous}”比对。` : ''}
          </Text>
          {r.problems.map((p) => (
            <Text block className={ui.problem} key={p}>
              {p}
            </Text>
          ))}
          <SeverityCounts findings={[...r.tableFindings, ...r.narrative]} testId="full-text-counts" />
          {r.narrative.length > 0 && (
            <FindingGroup title="正文" count={r.narrative.length}>
              {r.narrative.map(item)}
            </FindingGroup>
          )}
          {groupByTable(
            r.tableFindings.filter((f) => f.rule !== 'cell.blank'),
            r.report.format,
          ).map((g) => (
            <FindingGroup key={g.title} title={g.title} count={g.findings.length}>
              {g.findings.map(item)}
            </FindingGroup>
          ))}
          {blanks.length > 0 && (
            <BlankCells count={blanks.length} canFill={false} busy={!!pane.busy} onFill={() => undefined}>
              <ul className={ui.list}>{blanks.map(item)}</ul>
            </BlankCells>
          )}
        </section>
      )}
    </section>
  );
}
