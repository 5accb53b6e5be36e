/** Failures in words a clerk can act on, shared by the pane, the web page and the ribbon command. */
import { UserError } from '../model/user-error';

const INTERNAL_ERROR = '程序内部错误，请将以下信息发给维护人员：';

/** A UserError's own words; anything else is a bug, logged and said to be one. `log` receives a bug with its stack (the browser's or the terminal's console). */
export function failureMessage(e: unknown, log: (...what: unknown[]) => void = console.error): string {
  // A refusal (a limit, a damaged file, Excel saying no) says what happened; it is not unexpected.
  if (e instanceof UserError) return e.message;
  // A script loaded on demand (a file reader, the Word writer) did not arrive: the network, or a newer build on the server.
  if ((e as Error)?.name === 'ChunkLoadError') return '读取或生成文件所需的程序未能加载（网络中断，或服务器上的版本已更新）。请刷新页面后重试；工作簿未被改动。';
  log(e);
  // A bug is not guessed at: it is shown as one, for the clerk to pass on.
  return `${INTERNAL_ERROR}${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
}
