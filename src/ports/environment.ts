/**
 * Failures of this browser or machine, not of the file the user gave: memory ran out, a part of
 * the program was blocked or did not load. A clerk told her good file is damaged asks its sender
 * for a new one for nothing: every "damaged" message asks this first.
 */
import { UserError } from '../model/user-error';

/** What a library says when the environment stopped it: a worker refused, a script or module not loaded. */
const BLOCKED =
  /SecurityError|ChunkLoadError|Setting up fake worker|[Ww]orker|dynamically imported module|Loading (?:CSS )?chunk|Failed to fetch|NetworkError|Cannot find (?:module|package)|ERR_MODULE_NOT_FOUND/;
/** …and when memory ran out. */
const NO_MEMORY = /allocation failed|out of memory|Invalid (?:array|typed array|string) length/i;

/**
 * The environment's failure reading `what` (「该 PDF」), in the clerk's words with `advice` on
 * what to do; null when the failure is the file's (or already said).
 */
export function environmentFailure(e: unknown, what: string, advice: string): UserError | null {
  if (e instanceof UserError) return null;
  const err = (e ?? {}) as { name?: string; message?: string };
  const said = `${err.name ?? ''}: ${err.message ?? String(e)}`;
  if (err.name === 'RangeError' || NO_MEMORY.test(said))
    return new UserError(`无法读取${what}：内存不足（${said.slice(0, 80)}），这不是文件的问题。请关闭其他标签页或程序后重试；仍不行时，${advice}`, { cause: e, code: 'environment' });
  if (BLOCKED.test(said)) return new UserError(`无法读取${what}：读取所需的组件没能启动（${said.slice(0, 120)}），这不是文件的问题。${advice}`, { cause: e, code: 'environment' });
  return null;
}

/** Where the environment's failure is memory alone (a library in the page's own bundle): what to try. */
export const MEMORY_ADVICE = '可改用命令行 nianbao 读取，或在内存更大的电脑上打开。';
