/** Sync counts of the add-in's operations against the fake Excel host. */
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { generateTemplate } from '../../src/app/generate';
import { validateSheets } from '../../src/app/validate-sheets';
import { officeHost, typeValues, workbookOfReports } from './helpers';

export async function addinSyncBenchmarks(): Promise<Record<string, number>> {
  const one = officeHost();
  let name = '';
  const template = await one.excel.count(async () => {
    const r = await generateTemplate(one.port, { office: '汤原县人民政府办公室', year: 2023 });
    if (r.ok) name = r.name;
  });
  typeValues(one.excel, name, 2023, 1, { 'requests.total.legal': 99 });
  const validateOne = await one.excel.count(() => validateSheets(one.port, { sheets: 'active' }));
  const fifty = await workbookOfReports(50);
  const validateFifty = await fifty.excel.count(() => validateSheets(fifty.port, { sheets: 'reports' }));
  const many = await workbookOfReports(200);
  const members = many.excel.sheets.map((s) => s.name).filter((n) => n !== 'Sheet1');
  const consolidate200 = await many.excel.count(() => consolidateSheets(many.port, { members, office: '某市' }));
  return {
    'addin.syncs.consolidate_200': consolidate200,
    'addin.syncs.template': template,
    'addin.syncs.validate_sheet': validateOne,
    'addin.syncs.validate_50_sheets': validateFifty,
  };
}
