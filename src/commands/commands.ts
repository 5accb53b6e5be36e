/** The ribbon's 一键校验: validates the active sheet without opening the pane, then shows the result. */
import { validateSheets } from '../app/operations';
import { OfficeWorkbookPort } from '../ports/office/office-workbook';
import { detectCapabilities } from '../ports/office/capabilities';
import { countBySeverity } from '../rules/engine';
import { failureMessage } from '../app/failure';

function show(message: string) {
  const url = new URL('dialog.html', window.location.href);
  url.searchParams.set('m', message);
  Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 30, displayInIframe: true });
}

async function validateActiveSheet(event: Office.AddinCommands.Event) {
  try {
    const caps = detectCapabilities((n, v) => Office.context.requirements.isSetSupported(n, v));
    const [r] = await validateSheets(new OfficeWorkbookPort((b) => Excel.run(b), caps), { sheets: 'active' });
    if (!r || r.problem) show(r?.problem ?? '当前工作表不是年报表格。');
    else {
      const n = countBySeverity(r.findings);
      show(
        n.error + n.warning === 0
          ? `“${r.sheet}”校验通过，未发现问题。`
          : `“${r.sheet}”：错误 ${n.error} 项，警告 ${n.warning} 项，已在单元格上标出。打开“年报助手”可查看说明并改正。`,
      );
    }
  } catch (e) {
    show(failureMessage(e));
  }
  event.completed();
}

Office.onReady(() => {
  Office.actions.associate('validateActiveSheet', validateActiveSheet);
});
