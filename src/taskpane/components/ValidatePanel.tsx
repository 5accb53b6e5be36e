import { useState } from 'react';
import { Button, makeStyles, mergeClasses, MessageBar, MessageBarBody, Radio, RadioGroup, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { countBySeverity } from '../../rules/engine';
import { findingKey } from '../../model/finding';
import { groupByTable, sheetSpot, type PaneController } from '../controller';
import type { SheetResult } from '../../app/validate-sheets';
import { FindingItem } from './FindingItem';
import { FindingGroup, SeverityCounts } from './FindingList';
import { RenameReport } from './RenameReport';
import { BlankCells } from './BlankCells';
import { DraftReport } from './DraftReport';
import { FullTextCheck } from './FullTextCheck';
import { useLayout } from './styles';

const useStyles = makeStyles({
  notice: { marginBottom: tokens.spacingVerticalSNudge },
});

export function ValidatePanel({ pane }: { pane: PaneController }) {
  const [scope, setScope] = useState<'active' | 'reports'>('active');
  const notice = pane.notice;
  const ui = useLayout();
  const styles = useStyles();
  return (
    <div className={ui.panel}>
      <RadioGroup value={scope} onChange={(_, d) => setScope(d.value as 'active' | 'reports')} layout="horizontal">
        <Radio value="active" label="当前工作表" />
        <Radio value="reports" label="全部年报工作表" />
      </RadioGroup>
      <div className={mergeClasses(ui.row, ui.wrap)}>
        <Button appearance="primary" disabled={!!pane.busy} onClick={() => pane.validate(scope)}>
          一键校验
        </Button>
        <Button disabled={!!pane.busy} onClick={pane.clear}>
          清除标记
        </Button>
      </div>
      <FullTextCheck pane={pane} />
      {pane.results?.map((r) => {
        const n = countBySeverity(r.findings);
        const blanks = r.findings.filter((f) => f.rule === 'cell.blank');
        const others = r.findings.filter((f) => f.rule !== 'cell.blank');
        const item = (f: SheetResult['findings'][number], i: number) => (
          <FindingItem
            key={`${f.rule}-${i}`}
            finding={f}
            fixLabel={f.fix && r.labels[f.fix.cell]}
            onSelect={() => pane.select(r, f)}
            onFix={() => pane.fix(r, f, scope)}
            onConfirm={(text) => pane.confirm(r, f, text, scope)}
            notice={notice?.at === findingKey(f) ? notice : null}
          />
        );
        return (
          <section key={r.sheet} aria-label={`校验结果：${r.sheet}`}>
            <Subtitle2>{r.sheet}</Subtitle2>
            {r.problem && (
              <Text block className={ui.problem}>
                {r.problem}
              </Text>
            )}
            {r.own && r.report && <RenameReport pane={pane} sheet={r.sheet} office={r.report.office} year={r.report.year} />}
            {r.report && <SeverityCounts findings={r.findings} testId="counts" />}
            {r.own && r.report && <DraftReport errors={n.error} busy={!!pane.busy} onDraft={(o) => pane.draftReport(r, o)} />}
            {notice?.at === sheetSpot(r.sheet) && (
              <MessageBar intent={notice.intent} className={styles.notice}>
                <MessageBarBody>{notice.text}</MessageBarBody>
              </MessageBar>
            )}
            {groupByTable(others, r.report?.format).map((g) => (
              <FindingGroup key={g.title} title={g.title} count={g.findings.length}>
                {g.findings.map(item)}
              </FindingGroup>
            ))}
            {blanks.length > 0 && (
              <BlankCells count={blanks.length} canFill={!!r.own} busy={!!pane.busy} onFill={() => pane.fillBlanks(r, scope)}>
                <ul className={ui.list}>{blanks.map(item)}</ul>
              </BlankCells>
            )}
            {r.confirmed.length > 0 && (
              <div>
                <Text weight="semibold" block>
                  已确认的警告（{r.confirmed.length}）
                </Text>
                {r.confirmed.map((c, i) => (
                  <Text block size={200} key={i}>
                    {c.finding.message} —— 出错说明：{c.explanation}
                  </Text>
                ))}
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
