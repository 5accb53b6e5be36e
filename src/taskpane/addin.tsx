/** The task pane inside Excel: the same App over the Office.js adapter. */
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { OfficeWorkbookPort } from '../ports/office/office-workbook';
import { detectCapabilities } from '../ports/office/capabilities';
import { usePaneController } from './controller';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { OfficeUnavailable } from './components/OfficeUnavailable';

function AddinPane({ port }: { port: OfficeWorkbookPort }) {
  const pane = usePaneController(() => port);
  return <App pane={pane} />;
}

const root = createRoot(document.getElementById('root')!);
const show = (node: ReactNode) =>
  root.render(
    <FluentProvider theme={webLightTheme}>
      <ErrorBoundary>{node}</ErrorBoundary>
    </FluentProvider>,
  );

if (typeof Office === 'undefined') {
  // The office.js script failed (a blocked CDN, an incomplete copy): say so instead of leaving the pane blank.
  const src = document.querySelector<HTMLScriptElement>('script[src$="office.js"]')?.src ?? '';
  show(<OfficeUnavailable fromCdn={!src.startsWith(window.location.origin)} />);
} else {
  Office.onReady(() => {
    const caps = detectCapabilities((name, version) => Office.context.requirements.isSetSupported(name, version));
    show(<AddinPane port={new OfficeWorkbookPort((batch) => Excel.run(batch), caps)} />);
  });
}
