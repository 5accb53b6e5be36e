/**
 * The exceljs adapter's refusals are UserErrors in Chinese, and writeSheets is all or nothing:
 * a sheet failing midway leaves the workbook exactly as it was, replaced sheets included.
 */
import { generateTemplate } from '../../src/app/generate';
import { formats } from '../../src/formats';
import { buildSheetPlan, type SheetPlan } from '../../src/layout/sheet-plan';
import { UserError } from '../../src/model/user-error';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';

const format = formats.forYear(2023)!;
const plan = (office: string, name?: string): SheetPlan => buildSheetPlan(format, { office, year: 2023, ...(name ? { name } : {}) });

/** A plan exceljs cannot write: two merges over the same cells fail after the sheet was added. */
function failing(office: string): SheetPlan {
  const p = plan(office);
  return { ...p, merges: [...p.merges, { top: 1, left: 1, bottom: 2, right: 2 }, { top: 2, left: 2, bottom: 3, right: 3 }] };
}

async function snapshot(port: ExceljsWorkbookPort) {
  const sheets = await port.readSheets(await port.sheetNames());
  return { names: await port.sheetNames(), active: await port.activeSheet(), cells: sheets.map((s) => [s.name, [...s.cells]]) };
}

describe('writeSheets is all or nothing', () => {
  test('a later sheet failing leaves no earlier sheet behind', async () => {
    const port = ExceljsWorkbookPort.empty();
    await generateTemplate(port, { office: '甲局', year: 2023 });
    const before = await snapshot(port);
    const run = port.writeSheets([plan('乙局'), plan('丙局'), failing('丁局')], { activate: '乙局' });
    await expect(run).rejects.toThrow(UserError);
    await expect(port.writeSheets([plan('乙局'), failing('丁局')])).rejects.toThrow(/写入没有完成，已撤销，工作簿保持原样/);
    expect(await snapshot(port)).toEqual(before);
  });

  test('sheets it was to replace or remove are back, with their contents and order', async () => {
    const port = ExceljsWorkbookPort.empty();
    await generateTemplate(port, { office: '甲局', year: 2023 });
    await generateTemplate(port, { office: '乙局', year: 2023 });
    await port.setValues('甲局2023年报', { [plan('甲局').addresses['requests.new.natural']]: 7 });
    const before = await snapshot(port);
    const run = port.writeSheets([plan('甲局', '甲局2023年报'), failing('丙局')], { replace: { 甲局2023年报: '甲局2023年报' }, remove: ['乙局2023年报'] });
    await expect(run).rejects.toThrow(UserError);
    expect(await snapshot(port)).toEqual(before);
    // The workbook still saves and reopens whole.
    const again = await ExceljsWorkbookPort.fromBuffer(await port.toBuffer());
    expect(await snapshot(again)).toEqual(before);
  });

  test('the cause of a failed write is kept', async () => {
    const port = ExceljsWorkbookPort.empty();
    const e = await port.writeSheets([failing('丁局')]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).cause).toBeInstanceOf(Error);
    expect((e as UserError).cause).not.toBeInstanceOf(UserError);
  });
});

describe('refusals are UserErrors in Chinese', () => {
  test('a sheet name already taken', async () => {
    const port = ExceljsWorkbookPort.empty();
    await port.writeSheet(plan('甲局'));
    const e = await port.writeSheet(plan('甲局')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect(e).toMatchObject({ message: '已有名为“甲局2023年报”的工作表。请换一个名称。', code: 'ItemAlreadyExists' });
    await expect(port.renameSheet('甲局2023年报', '甲局2023年报')).rejects.toThrow(UserError);
  });

  test('a sheet that is not there', async () => {
    const port = ExceljsWorkbookPort.empty();
    for (const run of [port.readSheets(['无此表']), port.setValues('无此表', { A1: 1 }), port.select('无此表', ['A1']), port.renameSheet('无此表', '新名')])
      await expect(run).rejects.toMatchObject({ name: 'UserError', message: '找不到工作表“无此表”，可能已被删除或改名。请刷新后重试。' });
  });

  test('a name Excel forbids', async () => {
    const port = ExceljsWorkbookPort.empty();
    await port.writeSheet(plan('甲局'));
    await expect(port.renameSheet('甲局2023年报', '甲/乙')).rejects.toThrow(/工作表不能命名为“甲\/乙”/);
    await expect(port.writeSheet(plan('甲局', '第[1]表'))).rejects.toThrow(UserError);
    expect(await port.sheetNames()).toEqual(['甲局2023年报']);
  });

  test('bytes that are not a workbook', async () => {
    const e = await ExceljsWorkbookPort.fromBuffer(new TextEncoder().encode('这不是工作簿')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).message).toMatch(/^无法打开该 Excel 文件/);
    expect((e as UserError).cause).toBeInstanceOf(Error);
  });
});
