/**
 * WPS's refusals in words a clerk can act on. The host raises an Error from inside a call
 * (with a COM-style error number where the bridge gives one); the engine's own errors
 * (TypeError and kin) are our bugs and stay as they are, to show as programming errors.
 */
import { UserError } from '../../model/user-error';

const ENGINE_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];

function isHostRefusal(e: unknown): e is Error {
  return e instanceof Error && !(e instanceof UserError) && !ENGINE_ERRORS.some((c) => e instanceof c);
}

/** What a failed WPS call becomes: a UserError naming what was being done, the host's error as its cause. */
export function fromHost(e: unknown, doing: string): unknown {
  if (!isHostRefusal(e)) return e;
  const number = (e as { number?: unknown }).number;
  const code = typeof number === 'number' ? `WPS${number}` : 'WpsRefused';
  return new UserError(`WPS 表格未能${doing}：${e.message || '未说明原因'}。请确认没有单元格正在编辑、工作表未受保护，然后重试。`, { cause: e, code });
}
