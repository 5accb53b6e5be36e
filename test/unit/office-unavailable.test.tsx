/** The pane's message when office.js did not load: what it says depends on where office.js was to come from. */
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { OfficeUnavailable, OFFICE_UNAVAILABLE_TITLE } from '../../src/taskpane/components/OfficeUnavailable';

const text = (fromCdn: boolean) =>
  renderToString(
    <FluentProvider theme={webLightTheme}>
      <OfficeUnavailable fromCdn={fromCdn} />
    </FluentProvider>,
  ).replace(/<[^>]+>/g, '');

test('office.js from the CDN: names the CDN and the self-hosted build', () => {
  const t = text(true);
  expect(t).toContain(OFFICE_UNAVAILABLE_TITLE);
  expect(t).toContain('appsforoffice.microsoft.com');
  expect(t).toContain('OFFICE_JS=local');
  expect(t).toContain('网页版');
});

test('office.js copied beside the pages: says the copy is incomplete, not to switch builds', () => {
  const t = text(false);
  expect(t).toContain(OFFICE_UNAVAILABLE_TITLE);
  expect(t).toContain('部署可能不完整');
  expect(t).not.toContain('OFFICE_JS=local');
  expect(t).toContain('网页版');
});
