import { useState } from 'react';
import { Badge, Button, Input, makeStyles, mergeClasses, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { Notice } from '../controller';
import type { Finding } from '../../rules/types';
import { fixAction } from '../../rules/messages';
import { useLayout } from './styles';

const useStyles = makeStyles({ finding: { cursor: 'pointer' } });

const SEVERITY = {
  error: { text: '错误', color: 'danger' },
  warning: { text: '警告', color: 'warning' },
  info: { text: '提示', color: 'informative' },
} as const;

export interface FindingItemProps {
  finding: Finding;
  fixLabel?: string;
  onSelect: () => void;
  onFix: () => void;
  onConfirm: (text: string) => void;
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
      </div>
      <div className={mergeClasses(ui.rowTight, ui.wrap, ui.below)}>
        {finding.fix && (
          <Button size="small" appearance="primary" onClick={onFix}>
            改正：{fixAction(finding.fix, fixLabel ?? finding.fix.cell)}（消除 {finding.fix.resolves} 项）
          </Button>
        )}
        {finding.severity === 'warning' && !explaining && (
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
          <Button size="small" onClick={() => onConfirm(text)}>
            保存
          </Button>
        </div>
      )}
    </li>
  );
}
