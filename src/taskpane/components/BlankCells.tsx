import { useState, type ReactNode } from 'react';
import { Badge, Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useLayout } from './styles';

export interface BlankCellsProps {
  count: number;
  /** Only our own sheets can be filled: a clerk's layout is never written into. */
  canFill: boolean;
  busy: boolean;
  onFill: () => void;
  /** The blank findings one by one, shown on request. */
  children: ReactNode;
}

const useStyles = makeStyles({ ask: { marginTop: tokens.spacingVerticalSNudge } });

/** The blank cells as one item: one warning per cell would bury everything else. */
export function BlankCells({ count, canFill, busy, onFill, children }: BlankCellsProps) {
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState(false);
  const ui = useLayout();
  const styles = useStyles();
  return (
    <div data-testid="blank-cells" className={ui.entry}>
      <div>
        <Badge appearance="filled" color="warning" size="small">
          警告
        </Badge>{' '}
        <Text size={200}>有 {count} 个单元格空白。法定表格要求没有数据时填 0（计算时已按 0 处理）。</Text>
      </div>
      <div className={mergeClasses(ui.rowTight, ui.wrap, ui.below)}>
        {canFill && !asking && (
          <Button size="small" appearance="primary" disabled={busy} onClick={() => setAsking(true)}>
            空白一律填 0
          </Button>
        )}
        <Button size="small" appearance="subtle" onClick={() => setOpen(!open)}>
          {open ? '收起' : `逐项查看（${count}）`}
        </Button>
      </div>
      {asking && (
        <div role="alertdialog" aria-label="确认填 0" className={mergeClasses(ui.group, ui.confirm, styles.ask)}>
          <Text size={200}>将在 {count} 个空白的输入格中填 0。合计格和已填写内容的格（包括文字）不会改动。确定吗？</Text>
          <div className={mergeClasses(ui.rowTight, ui.wrap)}>
            <Button
              size="small"
              appearance="primary"
              disabled={busy}
              onClick={() => {
                setAsking(false);
                onFill();
              }}
            >
              确认填 0
            </Button>
            <Button size="small" onClick={() => setAsking(false)}>
              取消
            </Button>
          </div>
        </div>
      )}
      {open && children}
    </div>
  );
}
