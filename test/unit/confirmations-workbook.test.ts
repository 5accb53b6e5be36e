/**
 * A submitted workbook whose hidden metadata "confirms" errors: the confirmation is
 * kept in the file but the errors are still listed. Kept apart from confirmations.test.ts
 * so mutation runs, which use that file, need not load exceljs.
 */
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { ExceljsWorkbookPort } from '../../src/ports/exceljs/exceljs-workbook';
import { generateTemplate } from '../../src/app/generate';
import { validateSheets } from '../../src/app/validate-sheets';
import { findingKey } from '../../src/model/finding';

test('from a submitted workbook: the metadata’s confirmation of an error is ignored and the error listed', async () => {
  const port = ExceljsWorkbookPort.empty();
  await generateTemplate(port, { office: '甲局', year: 2023 });
  const format = formats.forYear(2023)!;
  const addr = canonicalPlan(format).addresses;
  const ws = port.workbook.getWorksheet('甲局2023年报')!;
  for (const c of format.cells) if (!format.totals.has(c.index)) ws.getCell(addr[c.id]).value = 0;
  ws.getCell(addr['requests.new.natural']).value = 1;
  const [first] = await validateSheets(port, { paint: false });
  const balance = first.findings.filter((f) => f.rule === 'requests.balance');
  expect(balance.map((f) => f.severity)).toEqual(['error', 'error']);

  // The file arrives with both errors "confirmed" in its hidden metadata.
  const meta = (await port.listSheets())[0].meta!;
  const confirmed = Object.fromEntries(balance.map((f) => [findingKey(f), '已核实']));
  await port.setValues('甲局2023年报', {}, { ...meta, confirmed });
  const submitted = await ExceljsWorkbookPort.fromBuffer(await port.toBuffer());
  expect((await submitted.listSheets())[0].meta?.confirmed).toEqual(confirmed);
  const [again] = await validateSheets(submitted, { paint: false });
  expect(again.findings.filter((f) => f.rule === 'requests.balance').map((f) => findingKey(f))).toEqual(Object.keys(confirmed));
  expect(again.confirmed).toEqual([]);
});
