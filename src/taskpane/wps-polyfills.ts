/** The WPS bundles' polyfills: the build keeps only those the target Chromium lacks (scripts/wps/webpack.js). */
import 'core-js/stable';
