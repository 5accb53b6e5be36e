/** Two parts that crash on a click, each inside an error boundary (one with its own advice), beside a part that must survive. */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ErrorBoundary } from '../../src/taskpane/components/ErrorBoundary';

function Crashing({ label }: { label: string }) {
  const [crashed, setCrashed] = useState(false);
  if (crashed) throw new Error(`${label}出错了`);
  return <button onClick={() => setCrashed(true)}>{label}</button>;
}

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <p>工具栏</p>
    <section aria-label="整页">
      <ErrorBoundary>
        <Crashing label="整页部件" />
      </ErrorBoundary>
    </section>
    <section aria-label="局部">
      <ErrorBoundary advice="可先点“下载”保存当前工作簿。">
        <Crashing label="局部部件" />
      </ErrorBoundary>
    </section>
  </FluentProvider>,
);
