import { readFileSync } from 'fs';
import { join } from 'path';
import { formats } from '../../src/formats';
import { reportsFromJsonText } from '../../src/model/report-json';
import { readCell } from '../../src/model/values';
import type { Report } from '../../src/model/report';
import { validate } from '../../src/rules/engine';

const all = reportsFromJsonText(readFileSync(join(__dirname, '../fixtures/sample-reports.json'), 'utf8'), 's', formats);
const get = (id: string) => all.find((r) => r.source === `s#${id}`)!;

function withCell(r: Report, id: string, value: number): Report {
  const f = formats.byId(r.format)!;
  const readings = [...r.readings];
  readings[f.index.get(id)!] = readCell(value, f.cells[f.index.get(id)!].kind);
  return { ...r, readings };
}

test('平潭 2021 → 2022 passes crossyear.carry and crossyear.in_force', () => {
  const v = validate(get('pingtan_2022'), { previous: get('pingtan_2021') });
  expect(v.findings).toEqual([]);
});

test('altering 2022 上年结转 fails crossyear.carry on that column', () => {
  const cur = get('pingtan_2022');
  const f = formats.byId('gov-2021')!;
  const was = cur.readings[f.index.get('requests.carried_in.natural')!]!.value!;
  const v = validate(withCell(cur, 'requests.carried_in.natural', was + 2), { previous: get('pingtan_2021') });
  const carry = v.findings.filter((x) => x.rule === 'crossyear.carry');
  expect(carry).toHaveLength(1);
  expect(carry[0].severity).toBe('error');
  expect(carry[0].cells).toContain('requests.carried_in.natural');
  expect(carry[0].message).toContain('上年度四、结转下年度');
});

test('altering 2022 现行有效件数 fails crossyear.in_force as a warning', () => {
  const cur = get('pingtan_2022');
  const v = validate(withCell(cur, 'proactive.normative.in_force', 700), { previous: get('pingtan_2021') });
  const rule = v.findings.filter((x) => x.rule === 'crossyear.in_force');
  expect(rule).toHaveLength(1);
  expect(rule[0]).toMatchObject({ severity: 'warning', expected: 698, actual: 700 });
  expect(rule[0].cells).toContain('proactive.normative.in_force');
});

test('2019 → 2021 across the format switch: an info, and only crossyear.carry applies', () => {
  const v = validate(get('pingtan_2021'), { previous: get('pingtan_2019') });
  const rules = v.findings.map((x) => x.rule);
  expect(rules).toContain('crossyear.format_switch');
  expect(rules.filter((r) => r.startsWith('crossyear.') && r !== 'crossyear.format_switch' && r !== 'crossyear.carry')).toEqual([]);
});

test('gov-2019 → gov-2019 checks prev_items and public_total', () => {
  const prev = get('seed000_fuxin_szfb_2020');
  const cur = { ...withCell(prev, 'proactive.licensing.prev_items', 5), year: 2021 - 0, format: prev.format };
  const v = validate({ ...cur, year: 2020 }, { previous: { ...prev, year: 2019 } });
  expect(v.findings.map((x) => x.rule)).toContain('crossyear.prev_items');
});
