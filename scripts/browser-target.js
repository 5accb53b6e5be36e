/**
 * Compiling for the oldest browsers the clerks have: syntax lowered to a Chromium version (our code
 * and the libraries); the few methods it lacks are polyfilled by each page's first module
 * (src/taskpane/browser-polyfills.ts).
 * README (浏览器版本) says which browsers each target means.
 */

/** The web page and the Excel pane: 奇安信可信浏览器 on 信创 Linux starts at Chromium 69, the oldest in the field (README). */
const WEB_CHROMIUM = 69;

/** swc-loader rules for our code and the libraries, lowered to `chromium`. */
function targetRules(chromium) {
  const targets = `chrome ${chromium}`;
  const options = (syntax) => ({
    jsc: { parser: syntax === 'ts' ? { syntax: 'typescript', tsx: true } : { syntax: 'ecmascript' }, transform: { react: { runtime: 'automatic' } } },
    // Syntax only: the few methods Chromium 69 lacks come from src/taskpane/browser-polyfills.ts.
    env: { targets },
  });
  return [
    { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'swc-loader', options: options('ts') } },
    // Libraries ship newer syntax than old Chromium parses: lowered to the same target; core-js itself is left alone.
    { test: /\.m?js$/, include: /node_modules/, exclude: /node_modules[\\/]core-js/, use: { loader: 'swc-loader', options: options('js') } },
  ];
}

module.exports = { WEB_CHROMIUM, targetRules };
