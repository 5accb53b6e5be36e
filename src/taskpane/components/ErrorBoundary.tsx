/** A crash while drawing shows a Chinese message in place of a blank pane; the error goes to the console for support. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export const CRASH_TITLE = '界面出现意外错误';
const RELOAD = '请关闭并重新打开任务窗格（网页版请刷新页面）后重试。已写入工作簿的内容不受影响。';

interface Props {
  children: ReactNode;
  /** What the clerk can still do, when the part that crashed is not the whole page. */
  advice?: string;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('年报助手界面出错：', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{CRASH_TITLE}</MessageBarTitle>
          {this.props.advice ?? RELOAD}（{error.message}）
        </MessageBarBody>
      </MessageBar>
    );
  }
}
