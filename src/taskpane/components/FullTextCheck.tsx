import { useRef } from 'react';
import { Badge, Button, makeStyles, mergeClasses, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { countBySeverity } from '../../rules/engine';
import { findingKey, type Finding } from '../../rules/types';
import { groupByTable, type PaneController } from '../controller';
import { BlankCells } from './BlankCells';
import { FindingItem } from './FindingItem';
import { useLayout } from './styles';
import { browserFile } from '../../ports/browser/browser-files';
import type { InputFile } from '../../ports/file-reader';

const ACCEPT = '.docx,.html,.htm,.pdf,.txt';

const useStyles = makeStyles({
  counts: { margin: `${tokens.spacingVerticalSNudge} 0` },
});

function picked(input: HTMLInputElement): InputFile | null {
  const f = input.files?.[0];
  input.value = '';
  return f ? browserFile(f) : null;
}

/** 检查全文: a report's Word file (or web page, PDF, text) checked whole; its findings listed beside the tables'. */
export function FullTextCheck({ pane }: { pane: PaneController }) {
  const ui = useLayout();
  const styles = useStyles();
  const file = useRef<HTMLInputElement>(null);
  const previous = useRef<HTMLInputElement>(null);
  const r = pane.fullText;
  const n = r ? countBySeverity([...r.tableFindings, ...r.narrative]) : null;
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
      <input
        ref={previous}
        type="file"
        accept={ACCEPT}
        aria-label="选择上年年报"
        className={ui.hidden}
        onChange={(e) => pane.setPreviousText(picked(e.currentTarget))}
      />
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
      {r && n && (
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
          <div className={mergeClasses(ui.rowTight, ui.wrap, ui.centered, styles.counts)} data-testid="full-text-counts">
            <Badge color="danger">错误 {n.error}</Badge>
            <Badge color="warning">警告 {n.warning}</Badge>
            <Badge color="informative">提示 {n.info}</Badge>
            {n.error + n.warning + n.info === 0 && <Text>未发现问题。</Text>}
          </div>
          {r.narrative.length > 0 && (
            <div>
              <Text weight="semibold" block>
                正文（{r.narrative.length}）
              </Text>
              <ul className={ui.list}>{r.narrative.map(item)}</ul>
            </div>
          )}
          {groupByTable(r.tableFindings.filter((f) => f.rule !== 'cell.blank'), r.report.format).map((g) => (
            <div key={g.title}>
              <Text weight="semibold" block>
                {g.title}（{g.findings.length}）
              </Text>
              <ul className={ui.list}>{g.findings.map(item)}</ul>
            </div>
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
