/** The real task pane (App + controller + Office adapter) over the fake Excel host, for the browser test. */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { OfficeWorkbookPort } from '../../src/ports/office/office-workbook';
import { FLOOR } from '../../src/ports/office/capabilities';
import { usePaneController } from '../../src/taskpane/controller';
import { App } from '../../src/taskpane/components/App';
import { FakeExcel } from '../office/fake-excel';

const excel = new FakeExcel();
(window as unknown as { fake: FakeExcel }).fake = excel;
const port = new OfficeWorkbookPort(excel.run, FLOOR);

function Pane() {
  const pane = usePaneController(() => port);
  return <App pane={pane} />;
}

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <Pane />
  </FluentProvider>,
);
