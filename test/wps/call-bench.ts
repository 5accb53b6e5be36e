/** Host calls of the WPS add-in's operations against the fake WPS host (npm run bench: wps.calls.*). */
import { consolidateSheets } from '../../src/app/consolidate-sheets';
import { generateTemplate } from '../../src/app/generate';
import { validateSheets } from '../../src/app/validate-sheets';
import { typeValues, workbookOfReports, wpsHost } from './helpers';

export async function wpsCallBenchmarks(): Promise<Record<string, number>> {
  const one = wpsHost();
  let name = '';
  const template = await one.et.count(async () => {
    const r = await generateTemplate(one.port, { office: '汤原县人民政府办公室', year: 2023 });
    if (r.ok) name = r.name;
  });
  typeValues(one.et, name, 2023, 1, { 'requests.total.legal': 99 });
  const validateOne = await one.et.count(() => validateSheets(one.port, { sheets: 'active' }));
  const many = await workbookOfReports(200);
  const members = many.et.sheets.map((s) => s.name).filter((n) => n !== 'Sheet1');
  const consolidate200 = await many.et.count(() => consolidateSheets(many.port, { members, office: '某市' }));
  return { 'wps.calls.consolidate_200': consolidate200, 'wps.calls.template': template, 'wps.calls.validate_sheet': validateOne };
}
