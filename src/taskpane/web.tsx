/** The web page: the same App over an .xlsx file held in memory (exceljs), for WPS users and machines without Excel. */
import { useCallback, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, Text, Title3, webLightTheme } from '@fluentui/react-components';
import { ExceljsWorkbookPort } from '../ports/exceljs/exceljs-workbook';
import { usePaneController } from './controller';
import { App } from './components/App';

function WebPage() {
  const [port, setPort] = useState<ExceljsWorkbookPort | null>(null);
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const getPort = useCallback(() => port, [port]);
  const pane = usePaneController(getPort);

  const open = async (file: File) => {
    setError('');
    try {
      setPort(await ExceljsWorkbookPort.fromBuffer(new Uint8Array(await file.arrayBuffer())));
      setFileName(file.name);
      pane.reset();
    } catch {
      setError(`无法打开“${file.name}”：请选择 .xlsx 格式的工作簿（.xls 请先另存为 .xlsx）。`);
    }
  };

  const download = async () => {
    if (!port) return;
    const blob = new Blob([(await port.toBuffer()) as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = fileName || '年报.xlsx';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  const toolbar = (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Title3>政府信息公开年报助手</Title3>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        <input
          ref={input}
          type="file"
          accept=".xlsx"
          aria-label="打开工作簿"
          style={{ display: 'none' }}
          onChange={(e) => e.target.files?.[0] && open(e.target.files[0])}
        />
        <Button onClick={() => input.current?.click()}>打开工作簿…</Button>
        <Button
          onClick={() => {
            setPort(ExceljsWorkbookPort.empty());
            setFileName('年报.xlsx');
            pane.reset();
          }}
        >
          新建工作簿
        </Button>
        <Button appearance="primary" disabled={!port} onClick={download}>
          下载
        </Button>
        <Text data-testid="file-name">{port ? `当前：${fileName}` : '未打开工作簿'}</Text>
      </div>
      {error && <Text style={{ color: '#a4262c' }}>{error}</Text>}
      <Text size={200}>文件只在本机浏览器中处理，不会上传。</Text>
    </div>
  );
  return <App pane={pane} toolbar={toolbar} />;
}

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <WebPage />
    </div>
  </FluentProvider>,
);
