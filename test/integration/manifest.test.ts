/**
 * The XML manifest, checked offline: well-formed, elements in the order the schema
 * requires, every resid resolved, https everywhere, the ExcelApi 1.8 floor declared,
 * every icon present; and the built copy differs only by its base address.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { ROOT } from '../helpers/cli';

const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const doc = parseDocument(xml, { xmlMode: true });

function elements(nodes: ChildNode[]): Element[] {
  return nodes.filter((n): n is Element => n.type === 'tag');
}
function all(nodes: ChildNode[], out: Element[] = []): Element[] {
  for (const e of elements(nodes)) {
    out.push(e);
    all(e.children, out);
  }
  return out;
}
const root = elements(doc.children)[0];
const every = all(doc.children);

test('well-formed: every element closes (a strict parse round-trips the element count)', () => {
  const opened = (xml.match(/<[A-Za-z][^>]*[^/]>/g) ?? []).filter((t) => !t.startsWith('<?')).length;
  const closed = (xml.match(/<\/[A-Za-z][^>]*>/g) ?? []).length;
  expect(opened).toBe(closed);
  expect(root.name).toBe('OfficeApp');
  expect(root.attribs['xsi:type']).toBe('TaskPaneApp');
});

test('top-level elements are in schema order', () => {
  const ORDER = [
    'Id',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'VersionOverrides',
  ];
  const names = elements(root.children).map((e) => e.name);
  expect(names).toEqual(ORDER.filter((n) => names.includes(n)));
  expect(names.slice(0, 9)).toEqual(ORDER.slice(0, 9));
  expect(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(
      every
        .find((e) => e.name === 'Id')!
        .children.map((c) => (c as unknown as { data: string }).data)
        .join(''),
    ),
  ).toBe(true);
});

test('every resid resolves to a defined resource, and every defined resource is used', () => {
  const defined = new Set(every.filter((e) => /^bt:(Image|Url|String)$/.test(e.name) && e.attribs.id).map((e) => e.attribs.id));
  const used = new Set(every.filter((e) => e.attribs.resid).map((e) => e.attribs.resid));
  for (const id of used) expect({ resid: id, defined: defined.has(id) }).toEqual({ resid: id, defined: true });
  for (const id of defined) expect({ resource: id, used: used.has(id) }).toEqual({ resource: id, used: true });
});

test('every address is https, and every icon exists in assets', () => {
  const urls = [...xml.matchAll(/(?:DefaultValue="|>)\s*(https?:\/\/[^"<\s]+)/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u.startsWith('https://')).toBe(true);
  for (const u of urls.filter((x) => x.endsWith('.png'))) expect(existsSync(join(ROOT, 'assets', u.split('/assets/')[1]))).toBe(true);
});

test('the floor is ExcelApi 1.8, declared in Requirements, with ReadWriteDocument permission', () => {
  const set = every.find((e) => e.name === 'Set')!;
  expect(set.attribs).toMatchObject({ Name: 'ExcelApi', MinVersion: '1.8' });
  expect(
    every
      .find((e) => e.name === 'Permissions')!
      .children.map((c) => (c as unknown as { data: string }).data)
      .join(''),
  ).toBe('ReadWriteDocument');
  const labels = every.filter((e) => e.name === 'bt:String').map((e) => e.attribs.DefaultValue);
  expect(labels).toEqual(expect.arrayContaining(['年报助手', '一键校验']));
  for (const s of every.filter((e) => e.name === 'bt:String')) expect(s.attribs.DefaultValue.length).toBeLessThanOrEqual(125);
});

test('the built manifest is the source manifest with only its base address substituted', () => {
  const built = readFileSync(join(ROOT, 'dist/web/manifest.xml'), 'utf8');
  expect(built.replace(/https:\/\/localhost:3000/g, '')).toBe(xml.replace(/https:\/\/localhost:3000/g, ''));
});
