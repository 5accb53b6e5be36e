/**
 * Compiling for the oldest browsers the clerks have: syntax lowered to a Chromium version, and the
 * library methods it lacks polyfilled from core-js where our code or a library uses them.
 * README (浏览器版本) says which browsers each target means.
 */
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const COREJS = require(path.join(ROOT, 'node_modules/core-js/package.json')).version;

/** The web page and the Excel pane: 奇安信可信浏览器 on 信创 Linux starts at Chromium 69, the oldest in the field (README). */
const WEB_CHROMIUM = 69;

/** swc-loader rules for our code and the libraries, lowered to `chromium`. */
function targetRules(chromium) {
  const targets = `chrome ${chromium}`;
  const options = (syntax) => ({
    jsc: { parser: syntax === 'ts' ? { syntax: 'typescript', tsx: true } : { syntax: 'ecmascript' }, transform: { react: { runtime: 'automatic' } } },
    // Our code gets the polyfills it uses; libraries (some CommonJS) are lowered in syntax only.
    env: syntax === 'ts' ? { targets, mode: 'usage', coreJs: COREJS } : { targets },
  });
  return [
    { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'swc-loader', options: options('ts') } },
    // Libraries ship newer syntax than old Chromium parses: lowered to the same target; core-js itself is left alone.
    { test: /\.m?js$/, include: /node_modules/, exclude: /node_modules[\\/]core-js/, use: { loader: 'swc-loader', options: options('js') } },
  ];
}

module.exports = { WEB_CHROMIUM, targetRules };
