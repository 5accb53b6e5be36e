import { formats } from '../../src/formats';
import { buildSheetPlan } from '../../src/layout/sheet-plan';
import { decodeMeta } from '../../src/model/sheet-meta';
import { freshSheetName, reportSheetName } from '../../src/layout/sheet-name';

const f2021 = formats.byId('gov-2021')!;
const f2019 = formats.byId('gov-2019')!;

test('every cell id has its own address; metadata carries format, year and office', () => {
  const plan = buildSheetPlan(f2021, { office: '汤原县人民政府办公室', year: 2023, level: '县级' });
  const addrs = Object.values(plan.addresses);
  expect(addrs).toHaveLength(200);
  expect(new Set(addrs).size).toBe(200);
  const metaCell = plan.cells.find((c) => typeof c.value === 'string' && c.value.startsWith('NIANBAO:'))!;
  expect(decodeMeta(metaCell.value)).toMatchObject({ format: 'gov-2021', year: 2023, office: '汤原县人民政府办公室', level: '县级' });
});

test('labels are the statutory text, character for character', () => {
  const plan = buildSheetPlan(f2019, { office: 'x', year: 2020 });
  const texts = plan.cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');
  for (const label of [
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    '3.危及“三安全一稳定”',
    '本年增/减',
    '第二十条第（九）项',
    '其他对外管理服务事项',
    '未经复议直接起诉',
  ])
    expect(texts).toContain(label);
  const plan21 = buildSheetPlan(f2021, { office: 'x', year: 2021 });
  const texts21 = plan21.cells.map((c) => c.value);
  expect(texts21).toContain('本年收费金额（单位：万元）');
  expect(texts21).toContain('行政规范性文件');
  expect(texts21).not.toContain('第二十条第（九）项');
});

test('totals are live formulas, inputs get validation, the balance a conditional format', () => {
  const plan = buildSheetPlan(f2021, { office: 'x', year: 2021 });
  const a = plan.addresses;
  const total = plan.cells.find((c) => c.cellId === 'requests.new.total')!;
  expect(total.formula).toBe(`SUM(${a['requests.new.natural']}:${a['requests.new.org_other']})`);
  const colTotal = plan.cells.find((c) => c.cellId === 'requests.total.natural')!;
  expect(colTotal.formula).toBe(`SUM(${a['requests.granted.natural']}:${a['requests.other.misc.natural']})`);
  expect(plan.validations.map((v) => v.kind).sort()).toEqual(['count', 'money']);
  const balance = plan.conditionalFormats.filter((cf) => cf.range.startsWith(a['requests.new.natural']));
  expect(balance.length).toBeGreaterThan(0);
  // 申请人情况 heads all seven applicant columns: one merge from 自然人 to 总计 across its row.
  const head = plan.cells.find((c) => c.value === '申请人情况')!;
  const [first, last] = [a['requests.new.natural'], a['requests.new.total']].map((x) => plan.cells.find((c) => c.cellId && a[c.cellId] === x)!.col);
  expect(plan.merges).toContainEqual({ top: head.row, left: first, bottom: head.row, right: last });
});

test('the 2019 signed column accepts negatives, counts do not', () => {
  const plan = buildSheetPlan(f2019, { office: 'x', year: 2020 });
  expect(plan.validations.map((v) => v.kind).sort()).toEqual(['count', 'money', 'signed']);
  const rule = (kind: string) => plan.validations.find((v) => v.kind === kind)!.rule;
  expect(rule('signed')).toEqual({ type: 'whole', min: -1e9, max: 1e9 });
  expect(rule('count')).toEqual({ type: 'whole', min: 0 });
  expect(rule('money')).toEqual({ type: 'decimal', min: 0 });
});

test('sheet names are legal and never collide', () => {
  expect(reportSheetName('某[县]:办公室/局', 2023)).toBe('某县办公室局2023年报');
  expect(reportSheetName('很'.repeat(40), 2023).length).toBe(31);
  expect(freshSheetName('甲2023年报', ['甲2023年报', '甲2023年报(2)'])).toBe('甲2023年报(3)');
});
