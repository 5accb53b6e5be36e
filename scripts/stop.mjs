// `npm run stop`: asks the server this project started on this machine to stop itself: the web
// page's (`npm start`, http) or the dev server (`npm run dev-server`, https), whichever is running.
import { request as httpRequest } from 'http';
import { request as httpsRequest } from 'https';

const port = Number(process.env.PORT || 3000);

/** POSTs the stop request; resolves to the HTTP status, or to the error's code. */
function ask(secure) {
  const request = secure ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    // The dev server's certificate may be the throwaway one (see webpack.config.js); this request goes to this machine only.
    const req = request({ host: 'localhost', port, path: '/__nianbao/stop', method: 'POST', headers: { 'X-Nianbao-Stop': '1' }, rejectUnauthorized: false, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('五秒内没有响应'), { code: 'TIMEOUT' })));
    req.on('error', (e) => resolve(e.code ?? e.message));
    req.end();
  });
}

const plain = await ask(false);
// An https server answers plain http with 400 or drops it: then ask it over https.
const status = plain === 200 || plain === 'ECONNREFUSED' ? plain : await ask(true);
const where = `localhost:${port}`;
if (status === 200) console.log(`已停止 ${where} 上的年报助手服务器。Excel 中旁加载的加载项不受影响，再次运行 npm start 或 npm run dev-server 即可继续使用。`);
else if (status === 'ECONNREFUSED') console.log(`${where} 上没有正在运行的服务器。`);
else {
  console.error(typeof status === 'number' ? `${where} 上运行的不是年报助手的服务器（HTTP ${status}），未停止任何程序。` : `未能停止 ${where} 上的服务器：${status}`);
  process.exitCode = 1;
}
