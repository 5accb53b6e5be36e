/**
 * After the WPS build: the files that install the add-in. Everything points at the add-in's
 * address on the intranet (ADDIN_URL + 'wps/'), nothing elsewhere.
 * - nianbao.7z: the packaged add-in, its files under nianbao_<version>/, as WPS unpacks an
 *   offline add-in into its jsaddons folder;
 * - jsplugins.xml: the add-in list WPS reads (jsaddons/ or oem.ini's JSPluginsServer), naming
 *   the package;
 * - publish.html (+ publish.js): the install page, which asks the clerk's WPS (its local
 *   service on 127.0.0.1:58890) to load the add-in from the intranet.
 */
const fs = require('fs');
const path = require('path');
const { sevenZip } = require('./seven-zip');

const NAME = 'nianbao';
/** WPS's word for a spreadsheet (ET) add-in. */
const TYPE = 'et';
const GENERATED = ['jsplugins.xml', 'publish.html', 'publish.js', `${NAME}.7z`];

const xmlAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function jspluginsXml(baseUrl, version) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="${NAME}" type="${TYPE}" url="${xmlAttr(`${baseUrl}${NAME}.7z`)}" version="${xmlAttr(version)}" enable="true"/>\n</jsplugins>\n`;
}

function filesUnder(dir, rel = '') {
  const out = [];
  for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (!rel && GENERATED.includes(name)) continue;
    if (fs.statSync(path.join(dir, r)).isDirectory()) out.push({ path: r, dir: true }, ...filesUnder(dir, r));
    else out.push({ path: r, data: fs.readFileSync(path.join(dir, r)) });
  }
  return out;
}

/** Writes the package, jsplugins.xml and publish.html into `out`, beside the add-in's files. */
function writeInstallFiles(out, { baseUrl, version, publishDir }) {
  const top = `${NAME}_${version}`;
  const entries = [{ path: top, dir: true }, ...filesUnder(out).map((e) => ({ ...e, path: `${top}/${e.path}` }))];
  fs.writeFileSync(path.join(out, `${NAME}.7z`), sevenZip(entries));
  fs.writeFileSync(path.join(out, 'jsplugins.xml'), jspluginsXml(baseUrl, version));
  const addon = { name: NAME, addonType: TYPE, online: 'true', url: baseUrl, version };
  const page = fs.readFileSync(path.join(publishDir, 'publish.html'), 'utf8').replace('__ADDON__', xmlAttr(JSON.stringify(addon)));
  fs.writeFileSync(path.join(out, 'publish.html'), page);
  fs.copyFileSync(path.join(publishDir, 'publish.js'), path.join(out, 'publish.js'));
}

class WpsPackagePlugin {
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap('WpsPackagePlugin', (compilation) => writeInstallFiles(compilation.outputOptions.path, this.options));
  }
}

module.exports = { WpsPackagePlugin, writeInstallFiles, NAME, GENERATED };
