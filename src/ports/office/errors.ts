/**
 * Excel's errors, in words a clerk can act on. An Excel refusal becomes a UserError that keeps
 * the original (its code and debugInfo) as its cause; anything else, our own bugs included,
 * is left as it is so that it shows as a programming error.
 */
import { UserError } from '../../model/user-error';

const BY_CODE: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel 正在编辑单元格。请先按 Enter 或 Esc 结束编辑，再重试。',
  ItemAlreadyExists: '已有同名的工作表。请换一个名称。',
  ItemNotFound: '找不到该工作表，可能已被删除或改名。请刷新后重试。',
  AccessDenied: '工作表或工作簿受保护，无法写入。请先撤销保护（审阅 → 撤销工作表保护），再重试。',
  RequestPayloadSizeLimitExceeded: '一次写入的数据过多。请分批处理，或减少选中的工作表。',
  ResponsePayloadSizeLimitExceeded: '一次读取的数据过多。请减少工作表的数量后重试。',
  GeneralException: 'Excel 内部出错，操作未完成。请保存工作簿后重试。',
  ActivityLimitReached: 'Excel 暂时忙不过来。请稍等片刻再重试。',
  RequestAborted: '操作被 Excel 中止。请重试。',
  ApiNotFound: '此版本的 Excel 不支持该操作。请更新 Office，或改用网页版。',
};

/** Codes that mean our own code misused the API: they are bugs, not something the clerk can fix. */
const BUG_CODES = new Set(['PropertyNotLoaded', 'ValueNotLoaded', 'InvalidObjectPath', 'InvalidRequestContext', 'RunMustReturnPromise']);

export interface OfficeErrorLike {
  code: string;
  message: string;
  debugInfo?: unknown;
}

/** An OfficeExtension.Error (or one shaped like it): Excel's own report of a failed request. */
function isOfficeError(e: unknown): e is OfficeErrorLike {
  if (typeof OfficeExtension !== 'undefined' && e instanceof OfficeExtension.Error) return true;
  const x = e as Partial<OfficeErrorLike> | null;
  return !!x && typeof x === 'object' && typeof x.code === 'string' && typeof x.debugInfo === 'object' && x.debugInfo !== null;
}

export function hostMessage(e: unknown): string {
  const code = (e as { code?: string })?.code;
  if (code && BY_CODE[code]) return BY_CODE[code];
  return `Excel 操作未完成（${code ?? '未知原因'}）。工作簿未被改动的部分保持原样，请重试；如反复出现，请保存并重新打开工作簿。`;
}

/** What a failed Excel.run becomes: a UserError for Excel's refusals, the error itself for anything else. */
export function fromHost(e: unknown): unknown {
  if (e instanceof UserError) return e;
  if (!isOfficeError(e) || BUG_CODES.has(e.code)) return e;
  return new UserError(hostMessage(e), { cause: e, code: e.code });
}
