// Serves the built web page (dist/web) on this machine only, and says where to open it.
// `npm run stop` stops it, as it stops the dev server: the same path and header (see webpack.config.js).
import { createServer } from 'http';
import { readFile } from 'fs/promises';
import { extname, join, normalize } from 'path';

const root = join(process.cwd(), 'dist', 'web');
const port = Number(process.env.PORT || 3000);
const STOP_PATH = '/__nianbao/stop';
const STOP_HEADER = 'x-nianbao-stop';
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml', '.css': 'text/css' };

export function startServer(p = port, host = '127.0.0.1') {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url || '/', 'http://localhost');
    if (url.pathname === STOP_PATH) {
      // Only `npm run stop` sends the header; a web page cannot without a preflight, which this server refuses.
      if (req.method !== 'POST' || req.headers[STOP_HEADER] !== '1') return res.writeHead(403).end();
      res.end('stopping');
      server.close(() => process.exit(0));
      server.closeAllConnections?.();
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html';
    if (rel.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(join(root, rel));
      res.writeHead(200, { 'Content-Type': types[extname(rel)] || 'application/octet-stream', 'X-Content-Type-Options': 'nosniff' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('未找到');
    }
  });
  return new Promise((resolve) => server.listen(p, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServer();
  const { port: actual } = server.address();
  console.log(`年报助手网页版已启动：请在浏览器中打开 http://localhost:${actual}/`);
  console.log('（按 Ctrl+C 停止。文件只在浏览器中处理，不会上传。）');
}
