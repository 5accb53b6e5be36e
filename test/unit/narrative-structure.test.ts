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
  const removed = report((l) => l.filter((_, i) => i !== 8 && i !== 9));
  // The preface says 六部分: that claim no longer holds either.
  expect(rules(removed)).toEqual(['structure.section_missing', 'structure.parts_claim']);
  const f = checkNarrative({ document: removed });
  const missing = f.filter((x) => x.rule === 'structure.section_missing');
  expect(missing).toHaveLength(1);
  expect(missing[0].severity).toBe('error');
  expect(missing[0].message).toContain('存在的主要问题及改进情况');
});

const one = (d: ReportDocument, rule: string) => checkNarrative({ document: d }).filter((f) => f.rule === rule);

describe('numbering variants and headings', () => {
  const variants: [string, (n: string, t: string) => string][] = [
    ['一、', (n, t) => `${n}、${t}`],
    ['一.', (n, t) => `${n}.${t}`],
    ['一．', (n, t) => `${n}．${t}`],
    ['第一部分', (n, t) => `第${n}部分 ${t}`],
    ['（一）', (n, t) => `（${n}）${t}`],
  ];
  test.each(variants)('numbered as %s: six sections, no finding', (_, head) => {
    const d = report((l) => l.map((line) => line.replace(/^([一二三四五六])、(.+)$/, (_m, n: string, t: string) => head(n, t))));
    expect(splitSections(d).sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(checkNarrative({ document: d })).toEqual([]);
  });

  test('numbered 1、 to 6、: six sections', () => {
    const d = report((l) => l.map((line) => line.replace(/^([一二三四五六])、/, (_m, n: string) => `${'一二三四五六'.indexOf(n) + 1}、`)));
    expect(splitSections(d).sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(checkNarrative({ document: d })).toEqual([]);
  });

  test('a title and its first sentence on one line, with or without a stop', () => {
    const d = report((l) => {
      const out = [...l];
      out[2] = '一、总体情况。2023年，我县坚持以公开为常态、不公开为例外，持续深化政务公开。';
      out[3] = '';
      out[10] = '六、其他需要报告的事项2023年，本机关未收取信息处理费。';
      out[11] = '';
      return out;
    });
    const split = splitSections(d);
    expect(split.sections.map((s) => s.heading.title)).toContain('总体情况');
    expect(split.sections.map((s) => s.heading.title)).toContain('其他需要报告的事项');
    expect(checkNarrative({ document: d })).toEqual([]);
  });

  test('sub-headings （一）… inside 一 stay inside it when the top level is 一、', () => {
    const d = report((l) => [...l.slice(0, 4), '（一）主动公开政府信息情况', '（二）依申请公开情况', ...l.slice(4)]);
    expect(splitSections(d).sections.map((s) => s.heading.paragraph)).toEqual([2, 7, 8, 9, 10, 12]);
  });

  test('a table of contents (目录) listing the six titles before the body', () => {
    const titles = [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ];
    const d = report((l) => [l[0], '目录', ...titles, ...l.slice(1)]);
    expect(splitSections(d).sections.map((s) => s.heading.paragraph)).toEqual([9, 12, 13, 14, 15, 17]);
    expect(checkNarrative({ document: d })).toEqual([]);
  });

  test('a table title repeated right under its heading is not a second section', () => {
    const d = report((l) => [...l.slice(0, 6), '二、主动公开政府信息情况', ...l.slice(6)]);
    expect(checkNarrative({ document: d })).toEqual([]);
  });

  test('tables in an appendix after 六: their titles do not reopen 二–四', () => {
    const d = report((l) => [...l, '附件：政府信息公开情况统计表', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况']);
    const split = splitSections(d);
    expect(split.appendix).toBe(12);
    expect(checkNarrative({ document: d })).toEqual([]);
  });

  test('二–四 only in an appendix after 六, as the tables’ titles: present', () => {
    const d = report((l) => [...l.slice(0, 5), ...l.slice(8), '附件：', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
    expect(splitSections(d).appendixParts).toEqual([2, 3, 4]);
    expect(checkNarrative({ document: d })).toEqual([]);
  });

  test('renamed titles are found, and each is a section_title warning quoting both', () => {
    const d = report((l) => l.map((x) => x.replace('五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施').replace('一、总体情况', '一、总体公开情况')));
    expect(splitSections(d).sections).toHaveLength(6);
    const f = one(d, 'structure.section_title');
    expect(f.map((x) => x.quote)).toEqual(['总体公开情况', '存在的主要问题及整改措施']);
    expect(f[1].message).toContain('存在的主要问题及整改措施');
    expect(f[1].message).toContain('存在的主要问题及改进情况');
    expect(f[1].place).toEqual({ section: '五', paragraph: 9 });
  });

  test('titles of the older notices and of regional custom are found, and said to differ', () => {
    const d = report((l) =>
      l.map((x) =>
        x
          .replace('一、总体情况', '一、概述')
          .replace('四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况')
          .replace('五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进措施'),
      ),
    );
    expect(splitSections(d).sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(one(d, 'structure.section_title').map((f) => f.place?.section)).toEqual(['一', '四', '五']);
    expect(checkNarrative({ document: d }).filter((f) => f.rule !== 'structure.section_title')).toEqual([]);
  });

  test('headings without numbers (Word’s automatic numbering is not in the text)', () => {
    const d = report((l) => l.map((x) => x.replace(/^[一二三四五六]、/, '')));
    expect(splitSections(d).sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(checkNarrative({ document: d })).toEqual([]);
  });

  test('a heading numbered with a space: 一 总体情况', () => {
    const d = report((l) => l.map((x) => x.replace(/^([一二三四五六])、/, '$1 ')));
    expect(checkNarrative({ document: d })).toEqual([]);
  });

  test('punctuation and 和 for 、 are not a different title', () => {
    const d = report((l) => l.map((x) => x.replace('四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政复议和行政诉讼情况')));
    expect(one(d, 'structure.section_title')).toEqual([]);
  });
});

describe('structure.section_order', () => {
  test('sections out of order', () => {
    const d = report((l) => [...l.slice(0, 8), ...l.slice(10, 12), ...l.slice(8, 10)]);
    const f = one(d, 'structure.section_order');
    expect(f.length).toBeGreaterThanOrEqual(1);
    expect(f.some((x) => x.message.includes('五、存在的主要问题及改进情况'))).toBe(true);
  });

  test('a section numbered with the wrong numeral', () => {
    const d = report((l) => l.map((x) => x.replace('四、政府信息公开', '三、政府信息公开')));
    const f = one(d, 'structure.section_order');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('第四部分');
    expect(f[0].place?.paragraph).toBe(8);
  });

  test('a section numbered twice', () => {
    const d = report((l) => [...l, '五、存在的主要问题及改进情况', FIVE_BODY]);
    expect(one(d, 'structure.section_order')).toHaveLength(1);
  });

  test('in order: no finding', () => {
    expect(one(report(), 'structure.section_order')).toEqual([]);
  });
});

describe('structure.parts_claim', () => {
  test('六部分 claimed, five there', () => {
    const d = report((l) => l.filter((_, i) => i !== 10 && i !== 11));
    const f = one(d, 'structure.parts_claim');
    expect(f).toHaveLength(1);
    expect(f[0].quote).toBe('本报告由总体情况、主动公开政府信息情况等六部分组成。');
    expect(f[0].message).toContain('6 部分');
  });

  test('「本报告包括…N个部分」 with Arabic digits, wrong count', () => {
    const d = report((l) => l.map((x, i) => (i === 1 ? '本报告包括总体情况、主动公开政府信息情况等5个部分。' : x)));
    expect(one(d, 'structure.parts_claim')).toHaveLength(1);
  });

  test('a true claim, and a sentence about something else with 部分, give nothing', () => {
    expect(one(report(), 'structure.parts_claim')).toEqual([]);
    const d = report((l) => l.map((x, i) => (i === 3 ? '培训内容分为三个部分，全年举办培训4次。' : x)));
    expect(one(d, 'structure.parts_claim')).toEqual([]);
  });
});

describe('structure.section_empty', () => {
  test.each([['无。'], ['暂无。'], ['本年度无此项内容。']])('五 reading %s', (body) => {
    const d = report((l) => l.map((x) => (x === FIVE_BODY ? body : x)));
    const f = one(d, 'structure.section_empty');
    expect(f).toHaveLength(1);
    expect(f[0].place?.section).toBe('五');
  });

  test('五 with nothing under its heading', () => {
    const d = report((l) => l.filter((x) => x !== FIVE_BODY));
    expect(one(d, 'structure.section_empty')).toHaveLength(1);
  });

  test('五 holding only a drafted placeholder is empty', () => {
    const d = report((l) => l.map((x) => (x === FIVE_BODY ? '【待填写：本年度政府信息公开工作存在的主要问题，上年度问题的改进情况，以及下一步的改进措施】' : x)));
    expect(one(d, 'structure.section_empty')).toHaveLength(1);
  });

  test('五 with real content, and 六 reading 无, give nothing', () => {
    const d = report((l) => l.map((x, i) => (i === 11 ? '无。' : x)));
    expect(one(d, 'structure.section_empty')).toEqual([]);
  });
});

test('no section heading at all: one error naming the six', () => {
  const f = checkNarrative({ document: doc(['本机关全年主动公开政府信息1200条。', '收到申请21件。']) });
  expect(f).toHaveLength(1);
  expect(f[0].rule).toBe('structure.section_missing');
  expect(f[0].message).toContain('其他需要报告的事项');
});
