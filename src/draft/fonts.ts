/** 公文 typography (GB/T 9704): fonts with their fallbacks, sizes in points, the A4 page in millimetres. */

export const FONTS = {
  /** 二号 方正小标宋简体, else 小标宋, else 黑体. */
  title: ['方正小标宋简体', '方正小标宋_GBK', '小标宋', '华文中宋', '黑体', 'SimHei'],
  /** 一级标题 黑体 三号. */
  heading: ['黑体', 'SimHei'],
  /** 二级标题 楷体 三号. */
  subheading: ['楷体_GB2312', '楷体', 'KaiTi', 'STKaiti'],
  /** 正文 仿宋_GB2312 三号. */
  body: ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong'],
  /** Tables: 宋体 五号, legible at the size fifteen columns leave. */
  table: ['宋体', 'SimSun', 'STSong'],
  /** Figures and Latin text. */
  latin: 'Times New Roman',
};

export const SIZES = { title: 22, heading: 16, body: 16, table: 10.5 };

/** A4 with the 公文 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (a 156 mm text width). */
export const PAGE_MM = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 };

/** The body's fixed line pitch: 22 lines to the page. */
export const LINE_PT = 28.95;
