import { useState } from 'react';
import { Badge, Button, Input, makeStyles, mergeClasses, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import type { Notice } from '../controller';
import type { Finding } from '../../model/finding';
import { fixAction } from '../../rules/messages';
import { placeText } from '../../rules/place';
import { useLayout } from './styles';

const useStyles = makeStyles({
  finding: { cursor: 'pointer' },
  /** The sentence a finding on the report's text is about, as quoted from it. */
  quote: {
    display: 'block',
    marginTop: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
  },
  place: { display: 'block', color: tokens.colorNeutralForeground3 },
});

const SEVERITY = {
  error: { text: '错误', color: 'danger' },
  warning: { text: '警告', color: 'warning' },
  info: { text: '提示', color: 'informative' },
} as const;

export interface FindingItemProps {
  finding: Finding;
  fixLabel?: string;
  onSelect: () => void;
  /** Without it, the fix is not offered (a finding listed, not in a sheet of ours). */
  onFix?: () => void;
  /** Without it, a warning cannot be confirmed here. */
  onConfirm?: (text: string) => void;
  /** A notice about this finding (已定位…), shown beside it. */
  notice?: Notice | null;
}

export function FindingItem({ finding, fixLabel, onSelect, onFix, onConfirm, notice }: FindingItemProps) {
  const [explaining, setExplaining] = useState(false);
  const [text, setText] = useState('');
  const s = SEVERITY[finding.severity];
  const ui = useLayout();
  const styles = useStyles();
  return (
    <li data-rule={finding.rule} className={ui.entry}>
      <div role="button" tabIndex={0} className={styles.finding} onClick={onSelect} onKeyDown={(e) => e.key === 'Enter' && onSelect()}>
        <Badge appearance="filled" color={s.color} size="small">
          {s.text}
        </Badge>{' '}
        <Text size={200}>{finding.message}</Text>
        {finding.quote && !finding.message.includes(finding.quote) && (
          <Text size={200} className={styles.quote}>
            原文：“{finding.quote}”
          </Text>
        )}
        {finding.place && (
          <Text size={100} className={styles.place} data-testid="place">
            原文位置：{placeText(finding.place)}
          </Text>
        )}
      </div>
      <div className={mergeClasses(ui.rowTight, ui.wrap, ui.below)}>
        {finding.fix && onFix && (
          <Button size="small" appearance="primary" onClick={onFix}>
            改正：{fixAction(finding.fix, fixLabel ?? finding.fix.cell)}（消除 {finding.fix.resolves} 项）
          </Button>
        )}
        {finding.severity === 'warning' && onConfirm && !explaining && (
          <Button size="small" appearance="subtle" onClick={() => setExplaining(true)}>
            确认无误并说明
          </Button>
        )}
      </div>
      {notice && (
        <MessageBar intent={notice.intent} className={ui.below}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {explaining && (
        <div className={mergeClasses(ui.rowTight, ui.below)}>
          <Input size="small" aria-label="出错说明" placeholder="出错说明，例如：该项确无数据" value={text} onChange={(_, d) => setText(d.value)} />
          <Button size="small" onClick={() => onConfirm?.(text)}>
            保存
          </Button>
        </div>
      )}
    </li>
  );
}
