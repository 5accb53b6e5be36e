import { useState } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import type { PaneController } from '../controller';

/** 修改单位与年度 of a report sheet: title, metadata and sheet name change together. */
export function RenameReport({ pane, sheet, office, year }: { pane: PaneController; sheet: string; office: string; year: number }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(office);
  const [yearText, setYearText] = useState(String(year));
  if (!open)
    return (
      <Button size="small" appearance="subtle" onClick={() => setOpen(true)}>
        修改单位与年度
      </Button>
    );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }} aria-label={`修改“${sheet}”的单位与年度`} role="group">
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Field label="填报单位" size="small" style={{ flex: '1 1 160px' }}>
          <Input value={name} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field label="报告年度" size="small" style={{ width: 96, flexShrink: 0 }}>
          <Input style={{ width: '100%', minWidth: 0 }} value={yearText} inputMode="numeric" onChange={(_, d) => setYearText(d.value)} />
        </Field>
      </div>
      <div style={{ display: 'flex', gap: 8 }}>
        <Button size="small" appearance="primary" disabled={!!pane.busy} onClick={() => pane.renameReport(sheet, { office: name, year: Number(yearText) }).then(() => setOpen(false))}>
          保存（标题、隐藏信息和工作表名一起修改）
        </Button>
        <Button size="small" onClick={() => setOpen(false)}>
          取消
        </Button>
      </div>
    </div>
  );
}
