/**
 * The WPS add-in as built (dist/wps, after `npm run build`): ribbon.xml valid against the
 * CustomUI schema, every bundle parsing on the Chromium the build targets, the install files
 * pointing at the add-in's intranet address only, and the offline package holding exactly the
 * add-in's files as WPS unpacks them. (The callbacks themselves run in test/e2e/wps-pane.test.ts.)
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ROOT } from '../helpers/cli';
import { newerThan } from '../helpers/es-level';
import { scriptSources } from '../helpers/bundle-size';

/* eslint-disable @typescript-eslint/no-require-imports -- the build's own CommonJS modules */
const { WPS_CHROMIUM } = require('../../scripts/wps/webpack.js') as { WPS_CHROMIUM: number };
const { writeInstallFiles, NAME, GENERATED } = require('../../scripts/wps/package.js') as {
  writeInstallFiles: (out: string, o: { baseUrl: string; version: string; publishDir: string }) => void;
  NAME: string;
  GENERATED: string[];
};
/* eslint-enable @typescript-eslint/no-require-imports */

const WPS = join(ROOT, 'dist/wps');
const XSD = join(ROOT, 'test/wps/customui-2006.xsd');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** The address the default build is made for (webpack.config.js without ADDIN_URL). */
const DEV_BASE = 'https://localhost:3000/wps/';
/** WPS's own install service on the clerk's machine, which publish.html asks to install the add-in. */
const WPS_SERVICE = 'http://127.0.0.1:58890';

function files(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel)).flatMap((f) => {
    const r = rel ? `${rel}/${f}` : f;
    return statSync(join(dir, r)).isDirectory() ? files(dir, r) : [r];
  });
}

const urls = (text: string) => [...text.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)]+/gi)].map((m) => m[0]);

test('ribbon.xml validates against the CustomUI 2006 schema with xmllint, and an invalid one does not', () => {
  const out = execFileSync('xmllint', ['--noout', '--schema', XSD, join(WPS, 'ribbon.xml')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  expect(out).toBe('');
  // The schema has teeth: a misspelt attribute and a duplicate id are refused.
  const bad = mkdtempSync(join(tmpdir(), 'nianbao-ribbon-'));
  const ribbon = readFileSync(join(WPS, 'ribbon.xml'), 'utf8');
  for (const [name, text] of [
    ['attr.xml', ribbon.replace('onAction="OnValidate"', 'onClick="OnValidate"')],
    ['dup.xml', ribbon.replace('id="nianbaoValidate"', 'id="nianbaoOpenPane"')],
  ]) {
    writeFileSync(join(bad, name), text);
    expect(() => execFileSync('xmllint', ['--noout', '--schema', XSD, join(bad, name)], { stdio: 'pipe' })).toThrow();
  }
});

test('ribbon.xml has the 年报助手 tab with 打开任务窗格 and 一键校验, calling the callbacks the ribbon script installs', () => {
  const ribbon = readFileSync(join(WPS, 'ribbon.xml'), 'utf8');
  expect(ribbon).toMatch(/<tab id="nianbaoTab" label="年报助手">/);
  expect([...ribbon.matchAll(/<button[^>]* label="([^"]+)"/g)].map((m) => m[1])).toEqual(['打开任务窗格', '一键校验']);
  const named = [...new Set([...ribbon.matchAll(/(?:onLoad|onAction|getImage|getLabel|getEnabled|getVisible)="([^"]+)"/g)].map((m) => m[1]))];
  expect(named.sort()).toEqual(['GetImage', 'OnAddinLoad', 'OnOpenPane', 'OnValidate']);
});

test(`every script of dist/wps parses on Chromium ${WPS_CHROMIUM}, and the check would catch newer syntax`, () => {
  const scripts = readdirSync(WPS).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(4);
  for (const f of scripts) expect({ f, newer: newerThan(readFileSync(join(WPS, f), 'utf8'), WPS_CHROMIUM, f === 'pdf.worker.min.js' ? 'module' : 'script') }).toEqual({ f, newer: [] });
  expect(newerThan('x = a?.b ?? c;', WPS_CHROMIUM).sort()).toEqual(['nullish coalescing ?? (Chromium 80)', 'optional chaining ?. (Chromium 80)']);
  expect(newerThan('class A { #x = 1 }', WPS_CHROMIUM)[0]).toMatch(/^not ES2020/);
});

test('the pages load only their own scripts; nothing outside the add-in is addressed', () => {
  for (const page of ['index.html', 'taskpane.html']) {
    const html = readFileSync(join(WPS, page), 'utf8');
    const srcs = scriptSources(html);
    expect(srcs.length).toBeGreaterThan(0);
    for (const s of srcs) expect(existsSync(join(WPS, s))).toBe(true);
    expect(urls(html)).toEqual([]);
  }
});

test('jsplugins.xml and publish.html point at the add-in’s address only (and publish.html at the clerk’s own WPS)', () => {
  const xml = readFileSync(join(WPS, 'jsplugins.xml'), 'utf8');
  expect(xml).toContain(`<jsplugin name="${NAME}" type="et" url="${DEV_BASE}${NAME}.7z" version="${VERSION}" enable="true"/>`);
  expect(urls(xml)).toEqual([`${DEV_BASE}${NAME}.7z`]);
  const page = readFileSync(join(WPS, 'publish.html'), 'utf8') + readFileSync(join(WPS, 'publish.js'), 'utf8');
  for (const u of urls(page)) expect(u.startsWith(DEV_BASE) || u.startsWith(WPS_SERVICE) || u.startsWith('ksoWPSCloudSvr://')).toBe(true);
  expect(page).toContain(`&quot;url&quot;:&quot;${DEV_BASE}&quot;`);
  expect(newerThan(readFileSync(join(WPS, 'publish.js'), 'utf8'), 30)).toEqual([]);
});

test('ADDIN_URL rewrites every address of the install files', () => {
  const out = mkdtempSync(join(tmpdir(), 'nianbao-wps-install-'));
  writeFileSync(join(out, 'ribbon.xml'), '<customUI/>');
  const base = 'https://内网服务器.gov.cn/nianbao/wps/';
  writeInstallFiles(out, { baseUrl: base, version: VERSION, publishDir: join(ROOT, 'wps') });
  const all = ['jsplugins.xml', 'publish.html'].map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
  const found = urls(all);
  expect(found).toEqual(expect.arrayContaining([`${base}${NAME}.7z`]));
  for (const u of found) expect(u.startsWith(base) || u.startsWith(WPS_SERVICE)).toBe(true);
  expect(all).not.toContain('localhost:3000');
});

test('the offline package is a 7z that 7-Zip reads, holding exactly the add-in’s files under nianbao_<version>/', () => {
  const pkg = join(WPS, `${NAME}.7z`);
  expect(readFileSync(pkg).subarray(0, 2).toString('latin1')).toBe('7z');
  expect(execFileSync('7zz', ['t', pkg], { encoding: 'utf8' })).toMatch(/Everything is Ok/);
  const out = mkdtempSync(join(tmpdir(), 'nianbao-wps-7z-'));
  execFileSync('7zz', ['x', `-o${out}`, pkg], { stdio: 'pipe' });
  const top = `${NAME}_${VERSION}`;
  expect(readdirSync(out)).toEqual([top]);
  const built = files(WPS)
    .filter((f) => !GENERATED.includes(f))
    .sort();
  expect(files(join(out, top)).sort()).toEqual(built);
  for (const f of ['ribbon.xml', 'index.html', 'taskpane.html']) expect(readFileSync(join(out, top, f))).toEqual(readFileSync(join(WPS, f)));
});
