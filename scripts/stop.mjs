// `npm run stop`: asks the dev server (`npm run dev-server`) on this machine to stop itself.
import { request } from 'https';

const port = Number(process.env.PORT || 3000);
const where = `https://localhost:${port}/`;

const req = request(
  // The server's certificate may be the throwaway one (see webpack.config.js); this request goes to this machine only.
  { host: 'localhost', port, path: '/__nianbao/stop', method: 'POST', headers: { 'X-Nianbao-Stop': '1' }, rejectUnauthorized: false, timeout: 5000 },
  (res) => {
    res.resume();
    if (res.statusCode === 200) console.log(`已停止开发服务器（${where}）。Excel 中旁加载的加载项不受影响，再次运行 npm run dev-server 即可继续使用。`);
    else {
      console.error(`${where} 上运行的不是年报助手的开发服务器（HTTP ${res.statusCode}），未停止任何程序。`);
      process.exitCode = 1;
    }
  },
);
req.on('timeout', () => req.destroy(new Error('五秒内没有响应')));
req.on('error', (e) => {
  if (e.code === 'ECONNREFUSED') console.log(`开发服务器没有在运行（${where}）。`);
  else {
    console.error(`未能停止开发服务器（${where}）：${e.message}`);
    process.exitCode = 1;
  }
});
req.end();
