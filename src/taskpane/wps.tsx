/** The task pane inside WPS 表格: the same App over the WPS adapter. */
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { detectCapabilities, missingFeatures } from '../ports/wps/capabilities';
import type { EtApplicationLike } from '../ports/wps/et';
import { WpsWorkbookPort } from '../ports/wps/wps-workbook';
import { usePaneController } from './controller';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { MissingFeatures, WpsUnavailable } from './wps-notices';

function WpsPane({ port }: { port: WpsWorkbookPort }) {
  const pane = usePaneController(() => port);
  return <App pane={pane} toolbar={<MissingFeatures features={missingFeatures(port.caps)} />} />;
}

const root = createRoot(document.getElementById('root')!);
const show = (node: ReactNode) =>
  root.render(
    <FluentProvider theme={webLightTheme}>
      <ErrorBoundary>{node}</ErrorBoundary>
    </FluentProvider>,
  );

// WPS gives every page of an add-in its Application; a browser does not.
const app = (window as unknown as { Application?: EtApplicationLike }).Application;
if (!app) show(<WpsUnavailable />);
else show(<WpsPane port={new WpsWorkbookPort(app, detectCapabilities(app))} />);
