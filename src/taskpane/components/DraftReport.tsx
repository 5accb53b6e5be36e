import { useState } from 'react';
import { Button, Checkbox, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useLayout } from './styles';

const useStyles = makeStyles({ bar: { margin: `${tokens.spacingVerticalSNudge} 0` } });

/** 生成年报全文 beside a validated report: offered only when its tables have no error. */
export function DraftReport({ errors, busy, onDraft }: { errors: number; busy: boolean; onDraft: (options: { charts: boolean }) => void }) {
  const ui = useLayout();
  const styles = useStyles();
  const [charts, setCharts] = useState(true);
  return (
    <div className={mergeClasses(ui.row, ui.wrap, ui.centered, styles.bar)}>
      <Button size="small" disabled={busy || errors > 0} onClick={() => onDraft({ charts })}>
        生成年报全文
      </Button>
      <Checkbox label="插入图表" checked={charts} disabled={errors > 0} onChange={(_, d) => setCharts(!!d.checked)} />
      <Text size={200}>{errors > 0 ? `改正 ${errors} 个错误后才能生成年报全文。` : '下载 Word 文档：六个部分、法定表格和由数字起草的文字，黄色的“【待填写：…】”处由本单位补写。'}</Text>
    </div>
  );
}
