/** Report texts and tables written by hand for the narrative rules' tests. */
import type { Report } from '../../src/model/report';
import type { ReportDocument } from '../../src/narrative/document';
import { handReport, type HandCells } from './hand-report';

/** A six-section report whose 依申请公开 paragraph (in 一) is `text`. */
export function reportText(text: string, year = 2023): ReportDocument {
  return {
    source: 'test',
    paragraphs: [
      `测试县人民政府${year}年政府信息公开工作年度报告`,
      `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
      '一、总体情况',
      '（一）主动公开情况。全年主动公开政府信息1200条。',
      `（二）依申请公开情况。${text}`,
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '部分单位对政策解读的重视程度不够，解读形式较为单一。下一步将加强培训，丰富解读形式，提升公开质量。',
      '六、其他需要报告的事项',
      '无。',
    ].map((t) => ({ text: t })),
  };
}

const BASE: HandCells = {
  'requests.new.total': 34,
  'requests.carried_in.total': 4,
  'requests.total.total': 30,
  'requests.carried_out.total': 8,
  'requests.granted.total': 12,
  'requests.partial.total': 3,
  'appeals.review.total': 2,
  'appeals.suit_direct.total': 1,
  'appeals.suit_after_review.total': 2,
};

export function tables(cells: HandCells = {}, year = 2023, office = '测试县人民政府'): Report {
  return handReport(year >= 2021 ? 'gov-2021' : 'gov-2019', year, { ...BASE, ...cells }, { office });
}
