/**
 * Asked before a download that cannot carry every part of the clerk's workbook: what would be
 * lost, sheet by sheet, and the choice to keep her sheets untouched with our changes in new sheets.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { SheetLoss } from '../../ports/xlsx/clerk-workbook';

export function LossDialog(props: { losses: SheetLoss[] | null; onKeep: () => void; onLose: () => void; onCancel: () => void }) {
  const losses = props.losses ?? [];
  return (
    <Dialog open={!!props.losses} onOpenChange={(_, d) => !d.open && props.onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>下载会丢失工作簿中的部分内容</DialogTitle>
          <DialogContent>
            <p>以下工作表中有本工具无法原样保留的内容，如果照常下载，这些内容将丢失：</p>
            <ul>
              {losses.map((l) => (
                <li key={l.sheet}>
                  工作表“{l.sheet}”：{l.parts.join('、')}
                </li>
              ))}
            </ul>
            <p>
              建议保留原工作表：原工作表原样保留，本工具的修改写在新工作表中（
              {losses.map((l) => `“${l.keptAs}”`).join('、')}）。
            </p>
          </DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" onClick={props.onKeep}>
              保留原工作表，修改另存为新工作表
            </Button>
            <Button onClick={props.onLose}>仍然下载（丢失以上内容）</Button>
            <Button appearance="subtle" onClick={props.onCancel}>
              取消
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
