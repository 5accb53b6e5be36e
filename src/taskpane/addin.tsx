/** The task pane inside Excel: the same App over the Office.js adapter. */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { OfficeWorkbookPort } from '../ports/office/office-workbook';
import { detectCapabilities } from '../ports/office/capabilities';
import { usePaneController } from './controller';
import { App } from './components/App';

function AddinPane({ port }: { port: OfficeWorkbookPort }) {
  const pane = usePaneController(() => port);
  return <App pane={pane} />;
}

Office.onReady(() => {
  const caps = detectCapabilities((name, version) => Office.context.requirements.isSetSupported(name, version));
  const port = new OfficeWorkbookPort((batch) => Excel.run(batch), caps);
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <AddinPane port={port} />
    </FluentProvider>,
  );
});
