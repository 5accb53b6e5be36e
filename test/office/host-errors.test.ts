/**
 * The Office adapter's failures: Excel's refusals become UserErrors that keep Excel's error
 * (code and debugInfo) as their cause; a bug in our own code stays the bug it is.
 */
import { generateTemplate } from '../../src/app/generate';
import { validateSheets } from '../../src/app/validate-sheets';
import { failureMessage } from '../../src/app/failure';
import { UserError } from '../../src/model/user-error';
import { fromHost, hostMessage } from '../../src/ports/office/errors';
import { FLOOR } from '../../src/ports/office/capabilities';
import { OfficeWorkbookPort } from '../../src/ports/office/office-workbook';
import { ExcelError } from './fake-excel';
import { officeHost, workbookOfReports } from './helpers';

test('a known code: the Chinese message, Excel’s error as the cause', async () => {
  const { excel, port } = officeHost();
  excel.cellEditMode = true;
  const e = await generateTemplate(port, { office: '戊局', year: 2023 }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(UserError);
  expect((e as UserError).message).toBe('Excel 正在编辑单元格。请先按 Enter 或 Esc 结束编辑，再重试。');
  expect((e as UserError).code).toBe('InvalidOperationInCellEditMode');
  const cause = (e as UserError).cause as ExcelError;
  expect(cause).toBeInstanceOf(ExcelError);
  expect(cause.debugInfo).toMatchObject({ code: 'InvalidOperationInCellEditMode' });
});

test('a sheet deleted meanwhile: ItemNotFound in words', async () => {
  const { port } = officeHost();
  await expect(validateSheets(port, { sheets: ['已删除的表'] })).rejects.toMatchObject({ name: 'UserError', code: 'ItemNotFound', message: hostMessage({ code: 'ItemNotFound' }) });
});

test('an unknown code still names the code and keeps the cause', () => {
  const original = new ExcelError('FilteredRangeConflict', 'conflict');
  const e = fromHost(original) as UserError;
  expect(e).toBeInstanceOf(UserError);
  expect(e.message).toContain('FilteredRangeConflict');
  expect(e.cause).toBe(original);
});

test('a failed write says it was undone, keeping the chain down to Excel’s error', async () => {
  const { excel, port } = await workbookOfReports(2);
  // The first sync reads the sheet names; the second writes.
  excel.failAtSync = excel.syncs + 2;
  const e = (await generateTemplate(port, { office: '己局', year: 2023 }).catch((x: unknown) => x)) as UserError;
  expect(e).toBeInstanceOf(UserError);
  expect(e.message).toMatch(/^写入没有完成，已撤销，工作簿保持原样。Excel 内部出错/);
  expect(e.code).toBe('GeneralException');
  expect(((e.cause as UserError).cause as ExcelError).message).toBe('simulated failure');
});

describe('programming errors are not dressed up', () => {
  test('a TypeError inside a batch comes out as itself', async () => {
    const port = new OfficeWorkbookPort(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'items')");
    }, FLOOR);
    const e = await port.sheetNames().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TypeError);
    expect(e).not.toBeInstanceOf(UserError);
  });

  test('Excel’s codes for misuse of the API (a property read before load) are bugs too', () => {
    const e = new ExcelError('PropertyNotLoaded', "The property 'name' is not available.");
    expect(fromHost(e)).toBe(e);
  });

  test('a bug in a write is not reported as an undone write', async () => {
    let calls = 0;
    const { excel } = officeHost();
    const port = new OfficeWorkbookPort((batch) => {
      if (++calls === 1) throw new RangeError('Invalid array length');
      return excel.run(batch);
    }, FLOOR);
    const e = await port.writeSheets([]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RangeError);
  });

  test('a face shows a bug as one, and logs it with its stack', () => {
    const logged: unknown[] = [];
    const bug = new TypeError('x is not a function');
    const text = failureMessage(bug, (...what) => logged.push(...what));
    expect(text).toBe('程序内部错误，请将以下信息发给维护人员：TypeError: x is not a function');
    expect(logged).toEqual([bug]);
    expect(failureMessage(new UserError('请填写填报单位名称。'), (...what) => logged.push(...what))).toBe('请填写填报单位名称。');
    expect(logged).toHaveLength(1);
  });
});
