/** What every list of findings shows: the counts by severity, and findings under a heading with their number. */
import type { ReactNode } from 'react';
import { Badge, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { countBySeverity } from '../../rules/engine';
import type { Finding } from '../../model/finding';
import { useLayout } from './styles';

const useStyles = makeStyles({
  counts: { margin: `${tokens.spacingVerticalSNudge} 0` },
});

export function SeverityCounts({ findings, testId }: { findings: Finding[]; testId: string }) {
  const ui = useLayout();
  const styles = useStyles();
  const n = countBySeverity(findings);
  return (
    <div className={mergeClasses(ui.rowTight, ui.wrap, ui.centered, styles.counts)} data-testid={testId}>
      <Badge color="danger">错误 {n.error}</Badge>
      <Badge color="warning">警告 {n.warning}</Badge>
      <Badge color="informative">提示 {n.info}</Badge>
      {findings.length === 0 && <Text>未发现问题。</Text>}
    </div>
  );
}

/** A heading (a table's title, 正文) with the number of findings under it, then their items. */
export function FindingGroup({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const ui = useLayout();
  return (
    <div>
      <Text weight="semibold" block>
        {title}（{count}）
      </Text>
      <ul className={ui.list}>{children}</ul>
    </div>
  );
}
