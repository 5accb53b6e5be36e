import { useState, type ReactNode } from 'react';
import { Badge, Button, Text } from '@fluentui/react-components';

export interface BlankCellsProps {
  count: number;
  /** Only our own sheets can be filled: a clerk's layout is never written into. */
  canFill: boolean;
  busy: boolean;
  onFill: () => void;
  /** The blank findings one by one, shown on request. */
  children: ReactNode;
}

/** The blank cells as one item: one warning per cell would bury everything else. */
export function BlankCells({ count, canFill, busy, onFill, children }: BlankCellsProps) {
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState(false);
  return (
    <div data-testid="blank-cells" style={{ borderBottom: '1px solid #e0e0e0', padding: '8px 0' }}>
      <div>
        <Badge appearance="filled" color="warning" size="small">
          警告
        </Badge>{' '}
        <Text size={200}>有 {count} 个单元格空白。法定表格要求没有数据时填 0（计算时已按 0 处理）。</Text>
      </div>
      <div style={{ display: 'flex', gap: 6, marginTop: 4, flexWrap: 'wrap' }}>
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
        <div role="alertdialog" aria-label="确认填 0" style={{ border: '1px solid #c19c00', padding: 8, marginTop: 6, display: 'flex', flexDirection: 'column', gap: 6 }}>
          <Text size={200}>将在 {count} 个空白的输入格中填 0。合计格和已填写内容的格（包括文字）不会改动。确定吗？</Text>
          <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
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
