/** The ribbon's 一键校验: validates the active sheet without opening the pane, then shows the result. */
import { failureMessage } from '../app/failure';
import { OfficeWorkbookPort } from '../ports/office/office-workbook';
import { detectCapabilities } from '../ports/office/capabilities';
import { ribbonValidate } from './ribbon-validate';

function show(message: string) {
  const url = new URL('dialog.html', window.location.href);
  url.searchParams.set('m', message);
  Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 30, displayInIframe: true });
}

async function validateActiveSheet(event: Office.AddinCommands.Event) {
  let message: string;
  try {
    const caps = detectCapabilities((n, v) => Office.context.requirements.isSetSupported(n, v));
    message = (await ribbonValidate(new OfficeWorkbookPort((b) => Excel.run(b), caps))).message;
  } catch (e) {
    message = failureMessage(e);
  }
  show(message);
  event.completed();
}

Office.onReady(() => {
  Office.actions.associate('validateActiveSheet', validateActiveSheet);
});
