/**
 * The WPS adapter's failures: the host's refusals become UserErrors that say what was being
 * done and keep WPS's error as their cause; a write that fails halfway leaves the workbook as
 * it was; our own bugs stay the bugs they are.
 */
import { generateTemplate } from '../../src/app/generate';
import { validateSheets } from '../../src/app/validate-sheets';
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { failureMessage } from '../../src/app/failure';
import { UserError } from '../../src/model/user-error';
import { fromHost } from '../../src/ports/wps/errors';
import { FULL } from '../../src/ports/wps/capabilities';
import type { EtApplicationLike } from '../../src/ports/wps/et';
import { WpsWorkbookPort } from '../../src/ports/wps/wps-workbook';
import { TEMP_SHEET_PREFIX } from '../../src/ports/workbook-port';
import { EtError, FakeEt } from './fake-et';
import { workbookOfReports, wpsHost } from './helpers';

const names = (et: FakeEt) => et.sheets.map((s) => s.name);

test('a cell being edited: the refusal in words, WPS’s error (with its number) as the cause', async () => {
  const { et, port } = wpsHost();
  et.editMode = true;
  const e = (await generateTemplate(port, { office: '戊局', year: 2023 }).catch((x: unknown) => x)) as UserError;
  expect(e).toBeInstanceOf(UserError);
  expect(e.message).toMatch(/^写入没有完成，已撤销，工作簿保持原样。WPS 表格未能写入工作表：单元格正处于编辑状态/);
  expect(e.code).toBe('WPS1004');
  expect((e.cause as UserError).cause).toBeInstanceOf(EtError);
  expect(names(et)).toEqual(['Sheet1']);
});

test('a write that fails halfway is undone: no half-written sheet, no temporary sheet, the same sheet active, no question asked', async () => {
  const { et, port } = await workbookOfReports(2);
  const before = names(et);
  const active = et.activeSheet;
  // Fail a few hundred calls into writing the new sheet.
  et.failAtCall = et.calls + 200;
  const e = (await generateTemplate(port, { office: '己局', year: 2023 }).catch((x: unknown) => x)) as UserError;
  expect(e).toBeInstanceOf(UserError);
  expect(e.message).toMatch(/^写入没有完成，已撤销，工作簿保持原样。/);
  expect(names(et)).toEqual(before);
  expect(names(et).some((n) => n.startsWith(TEMP_SHEET_PREFIX))).toBe(false);
  expect(et.activeSheet).toBe(active);
  expect(et.prompts).toEqual([]);
  expect([et.displayAlerts, et.screenUpdating]).toEqual([true, true]);
});

test('a consolidation whose write fails leaves the members untouched and adds nothing', async () => {
  const { et, port } = await workbookOfReports(3);
  const members = names(et).filter((n) => n !== 'Sheet1');
  const before = members.map((n) => [...et.sheet(n).cells].map(([a, c]) => [a, c.value, c.formula, c.fill]));
  // Past reading the members, into writing the summary (the whole consolidation takes about 540 calls here).
  et.failAtCall = et.calls + 300;
  const e = await consolidateSheets(port, { members, office: '某县' }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(UserError);
  expect(names(et)).toEqual(['Sheet1', ...members]);
  expect(members.map((n) => [...et.sheet(n).cells].map(([a, c]) => [a, c.value, c.formula, c.fill]))).toEqual(before);
});

test('a sheet deleted meanwhile: ItemNotFound in words', async () => {
  const { port } = wpsHost();
  await expect(validateSheets(port, { sheets: ['已删除的表'] })).rejects.toMatchObject({
    name: 'UserError',
    code: 'ItemNotFound',
    message: '找不到工作表“已删除的表”，可能已被删除或改名。请刷新后重试。',
  });
});

test('no workbook open: said plainly', async () => {
  const et = new FakeEt({ empty: true });
  const port = new WpsWorkbookPort(et.app as unknown as EtApplicationLike, FULL);
  await expect(validateSheets(port, { sheets: 'active' })).rejects.toMatchObject({ code: 'NoWorkbook', message: 'WPS 中没有打开的工作簿。请先打开或新建一个工作簿。' });
  expect(await port.activeSheet()).toBeNull();
});

test('renaming onto a taken name or an invalid one is refused, the sheet keeping its name', async () => {
  const { et, port } = await workbookOfReports(2);
  await expect(port.renameSheet('第1单位2023年报', '第2单位2023年报')).rejects.toMatchObject({ name: 'UserError', code: 'WPS1004' });
  await expect(port.renameSheet('第1单位2023年报', '甲/乙')).rejects.toMatchObject({ code: 'InvalidArgument' });
  expect(names(et)).toEqual(['Sheet1', '第1单位2023年报', '第2单位2023年报']);
});

describe('programming errors are not dressed up', () => {
  test('a TypeError from our side comes out as itself', async () => {
    const port = new WpsWorkbookPort(
      {
        get ActiveWorkbook() {
          throw new TypeError("Cannot read properties of undefined (reading 'Worksheets')");
        },
      } as unknown as EtApplicationLike,
      FULL,
    );
    const e = await port.sheetNames().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TypeError);
  });

  test('fromHost leaves engine errors and UserErrors alone and words everything else', () => {
    const bug = new RangeError('Invalid array length');
    expect(fromHost(bug, '写入')).toBe(bug);
    const mine = new UserError('请填写填报单位名称。');
    expect(fromHost(mine, '写入')).toBe(mine);
    const refusal = fromHost(new EtError(1004, '工作表受保护'), '写入单元格') as UserError;
    expect(refusal.message).toMatch(/^WPS 表格未能写入单元格：工作表受保护。/);
    expect(failureMessage(refusal)).toBe(refusal.message);
  });
});
