/* Builds the task pane (add-in), the web page, the ribbon function file and the manifest. */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DefinePlugin } = require('webpack');
const { BUNDLED_ASSETS } = require('./scripts/bundled-assets');
const { targetRules, WEB_CHROMIUM } = require('./scripts/browser-target');
const { PortablePlugin } = require('./scripts/portable');
/** What the oldest browsers lack, first in every page. */
const POLYFILLS = './src/taskpane/browser-polyfills.ts';
const { wpsConfig } = require('./scripts/wps/webpack');

const DEV_URL = 'https://localhost:3000/';
// The production URL is set at build time, e.g. ADDIN_URL=https://intranet.example/nianbao npm run build
const PROD_URL = (process.env.ADDIN_URL || DEV_URL).replace(/\/?$/, '/');
// OFFICE_JS=local serves office.js from the add-in's own folder, for intranets that cannot reach Microsoft's CDN.
const LOCAL_OFFICE = process.env.OFFICE_JS === 'local';
const OFFICE_JS = LOCAL_OFFICE ? 'office/office.js' : 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_DIST = 'node_modules/@microsoft/office-js/dist';
// Shared with scripts/stop.mjs.
const STOP_PATH = '/__nianbao/stop';
const STOP_HEADER = 'X-Nianbao-Stop';

function csp(withOffice) {
  const office = withOffice && !LOCAL_OFFICE ? ' https://appsforoffice.microsoft.com' : '';
  // Fluent UI injects its styles at run time, hence 'unsafe-inline' for styles only; no inline script anywhere.
  // PDF.js's worker starts from code the page holds (a blob: URL), so it runs from file:// too.
  return `default-src 'self'; script-src 'self'${office}; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'${office}; object-src 'none'; base-uri 'self'; form-action 'none'`;
}

/**
 * The dev server's https. Excel loads a pane only over a certificate it trusts: office-addin-dev-certs' own,
 * made and trusted once with `npx office-addin-dev-certs install`. Without it the server still starts, on a
 * throwaway certificate, and says why Excel will refuse it. Nothing is installed from here (that asks for sudo).
 */
async function devHttps() {
  const fallback = (why) => {
    console.warn(`【年报助手】${why}开发服务器改用临时的自签名证书，Excel 不会信任它；网页版仍可在浏览器中确认安全警告后使用。`);
    return 'https';
  };
  let certs;
  try {
    certs = require('office-addin-dev-certs');
  } catch {
    return fallback('未安装 office-addin-dev-certs（请运行 npm install）。');
  }
  try {
    if (!certs.verifyCertificates()) return fallback('本机还没有开发证书：请先运行 npx office-addin-dev-certs install，再重新启动。');
    return { type: 'https', options: await certs.getHttpsServerOptions() };
  } catch (e) {
    return fallback(`未能读取本机开发证书（${String(e && e.message).split('\n')[0]}）。`);
  }
}

function config(argv) {
  const dev = argv.mode !== 'production';
  const page = (filename, chunks, title, withOffice) =>
    new HtmlWebpackPlugin({
      filename,
      chunks,
      template: './src/taskpane/page.html',
      title,
      templateParameters: { csp: csp(withOffice), officeJs: withOffice ? OFFICE_JS : '' },
    });
  return {
    devtool: dev ? 'eval-cheap-module-source-map' : false,
    // webpack's own runtime in syntax the oldest target parses.
    target: ['web', 'es2018'],
    entry: {
      addin: [POLYFILLS, './src/taskpane/addin.tsx'],
      web: [POLYFILLS, './src/taskpane/web.tsx'],
      commands: [POLYFILLS, './src/commands/commands.ts'],
      dialog: [POLYFILLS, './src/commands/dialog.ts'],
    },
    output: { path: path.resolve(__dirname, 'dist/web'), filename: '[name].[contenthash:8].js', clean: true },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // exceljs ships a self-contained browser build.
      alias: { exceljs$: path.resolve(__dirname, 'node_modules/exceljs/dist/exceljs.min.js') },
    },
    module: {
      rules: [...BUNDLED_ASSETS, ...targetRules(WEB_CHROMIUM)],
    },
    performance: { hints: false },
    plugins: [
      // Bundled libraries (PDF.js) take import.meta.url only on Node paths; webpack would write the build machine's path there.
      new DefinePlugin({ 'import.meta.url': JSON.stringify('file:///nianbao/bundle.js') }),
      // dist/portable: the web page as a folder a clerk opens from disk.
      new PortablePlugin({
        entry: 'web',
        page: 'index.html',
        extra: ['web-help.html', 'help.html', 'web-help/*.png', 'assets/icon-32.png'],
        out: path.resolve(__dirname, 'dist/portable'),
      }),
      page('taskpane.html', ['addin'], '年报助手', true),
      page('index.html', ['web'], '政府信息公开年报助手（网页版）', false),
      page('commands.html', ['commands'], '年报助手', true),
      page('dialog.html', ['dialog'], '年报助手', true),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          // The web page's own help, with screenshots taken by its browser test.
          { from: 'src/taskpane/web-help.html', to: 'web-help.html' },
          { from: 'assets/web-help/*.png', to: 'web-help/[name][ext]', noErrorOnMissing: true },
          // office.js loads its Excel host script and its strings from beside itself; debug builds and other hosts stay out.
          ...(LOCAL_OFFICE
            ? [
                {
                  from: OFFICE_DIST,
                  to: 'office',
                  filter: (f) => /[\\/](office|o15apptofilemappingtable|excel[^\\/]*)\.js$/.test(f) && !f.endsWith('.debug.js'),
                  // Microsoft's files as published: not minified again.
                  info: { minimized: true },
                },
                { from: `${OFFICE_DIST}/*-*/office_strings.js`, to: ({ absoluteFilename }) => `office/${path.basename(path.dirname(absoluteFilename))}/office_strings.js`, info: { minimized: true } },
              ]
            : []),
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(PROD_URL).split('https://localhost:3000').join(PROD_URL.replace(/\/$/, ''))),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist/web') },
      port: 3000,
      // This machine only: the pane and the web page are served to Excel and a browser here.
      host: 'localhost',
      server: 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
      // `npm run stop` asks the server to stop itself; the header keeps a web page from asking.
      setupMiddlewares: (middlewares, devServer) => {
        devServer.app.post(STOP_PATH, (req, res) => {
          if (req.get(STOP_HEADER) !== '1') return res.status(403).end();
          res.end('stopping');
          devServer.stop().then(() => process.exit(0));
        });
        return middlewares;
      },
    },
  };
}

// A build stays synchronous; only `webpack serve` waits for the certificates.
module.exports = (env, argv) => {
  const c = config(argv);
  // The WPS add-in (dist/wps) is built beside the web files; the dev server serves the web files only.
  if (!env.WEBPACK_SERVE) return [c, wpsConfig(argv, { baseUrl: PROD_URL })];
  return devHttps().then((server) => ({ ...c, devServer: { ...c.devServer, server } }));
};
