/** Excel's errors, in words a clerk can act on. */
const BY_CODE: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel 正在编辑单元格。请先按 Enter 或 Esc 结束编辑，再重试。',
  ItemAlreadyExists: '已有同名的工作表。请换一个名称。',
  ItemNotFound: '找不到该工作表，可能已被删除或改名。请刷新后重试。',
  AccessDenied: '工作表或工作簿受保护，无法写入。请先撤销保护（审阅 → 撤销工作表保护），再重试。',
  RequestPayloadSizeLimitExceeded: '一次写入的数据过多。请分批处理，或减少选中的工作表。',
  GeneralException: 'Excel 内部出错，操作未完成。请保存工作簿后重试。',
};

export function hostMessage(e: unknown): string {
  const code = (e as { code?: string })?.code;
  if (code && BY_CODE[code]) return BY_CODE[code];
  return `Excel 操作未完成（${code ?? '未知原因'}）。工作簿未被改动的部分保持原样，请重试；如反复出现，请保存并重新打开工作簿。`;
}
