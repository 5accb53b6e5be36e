/**
 * The web page: the same App over an .xlsx file held in memory (exceljs), for WPS users and
 * machines without Excel, with the sheet itself shown and editable beside the tasks.
 */
import { useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { SheetView } from './sheet-view';
import { buildGridModel } from './sheet-view-model';
import { usePageStyles } from './web/styles';
import { Toolbar } from './web/Toolbar';
import { UnsavedChangesDialog } from './web/UnsavedChangesDialog';
import { LossDialog } from './web/LossDialog';
import { useFileDrop } from './web/use-file-drop';
import { useWorkbookSession } from './web/use-workbook-session';

/** A crash in the tasks or the sheet view leaves the toolbar, so the workbook can still be downloaded. */
const KEEP_WORK = '可先点“下载”保存当前工作簿，再刷新页面后重试。';

function WebPage() {
  const styles = usePageStyles();
  const session = useWorkbookSession();
  const { dragging, handlers } = useFileDrop(session.drop);
  const { data, findingsShown, focus } = session;
  const model = useMemo(() => (data ? buildGridModel(data, findingsShown) : null), [data, findingsShown]);
  const sheetFocus = focus && focus.sheet === model?.sheet ? { address: focus.address, seq: focus.seq } : null;

  return (
    <div className={styles.page} data-testid="drop-target" {...handlers}>
      <Toolbar
        opened={!!session.port}
        fileName={session.fileName}
        dirty={session.dirty}
        progress={session.progress}
        status={session.status}
        onOpen={session.open}
        onNew={session.createNew}
        onDownload={() => void session.download()}
      />
      <div className={styles.work}>
        <div className={styles.tasks}>
          <ErrorBoundary advice={KEEP_WORK}>
            <App pane={session.pane} />
          </ErrorBoundary>
        </div>
        <div className={styles.view}>
          {session.port ? (
            <ErrorBoundary advice={KEEP_WORK}>
              <SheetView sheets={session.sheets} current={session.current} onChoose={(s) => void session.choose(s)} model={model} onType={session.type} focus={sheetFocus} />
            </ErrorBoundary>
          ) : (
            <div className={styles.empty}>打开或新建一个工作簿后，这里显示工作表内容，可直接填写。也可以把 .xlsx 文件拖到这里。</div>
          )}
          {session.port && session.sheets.length === 0 && <div className={styles.empty}>工作簿中还没有工作表：请用“生成表格”生成年报表格，或用“导入报送”写入各单位的报表。</div>}
        </div>
      </div>
      {dragging && <div className={styles.drop}>松开鼠标即可打开</div>}
      <LossDialog losses={session.lossQuestion?.losses ?? null} onKeep={() => session.answerLoss('keep')} onLose={() => session.answerLoss('lose')} onCancel={() => session.answerLoss('cancel')} />
      <UnsavedChangesDialog
        open={session.pending}
        onDownloadFirst={() => session.resolvePending('download')}
        onDiscard={() => session.resolvePending('discard')}
        onCancel={() => session.resolvePending('cancel')}
      />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <ErrorBoundary>
      <WebPage />
    </ErrorBoundary>
  </FluentProvider>,
);
