/**
 * `node scripts/run-ts.mjs test/helpers/read-document.ts FILE`: prints the document read from FILE
 * as JSON. Tests of PDF input run it in its own process: PDF.js is an ES module jest cannot load.
 */
import { readFileSync } from 'fs';
import { basename } from 'path';
import { formats } from '../../src/formats';
import { readReportsAndText } from './read-file';

const file = process.argv[2];
readReportsAndText(basename(file), readFileSync(file), formats).then(
  (r) => process.stdout.write(JSON.stringify({ reports: r.reports.length, document: r.document })),
  (e: Error) => {
    process.stderr.write(e.message);
    process.exitCode = 1;
  },
);
