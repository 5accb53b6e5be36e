/**
 * A report's format is a checked id: ids from files and sheet metadata are checked where they
 * come in, and an unknown one is said in Chinese, never a crash further on.
 */
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { drillDown } from '../../src/app/drill-down';
import { FormatRegistry, formats, UnknownFormatError } from '../../src/formats';
import type { FormatId } from '../../src/formats/types';
import { buildSheetPlan } from '../../src/layout/sheet-plan';
import { reportFromJson } from '../../src/model/report-json';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { UserError } from '../../src/model/user-error';
import { readCell } from '../../src/model/values';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { GOV_2019 } from '../../src/formats/gov-2019';
import { seeded, validCells } from '../helpers/random-report';

const format = formats.forYear(2023)!;

test('idOf types an id the registry has, and nothing else', () => {
  expect(formats.idOf('gov-2021')).toBe('gov-2021');
  expect(formats.idOf('gov-2099')).toBeUndefined();
  expect(formats.idOf(2021)).toBeUndefined();
  // Another registry's version is unknown here.
  expect(new FormatRegistry([GOV_2019]).idOf('gov-2021')).toBeUndefined();
});

test('formatOf gives the version of a checked id, and names an id it does not have', () => {
  const report = reportFromJson({ office: '甲局', year: 2023, cells: {} }, 'x', formats);
  expect(formats.formatOf(report)).toBe(format);
  const only2019 = new FormatRegistry([GOV_2019]);
  expect(() => only2019.formatOf(report)).toThrow(UnknownFormatError);
  expect(() => only2019.formatOf(report)).toThrow('未知的表格格式“gov-2021”');
});

test('a JSON report naming an unknown format is refused where it is read', () => {
  expect(() => reportFromJson({ office: '甲局', year: 2023, format: 'gov-2099', cells: {} }, 'x', formats)).toThrow('未知的表格格式“gov-2099”');
});

test('drill-down on a summary whose metadata names an unknown format says so in Chinese', async () => {
  const port = ExceljsWorkbookPort.empty();
  const member = buildSheetPlan(format, { office: '甲局', year: 2023, readings: format.cells.map((c) => readCell(validCells(format, seeded(1))[c.id], c.kind)) });
  await port.writeSheet(member);
  await consolidateSheets(port, { members: [member.name], office: '某县' });
  const summaryName = (await port.listSheets()).find((s) => s.meta?.summaryOf)!.name;
  // The same summary, its metadata rewritten by a later version of the tool.
  const [summary] = await port.readSheets([summaryName]);
  const foreign = buildSheetPlan(format, {
    office: '某县',
    year: 2023,
    name: '某县汇总（新版）',
    extraMeta: { format: 'gov-2099' as FormatId, summaryOf: summary.meta!.summaryOf },
  });
  await port.writeSheet(foreign);
  const at = canonicalPlan(format).addresses['requests.new.total'];
  const e = await drillDown(port, { sheet: foreign.name, address: at }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(UserError);
  expect((e as UserError).message).toBe('汇总表“某县汇总（新版）”的表格格式“gov-2099”无法识别（本工具只认识2019 年版（试行）、2021 年版格式），无法查看构成。');
});
