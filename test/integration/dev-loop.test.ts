/**
 * The developer loop a `yo office` user expects: `npm start` serves the web page and `npm run stop`
 * stops it (as it stops the dev server); a page cannot stop it; stop says when nothing runs.
 */
import { spawn, spawnSync } from 'child_process';
import { createServer } from 'net';
import { join } from 'path';
import { ROOT } from '../helpers/cli';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const stop = (port: number) => spawnSync(process.execPath, [join(ROOT, 'scripts', 'stop.mjs')], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, encoding: 'utf8' });

test('npm run stop stops the web page server that npm start runs, and only on request', async () => {
  const port = await freePort();
  const server = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs')], { cwd: ROOT, env: { ...process.env, PORT: String(port) } });
  const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
  await new Promise<void>((resolve) => server.stdout.once('data', () => resolve()));
  // A GET (what a page or a link can send) is refused and the server keeps running.
  expect((await fetch(`http://127.0.0.1:${port}/__nianbao/stop`)).status).toBe(403);
  expect((await fetch(`http://127.0.0.1:${port}/__nianbao/stop`, { method: 'POST' })).status).toBe(403);
  expect((await fetch(`http://127.0.0.1:${port}/index.html`)).status).toBe(200);
  const r = stop(port);
  expect(r.stdout).toContain(`已停止 localhost:${port} 上的年报助手服务器`);
  expect(r.status).toBe(0);
  expect(await exited).toBe(0);
  const again = stop(port);
  expect(again.stdout).toContain('没有正在运行的服务器');
});
