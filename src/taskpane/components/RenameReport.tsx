import { useState } from 'react';
import { Button, Field, Input, mergeClasses } from '@fluentui/react-components';
import type { PaneController } from '../controller';
import { useLayout } from './styles';

/** 修改单位与年度 of a report sheet: title, metadata and sheet name change together. */
export function RenameReport({ pane, sheet, office, year }: { pane: PaneController; sheet: string; office: string; year: number }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(office);
  const [yearText, setYearText] = useState(String(year));
  const ui = useLayout();
  if (!open)
    return (
      <Button size="small" appearance="subtle" onClick={() => setOpen(true)}>
        修改单位与年度
      </Button>
    );
  return (
    <div className={ui.group} aria-label={`修改“${sheet}”的单位与年度`} role="group">
      <div className={mergeClasses(ui.row, ui.wrap)}>
        <Field label="填报单位" size="small" className={ui.officeField}>
          <Input value={name} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field label="报告年度" size="small" className={ui.yearField}>
          <Input className={ui.yearInput} value={yearText} inputMode="numeric" onChange={(_, d) => setYearText(d.value)} />
        </Field>
      </div>
      <div className={ui.row}>
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
