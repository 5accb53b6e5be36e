import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useLayout } from './styles';

const useStyles = makeStyles({ bar: { margin: `${tokens.spacingVerticalSNudge} 0` } });

/** 生成年报全文 beside a validated report: offered only when its tables have no error. */
export function DraftReport({ errors, busy, onDraft }: { errors: number; busy: boolean; onDraft: () => void }) {
  const ui = useLayout();
  const styles = useStyles();
  return (
    <div className={mergeClasses(ui.row, ui.wrap, ui.centered, styles.bar)}>
      <Button size="small" disabled={busy || errors > 0} onClick={onDraft}>
        生成年报全文
      </Button>
      <Text size={200}>{errors > 0 ? `改正 ${errors} 个错误后才能生成年报全文。` : '下载 Word 文档：六个部分、法定表格和由数字起草的文字，黄色的“【待填写：…】”处由本单位补写。'}</Text>
    </div>
  );
}
