/** The web page's toolbar: open, new, download, help, what is open, and what is happening. */
import { useRef } from 'react';
import { Button, Link, MessageBar, MessageBarBody, ProgressBar, Text, Title3 } from '@fluentui/react-components';
import type { Notice } from '../controller';
import { usePageStyles } from './styles';

export interface ToolbarProps {
  opened: boolean;
  fileName: string;
  dirty: boolean;
  progress: string | null;
  status: Notice | null;
  onOpen: (file: File) => void;
  onNew: () => void;
  onDownload: () => void;
}

export function Toolbar(props: ToolbarProps) {
  const styles = usePageStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <header className={styles.head}>
      <Title3 as="h1">政府信息公开年报助手（网页版）</Title3>
      <div className={styles.bar}>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xlsm"
          aria-label="打开工作簿"
          className={styles.hidden}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) props.onOpen(f);
          }}
        />
        <Button onClick={() => input.current?.click()}>打开工作簿…</Button>
        <Button onClick={props.onNew}>新建工作簿</Button>
        <Button appearance="primary" disabled={!props.opened} onClick={props.onDownload}>
          下载
        </Button>
        <Link href="web-help.html" target="_blank" rel="noopener">
          帮助
        </Link>
        <Text data-testid="file-name">{props.opened ? `当前：${props.fileName || '新建的工作簿'}${props.dirty ? '（有未下载的修改）' : ''}` : '未打开工作簿'}</Text>
      </div>
      {props.progress && <ProgressBar aria-label={props.progress} thickness="large" />}
      {props.progress && <Text size={200}>{props.progress}</Text>}
      {props.status && (
        <MessageBar intent={props.status.intent}>
          <MessageBarBody>{props.status.text}</MessageBarBody>
        </MessageBar>
      )}
      <Text size={200}>可把 .xlsx 工作簿或报送材料拖到本页面上。文件只在本机浏览器中处理，不会上传。</Text>
    </header>
  );
}
