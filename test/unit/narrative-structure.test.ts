/** structure.* rules on hand-written report texts. */
import { checkNarrative } from '../../src/narrative/check';
import type { ReportDocument } from '../../src/narrative/document';
import { splitSections } from '../../src/narrative/sections';

const FIVE_BODY = '部分单位对政策解读的重视程度不够，解读形式较为单一。下一步将加强培训，丰富解读形式，提升公开质量。';

function doc(lines: string[]): ReportDocument {
  return { source: 'test', paragraphs: lines.map((text) => ({ text })) };
}

/** A well-formed report text; `edit` replaces lines by their index. */
function report(edit: (lines: string[]) => string[] = (l) => l): ReportDocument {
  return doc(
    edit([
      '测试县人民政府2023年政府信息公开工作年度报告',
      '本报告依据《中华人民共和国政府信息公开条例》第五十条编制。本报告由总体情况、主动公开政府信息情况等六部分组成。本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
      '一、总体情况',
      '2023年，我县坚持以公开为常态、不公开为例外，持续深化政务公开。',
      '（一）主动公开情况。全年主动公开政府信息1200条。',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      FIVE_BODY,
      '六、其他需要报告的事项',
      '本年度未收取信息处理费。',
    ]),
  );
}

const rules = (d: ReportDocument) => checkNarrative({ document: d }).map((f) => f.rule);

test('a well-formed report text has no structure finding', () => {
  expect(checkNarrative({ document: report() })).toEqual([]);
});

test('the splitter finds the six sections and keeps sub-headings inside 一', () => {
  const split = splitSections(report());
  expect(split.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(split.sectionOf(4)).toBe(1);
  expect(split.sectionOf(1)).toBeUndefined();
  expect(split.sectionOf(9)).toBe(5);
});

test('a removed section is an error naming it', () => {
  const f = checkNarrative({ document: report((l) => l.filter((_, i) => i !== 8 && i !== 9)) });
  const missing = f.filter((x) => x.rule === 'structure.section_missing');
  expect(missing).toHaveLength(1);
  expect(missing[0].severity).toBe('error');
  expect(missing[0].message).toContain('存在的主要问题及改进情况');
});
