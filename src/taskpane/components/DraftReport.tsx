import { Button, Text } from '@fluentui/react-components';

/** 生成年报全文 beside a validated report: offered only when its tables have no error. */
export function DraftReport({ errors, busy, onDraft }: { errors: number; busy: boolean; onDraft: () => void }) {
  return (
    <div style={{ display: 'flex', gap: 8, margin: '6px 0', flexWrap: 'wrap', alignItems: 'center' }}>
      <Button size="small" disabled={busy || errors > 0} onClick={onDraft}>
        生成年报全文
      </Button>
      <Text size={200}>
        {errors > 0 ? `改正 ${errors} 个错误后才能生成年报全文。` : '下载 Word 文档：六个部分、三张表格和由数字起草的文字，黄色的“【待填写：…】”处由本单位补写。'}
      </Text>
    </div>
  );
}
