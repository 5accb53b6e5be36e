/** Asked before the workbook is replaced (新建, 打开) while it has changes not downloaded. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';

export function UnsavedChangesDialog(props: { open: boolean; onDownloadFirst: () => void; onDiscard: () => void; onCancel: () => void }) {
  return (
    <Dialog open={props.open} onOpenChange={(_, d) => !d.open && props.onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>有尚未下载的修改</DialogTitle>
          <DialogContent>当前工作簿中的填写、改正和标记还没有下载保存。继续将丢失这些修改。</DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" onClick={props.onDownloadFirst}>
              先下载，再继续
            </Button>
            <Button onClick={props.onDiscard}>放弃修改并继续</Button>
            <Button appearance="subtle" onClick={props.onCancel}>
              取消
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
