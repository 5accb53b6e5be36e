/**
 * The WPS add-in's build (dist/wps): the ribbon callbacks' page (index.html, which WPS opens
 * at start), the task pane, ribbon.xml, and the install files (scripts/wps/package.js).
 * Compiled for the oldest Chromium the WPS builds in use embed (README: WPS 的版本).
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DefinePlugin } = require('webpack');
const { WpsPackagePlugin } = require('./package');

/**
 * Chromium 64: the oldest engine our code runs on (the core's regular expressions use
 * lookbehind and named groups, which no compiler can lower). Syntax is lowered to it and the
 * library methods it lacks are polyfilled; README (WPS 的版本) says which WPS this means.
 */
const WPS_CHROMIUM = 64;
const TARGETS = `chrome ${WPS_CHROMIUM}`;
const ROOT = path.resolve(__dirname, '../..');
const POLYFILLS = path.join(ROOT, 'src/taskpane/wps-polyfills.ts');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

const COREJS = require(path.join(ROOT, 'node_modules/core-js/package.json')).version;

/** Our code: lowered to the target, `import 'core-js/stable'` narrowed to what the target lacks. Libraries: lowered only. */
function swc(syntax) {
  const parser = syntax === 'ts' ? { syntax: 'typescript', tsx: true } : { syntax: 'ecmascript' };
  const env = syntax === 'ts' ? { targets: TARGETS, mode: 'entry', coreJs: COREJS } : { targets: TARGETS };
  return { loader: 'swc-loader', options: { jsc: { parser, transform: { react: { runtime: 'automatic' } } }, env } };
}

function wpsConfig(argv, { baseUrl }) {
  const dev = argv.mode !== 'production';
  const version = require(path.join(ROOT, 'package.json')).version;
  const page = (filename, chunks, title) => new HtmlWebpackPlugin({ filename, chunks, template: path.join(ROOT, 'src/taskpane/page.html'), title, templateParameters: { csp: CSP, officeJs: '' } });
  return {
    name: 'wps',
    devtool: dev ? 'cheap-module-source-map' : false,
    target: ['web', 'es2018'],
    entry: {
      'wps-ribbon': [POLYFILLS, path.join(ROOT, 'src/commands/wps-commands.ts')],
      'wps-pane': [POLYFILLS, path.join(ROOT, 'src/taskpane/wps.tsx')],
    },
    output: { path: path.join(ROOT, 'dist/wps'), filename: '[name].[contenthash:8].js', clean: true },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      alias: { exceljs$: path.join(ROOT, 'node_modules/exceljs/dist/exceljs.min.js') },
    },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: swc('ts') },
        // Libraries ship newer syntax than old WPS parses: lowered to the same target.
        { test: /\.m?js$/, include: /node_modules/, exclude: /node_modules[\\/]core-js/, use: swc('js') },
      ],
    },
    performance: { hints: false },
    plugins: [
      new DefinePlugin({ 'import.meta.url': JSON.stringify('file:///nianbao/bundle.js') }),
      page('index.html', ['wps-ribbon'], '年报助手'),
      page('taskpane.html', ['wps-pane'], '年报助手'),
      new CopyWebpackPlugin({
        patterns: [
          { from: path.join(ROOT, 'wps/ribbon.xml'), to: 'ribbon.xml' },
          { from: path.join(ROOT, 'assets/*.png'), to: 'assets/[name][ext]' },
          { from: path.join(ROOT, 'src/taskpane/help.html'), to: 'help.html' },
          {
            from: path.join(ROOT, 'node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs'),
            to: 'pdf.worker.min.js',
            info: { minimized: true },
            // PDF.js's worker is copied, not bundled: lowered here to the same target.
            transform: (content) =>
              require('@swc/core').transformSync(content.toString(), {
                jsc: { parser: { syntax: 'ecmascript' }, minify: { compress: false, mangle: false } },
                env: { targets: TARGETS },
                isModule: true,
                minify: true,
              }).code,
          },
          { from: path.join(ROOT, 'node_modules/pdfjs-dist/cmaps/*.bcmap'), to: 'pdf-cmaps/[name][ext]', info: { minimized: true } },
        ],
      }),
      new WpsPackagePlugin({ baseUrl: `${baseUrl}wps/`, version, publishDir: path.join(ROOT, 'wps') }),
    ],
  };
}

module.exports = { wpsConfig, WPS_CHROMIUM };
