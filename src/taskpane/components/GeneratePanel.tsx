import { useState } from 'react';
import { Button, Dropdown, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Option } from '@fluentui/react-components';
import { formats } from '../../formats';
import { LEVELS, type Level } from '../../model/report';
import type { PaneController } from '../controller';
import { useLayout } from './styles';

const THIS_YEAR = new Date().getFullYear();
const LAST_YEAR = Math.min(formats.lastYear ?? THIS_YEAR, THIS_YEAR);
const YEARS = Array.from({ length: LAST_YEAR - formats.firstYear + 1 }, (_, i) => String(LAST_YEAR - i));

export function GeneratePanel({ pane }: { pane: PaneController }) {
  const [year, setYear] = useState(String(THIS_YEAR - 1));
  const [office, setOffice] = useState('');
  const [level, setLevel] = useState<Level | undefined>();
  const ui = useLayout();
  return (
    <div className={ui.panel}>
      <Field label="报告年度" hint={formats.yearHint}>
        <Dropdown aria-label="报告年度" clearButton={{ 'aria-label': '清除选择' }} value={`${year} 年度`} selectedOptions={[year]} onOptionSelect={(_, d) => setYear(d.optionValue ?? year)}>
          {YEARS.map((y) => (
            <Option key={y} value={y}>{`${y} 年度`}</Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="填报单位" required>
        <Input aria-label="填报单位" value={office} placeholder="例如：某县人民政府办公室" onChange={(_, d) => setOffice(d.value)} />
      </Field>
      <Field label="行政层级（可选）">
        <Dropdown aria-label="行政层级" clearButton={{ 'aria-label': '清除选择' }} placeholder="不填" value={level ?? ''} onOptionSelect={(_, d) => setLevel(d.optionValue as Level)}>
          {LEVELS.map((l) => (
            <Option key={l} value={l}>
              {l}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button appearance="primary" disabled={!!pane.busy} onClick={() => pane.generate({ office, year: Number(year), level })}>
        生成表格
      </Button>
      {pane.conflict && (
        <MessageBar intent="warning">
          <MessageBarBody>已有同名工作表，不会覆盖。可改用新名称“{pane.conflict.suggestion}”。</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => pane.generate({ ...pane.conflict!.req, name: pane.conflict!.suggestion })}>
              使用新名称
            </Button>
            <Button size="small" appearance="subtle" onClick={pane.cancelConflict}>
              取消
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
