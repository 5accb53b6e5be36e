/**
 * The fake WPS host behaves as the ET object model does: the tests of the adapter mean
 * something only if the fake refuses what WPS refuses and counts what crosses into it.
 */
import { CELL_ERROR_CODES, EtError, FakeEt, WHITE_BGR, XL, bgr, rgbHex } from './fake-et';

/** The host's objects, loosely typed as a script in WPS sees them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Host = any;
const appOf = (et: FakeEt): Host => et.app;

function thrown(f: () => unknown): EtError {
  try {
    f();
  } catch (e) {
    if (e instanceof EtError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('collections', () => {
  test('Worksheets are 1-based: Item(1) is the first sheet, Item(0) and a missing name throw 下标越界', () => {
    const et = new FakeEt();
    const sheets = appOf(et).ActiveWorkbook.Worksheets;
    expect(sheets.Count).toBe(1);
    expect(sheets.Item(1).Name).toBe('Sheet1');
    expect(thrown(() => sheets.Item(0)).number).toBe(9);
    expect(thrown(() => sheets.Item(2)).number).toBe(9);
    expect(thrown(() => sheets.Item('没有这张表')).number).toBe(9);
    expect(sheets.Item('sheet1').Name).toBe('Sheet1');
  });

  test('Add puts a new sheet after the one given and makes it active', () => {
    const et = new FakeEt();
    const app = appOf(et);
    const sheets = app.ActiveWorkbook.Worksheets;
    const added = sheets.Add(undefined, sheets.Item(1));
    expect(added.Name).toBe('Sheet2');
    expect(et.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Sheet2']);
    expect(app.ActiveSheet.Name).toBe('Sheet2');
  });

  test('with no workbook open, ActiveWorkbook and ActiveSheet are null', () => {
    const app = appOf(new FakeEt({ empty: true }));
    expect(app.ActiveWorkbook).toBeNull();
    expect(app.ActiveSheet).toBeNull();
  });
});

describe('values', () => {
  test('Value2 of a multi-cell range is a 2-D array of rows, of one cell a scalar; empty is undefined', () => {
    const et = new FakeEt();
    const ws = appOf(et).ActiveSheet;
    ws.Range('A1:C2').Value2 = [
      [1, '甲', true],
      [2.5, '', null],
    ];
    expect(ws.Range('A1:C2').Value2).toEqual([
      [1, '甲', true],
      [2.5, undefined, undefined],
    ]);
    expect(ws.Range('B1').Value2).toBe('甲');
    expect(ws.Range('B2').Value2).toBeUndefined();
  });

  test('assignment is typed input: = starts a formula, an apostrophe keeps text, numeric text becomes a number', () => {
    const et = new FakeEt();
    const ws = appOf(et).ActiveSheet;
    ws.Range('A1:D1').Formula = [['3', "'=1+1", '=A1*2', '12件']];
    expect(ws.Range('A1:D1').Value2).toEqual([[3, '=1+1', 6, '12件']]);
    expect(ws.Range('A1:D1').Formula).toEqual([['3', '=1+1', '=A1*2', '12件']]);
    expect(et.sheet('Sheet1').cell('B1').prefixed).toBe(true);
  });

  test('an array smaller than the range leaves #N/A, which Value2 hands over as its COM code', () => {
    const et = new FakeEt();
    const ws = appOf(et).ActiveSheet;
    ws.Range('A1:B2').Value2 = [[1, 2]];
    expect(ws.Range('A2').Value2).toBe(CELL_ERROR_CODES['#N/A']);
  });

  test('formulas compute with the fake’s own rules: SUM skips text, + with text is #VALUE!, other sheets by quoted name', () => {
    const et = new FakeEt();
    const app = appOf(et);
    const sheets = app.ActiveWorkbook.Worksheets;
    const other = sheets.Add(undefined, sheets.Item(1));
    other.Name = "乙's 局";
    other.Range('A1:A3').Value2 = [[4], ['若干'], [6]];
    const ws = sheets.Item(1);
    ws.Range('B1:B4').Formula = [["=SUM('乙''s 局'!A1:A3)"], ["='乙''s 局'!A1+'乙''s 局'!A2"], ['=没有的表!A1'], ['=ROUND(10/4,0)+NOSUCH(1)']];
    expect(ws.Range('B1:B4').Value2).toEqual([[10], [CELL_ERROR_CODES['#VALUE!']], [CELL_ERROR_CODES['#REF!']], [CELL_ERROR_CODES['#NAME?']]]);
  });
});

describe('colours', () => {
  test('colours are BGR integers; no fill reads white with no pattern; a mixed range reads null', () => {
    const et = new FakeEt();
    const ws = appOf(et).ActiveSheet;
    expect(bgr('FF0000')).toBe(255);
    expect(rgbHex(16711680)).toBe('0000FF');
    ws.Range('A1').Interior.Color = 255;
    expect(et.sheet('Sheet1').cell('A1').fill).toBe(255);
    expect(ws.Range('A2').Interior.Color).toBe(WHITE_BGR);
    expect(ws.Range('A2').Interior.Pattern).toBe(XL.none);
    expect(ws.Range('A1').Interior.Pattern).toBe(XL.solid);
    expect(ws.Range('A1:A2').Interior.Color).toBeNull();
    ws.Range('A1').Interior.Pattern = XL.none;
    expect(et.sheet('Sheet1').cell('A1').fill).toBeNull();
    expect(thrown(() => (ws.Range('A1').Interior.Color = 0x1000000)).number).toBe(1004);
  });
});

describe('merged areas', () => {
  test('Merge keeps the top-left value, asking first; writing part of a merged area throws; each area merges on its own', () => {
    const et = new FakeEt();
    const ws = appOf(et).ActiveSheet;
    ws.Range('A1:B1').Value2 = [['甲', '乙']];
    ws.Range('A1:B1,A3:C3').Merge();
    expect(et.sheet('Sheet1').merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 3, left: 1, bottom: 3, right: 3 },
    ]);
    expect(et.prompts).toEqual(['合并单元格时，仅保留左上角的值']);
    expect(ws.Range('A1:B1').Value2).toEqual([['甲', undefined]]);
    expect(ws.Range('A1').MergeCells).toBe(true);
    expect(ws.Range('B3').MergeArea.Address(false, false)).toBe('A3:C3');
    expect(thrown(() => (ws.Range('B3:D3').Value2 = [[1, 2, 3]])).number).toBe(1004);
  });
});

describe('refusals', () => {
  test('an invalid or duplicate sheet name is refused with error 1004', () => {
    const et = new FakeEt();
    const app = appOf(et);
    const sheets = app.ActiveWorkbook.Worksheets;
    sheets.Add(undefined, sheets.Item(1));
    const ws = sheets.Item(2);
    for (const bad of ['a/b', 'x'.repeat(32), '', "'前引号", '[表]']) expect(thrown(() => (ws.Name = bad)).number).toBe(1004);
    expect(thrown(() => (ws.Name = 'SHEET1')).number).toBe(1004);
    ws.Name = '甲局2023年报';
    expect(et.sheets.map((s) => s.name)).toEqual(['Sheet1', '甲局2023年报']);
  });

  test('a bad address, or one longer than 255 characters, is refused', () => {
    const ws = appOf(new FakeEt()).ActiveSheet;
    expect(thrown(() => ws.Range('A0')).number).toBe(1004);
    expect(thrown(() => ws.Range('甲1')).number).toBe(1004);
    const long = Array.from({ length: 80 }, (_, i) => `A${i + 1}`).join(',');
    expect(long.length).toBeGreaterThan(255);
    expect(thrown(() => ws.Range(long)).number).toBe(1004);
  });

  test('a protected sheet refuses changes; a cell being edited refuses them too', () => {
    const et = new FakeEt();
    const ws = appOf(et).ActiveSheet;
    ws.Protect();
    expect(thrown(() => (ws.Range('A1').Value2 = 1)).number).toBe(1004);
    expect(thrown(() => (ws.Range('A1').Interior.Color = 255)).number).toBe(1004);
    ws.Unprotect();
    et.editMode = true;
    expect(thrown(() => (ws.Range('A1').Value2 = 1)).number).toBe(1004);
  });

  test('a comment on a cell that has one, and validation added where some exists, are refused', () => {
    const ws = appOf(new FakeEt()).ActiveSheet;
    ws.Range('A1').AddComment('原批注');
    expect(thrown(() => ws.Range('A1').AddComment('再加')).number).toBe(1004);
    expect(ws.Range('A1').Comment.Text()).toBe('原批注');
    ws.Range('A1:A2').ClearComments();
    expect(ws.Range('A1').Comment).toBeNull();
    ws.Range('B1:B3').Validation.Add(1, 1, 7, 0);
    expect(thrown(() => ws.Range('B2').Validation.Add(1, 1, 7, 0)).number).toBe(1004);
  });

  test('Select works only on the active sheet; deleting a sheet asks unless DisplayAlerts is off; the last sheet cannot go', () => {
    const et = new FakeEt();
    const app = appOf(et);
    const sheets = app.ActiveWorkbook.Worksheets;
    sheets.Add(undefined, sheets.Item(1));
    expect(thrown(() => sheets.Item(1).Range('B2').Select()).number).toBe(1004);
    sheets.Item(1).Activate();
    sheets.Item(1).Range('B2').Select();
    expect(app.ActiveCell.Address(false, false)).toBe('B2');
    sheets.Item(2).Delete();
    expect(et.prompts).toEqual(['删除工作表“Sheet2”？']);
    expect(thrown(() => sheets.Item(1).Delete()).number).toBe(1004);
  });

  test('a member the emulated build lacks is absent, and setting a read-only property is refused', () => {
    const et = new FakeEt({ lacks: ['AddComment'] });
    const r = appOf(et).ActiveSheet.Range('A1');
    expect(typeof r.AddComment).toBe('undefined');
    expect(thrown(() => (r.Row = 3)).number).toBe(438);
  });
});

describe('host calls', () => {
  test('every property read, property write and method call crossing into the host is counted once', () => {
    const et = new FakeEt();
    const app = appOf(et);
    const before = et.calls;
    const ws = app.ActiveSheet; // 1
    const r = ws.Range('A1:B2'); // 2
    r.Value2 = [
      [1, 2],
      [3, 4],
    ]; // 3
    const v = r.Value2; // 4
    r.Interior.Color = 255; // 5, 6
    expect(v).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(et.calls - before).toBe(6);
    expect(et.byMember.get('Interior')).toBe(1);
  });
});
