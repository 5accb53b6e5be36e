/**
 * What Chromium 69 (the oldest browser the web page runs in, scripts/browser-target.js) lacks of
 * what our code calls: Object.fromEntries, String.prototype.matchAll and globalThis (Chromium 71–73).
 * Listed by hand: a polyfill for everything the code mentions costs the ribbon command a third of its budget.
 */
import 'core-js/es/object/from-entries';
import 'core-js/es/string/match-all';
import 'core-js/es/global-this';
