#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'nianbao.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('命令行程序尚未构建，请在项目目录运行 npm ci（或 npm run build:cli）。\n');
  process.exit(2);
}
// Output piped into a command that stops reading (nianbao --help | head) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
// The command is an ES module (split in chunks, dist/cli/package.json says so).
import(require('url').pathToFileURL(entry).href)
  .then(({ run }) =>
    run(process.argv.slice(2), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    }),
  )
  .then((code) => {
    process.exitCode = code;
  });
