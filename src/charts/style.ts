/**
 * How charts look, in every face: colours that stay apart in grey print and for colour-blind
 * readers (the Okabe–Ito palette, chosen for both, differing in lightness too), a stripe pattern on
 * last year's bars, and the numbers written on the bars so no reader depends on colour at all.
 */

/** Okabe–Ito blue: this year's bars, and the bars of a one-series chart. */
export const BAR_COLOR = '#0072B2';
/** Okabe–Ito orange, lighter in grey than the blue, and striped: last year's bars. */
export const PREVIOUS_COLOR = '#E69F00';
export const TEXT_COLOR = '#1A1A1A';
/** The words said in place of a bar (空白, 无法读取): grey, so they read as notes, not figures. */
export const MUTED_COLOR = '#595959';
export const AXIS_COLOR = '#7F7F7F';

/**
 * Fonts that render Chinese on each system that draws a chart: Windows (微软雅黑, 黑体), macOS (苹方),
 * Linux and 信创 desktops (Noto / 思源, 文泉驿). Single quotes: the SVG writer puts the list in a
 * double-quoted attribute.
 */
export const FONT_STACK = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'SimHei', sans-serif";

export const FONT_SIZE = 13;
/** The drafted report's text width at 96 px an inch (156 mm): a chart fills it. */
export const CHART_WIDTH = 588;
/** A bar's row: room for the bar and its label at this font size. */
export const BAR_ROW = 30;
/** Height of a panel chart (a pair of bars per figure). */
export const PAIRS_HEIGHT = 240;
