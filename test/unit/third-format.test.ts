/** A new statutory version is one definition file: the engine, layout and reader take it unchanged. */
import { FormatRegistry } from '../../src/formats';
import type { FormatDef } from '../../src/formats/types';
import { buildSheetPlan } from '../../src/layout/sheet-plan';
import { reportFromJson } from '../../src/model/report-json';
import { validate } from '../../src/rules/engine';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { reportFromOurSheet } from '../../src/layout/sheet-report';
import { GOV_2019 } from '../../src/formats/gov-2019';
import { GOV_2021 } from '../../src/formats/gov-2021';

const MADE_UP: FormatDef = {
  id: 'gov-2030',
  name: '2030 年版（测试）',
  notice: '测试通知',
  years: { from: 2030 },
  yearHint: '2030 年度起用测试格式',
  tables: [
    {
      id: 'requests',
      layout: 'matrix',
      title: '一、申请情况',
      shortTitle: '申请',
      corner: '（测试）',
      columns: [
        {
          label: '申请人',
          children: [
            { label: '自然人', id: 'people' },
            { label: '法人', id: 'firms' },
            { label: '合计', id: 'sum' },
          ],
        },
      ],
      rows: [
        { id: 'in', path: ['收到'], short: '收到' },
        { id: 'done', path: ['办结'], short: '办结' },
        { id: 'open', path: ['未结'], short: '未结' },
      ],
    },
  ],
  relations: [
    { rule: 'requests.row_sum', severity: 'error', table: 'requests', each: { axis: 'row' }, left: ['people', 'firms'], op: '=', right: ['sum'], formula: true },
    { rule: 'requests.balance', severity: 'error', table: 'requests', each: { axis: 'column' }, left: ['in'], op: '=', right: ['done', 'open'] },
  ],
  shares: [],
  keyFigures: [],
  keyRates: [],
};

const registry = new FormatRegistry([GOV_2019, GOV_2021, MADE_UP]);

test('the year picks the new format', () => {
  expect(registry.forYear(2030)!.id).toBe('gov-2030');
  expect(registry.forYear(2029)!.id).toBe('gov-2021');
  expect(registry.byId('gov-2030')!.cells.map((c) => c.id)).toContain('requests.open.firms');
});

test('its relations drive validation, with fixes', () => {
  const r = reportFromJson(
    {
      office: '某单位',
      year: 2030,
      cells: {
        'requests.in.people': 5,
        'requests.in.firms': 1,
        'requests.in.sum': 6,
        'requests.done.people': 4,
        'requests.done.firms': 1,
        'requests.done.sum': 5,
        'requests.open.people': 2,
        'requests.open.firms': 0,
        'requests.open.sum': 2,
      },
    },
    'x',
    registry,
  );
  const { findings } = validate(r, { registry });
  expect(findings.map((f) => f.rule).sort()).toEqual(['requests.balance', 'requests.balance']);
  expect(findings.find((f) => f.cells.includes('requests.in.people'))!.message).toBe('「自然人」列：收到 = 5，应等于办结 + 未结 = 6');
});

test('its template is laid out, written and read back', async () => {
  const format = registry.byId('gov-2030')!;
  const plan = buildSheetPlan(format, { office: '某单位', year: 2030 });
  expect(plan.cells.filter((c) => c.formula)).toHaveLength(3);
  const port = ExceljsWorkbookPort.empty();
  await port.writeSheet(plan);
  const back = await ExceljsWorkbookPort.fromBuffer(await port.toBuffer());
  const [sheet] = await back.readSheets([plan.name]);
  const read = reportFromOurSheet(sheet, registry, 'x');
  expect('report' in read && read.report.format).toBe('gov-2030');
});
