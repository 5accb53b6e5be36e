/**
 * Draws a chart specification as SVG text with Apache ECharts' server-side rendering: the same
 * code in Node (the command line) and in the browser (the pane, the web page), no DOM needed.
 * Loaded on demand, as the Word writer is: the pages start without it.
 */
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartSpec, ChartValue } from './spec';
import { AXIS_COLOR, BAR_COLOR, BAR_ROW, CHART_WIDTH, FONT_SIZE, FONT_STACK, MUTED_COLOR, PAIRS_HEIGHT, PREVIOUS_COLOR, TEXT_COLOR } from './style';

echarts.use([BarChart, GridComponent, TitleComponent, SVGRenderer]);

export interface RenderedChart {
  svg: string;
  width: number;
  height: number;
}

/** Diagonal stripes on last year's bars: told apart from this year's without colour. */
const STRIPES = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: -Math.PI / 4, color: 'rgba(0, 0, 0, 0.28)' };

/** Width of a label in pixels, CJK characters at a full em. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? FONT_SIZE : FONT_SIZE * 0.6;
  return Math.ceil(w);
}

/** A bar's data item: a number, or an invisible bar of nothing whose label says why (空白, 无法读取), never a 0. */
function item(v: ChartValue, color: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  if (v.status === 'number') return { value: v.value, itemStyle: { color, ...extra } };
  return { value: 0, itemStyle: { color: 'transparent' }, label: { color: MUTED_COLOR, fontStyle: 'italic' } };
}

const LABEL_GAP = 6;
/** Past the longest name the category axis takes no more: longer names wrap. */
const MAX_NAME_WIDTH = 220;

function barsOption(spec: ChartSpec, width: number) {
  const values = spec.series[0].values;
  const names = spec.categories.map((c) => c.label);
  // Room to spare: a browser measures with the font it has, a little wider than the estimate, and would wrap the last character.
  // In a narrow pane the names take at most two fifths of the width and wrap beyond it.
  const nameWidth = Math.min(MAX_NAME_WIDTH, Math.round(width * 0.4), Math.ceil(Math.max(...names.map(textWidth)) * 1.1) + 4);
  const longest = Math.max(...values.map((v) => textWidth(v.text)));
  const negative = values.some((v) => v.status === 'number' && v.value < 0);
  // A name wrapped onto more lines takes more room.
  const lines = Math.max(...names.map((n) => Math.ceil(textWidth(n) / nameWidth)));
  const height = (BAR_ROW + (lines - 1) * FONT_SIZE) * names.length + 16;
  const option = {
    animation: false,
    textStyle: { fontFamily: FONT_STACK, fontSize: FONT_SIZE, color: TEXT_COLOR },
    grid: { left: nameWidth + 16, right: longest + LABEL_GAP + 8, top: 8, bottom: 8 },
    xAxis: { type: 'value', show: false, ...(negative ? {} : { min: 0 }) },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: AXIS_COLOR } },
      axisLabel: { color: TEXT_COLOR, fontSize: FONT_SIZE, width: nameWidth, overflow: 'break', margin: 8 },
    },
    series: [
      {
        type: 'bar',
        barCategoryGap: '35%',
        data: values.map((v) => {
          const base = item(v, BAR_COLOR);
          const left = v.status === 'number' && v.value < 0;
          return { ...base, label: { ...(base.label as object), position: left ? 'left' : 'right' } };
        }),
        label: { show: true, distance: LABEL_GAP, color: TEXT_COLOR, fontSize: FONT_SIZE, formatter: (p: { dataIndex: number }) => values[p.dataIndex].text },
      },
    ],
  };
  // Negative changes reach left of the axis: the names move out of their way.
  if (negative) Object.assign(option.grid, { left: nameWidth + 16 + longest + LABEL_GAP });
  return { option, width, height };
}

/** One panel per category, each with its own scale, a bar per series (the years). */
function pairsOption(spec: ChartSpec, width: number) {
  const n = spec.categories.length;
  const panel = width / n;
  const gap = 16;
  const top = 30;
  const colors = spec.series.map((_, i) => (i === spec.series.length - 1 ? BAR_COLOR : PREVIOUS_COLOR));
  const years = spec.series.map((s) => s.name);
  return {
    width,
    height: PAIRS_HEIGHT,
    option: {
      animation: false,
      textStyle: { fontFamily: FONT_STACK, fontSize: FONT_SIZE, color: TEXT_COLOR },
      title: spec.categories.map((c, i) => ({
        text: c.label,
        left: Math.round(panel * i + panel / 2),
        top: 4,
        textAlign: 'center',
        textStyle: { fontSize: FONT_SIZE, fontWeight: 'bold', color: TEXT_COLOR },
      })),
      grid: spec.categories.map((_, i) => ({ left: Math.round(panel * i + gap), width: Math.round(panel - 2 * gap), top: top + 18, bottom: 28 })),
      xAxis: spec.categories.map((_, i) => ({
        type: 'category',
        gridIndex: i,
        data: years,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: AXIS_COLOR } },
        axisLabel: { color: TEXT_COLOR, fontSize: FONT_SIZE },
      })),
      yAxis: spec.categories.map((_, i) => ({ type: 'value', gridIndex: i, show: false, min: 0 })),
      series: spec.categories.map((_, i) => {
        const texts = spec.series.map((s) => s.values[i].text);
        return {
          type: 'bar',
          xAxisIndex: i,
          yAxisIndex: i,
          barCategoryGap: '30%',
          data: spec.series.map((s, k) => item(s.values[i], colors[k], k < spec.series.length - 1 ? { decal: STRIPES } : {})),
          label: { show: true, position: 'top', distance: 4, color: TEXT_COLOR, fontSize: FONT_SIZE, formatter: (p: { dataIndex: number }) => texts[p.dataIndex] },
        };
      }),
    },
  };
}

/** The chart as standalone SVG text; a bar's element carries its category's index (ecmeta_data_index). */
export function renderChartSvg(spec: ChartSpec, options: { width?: number } = {}): RenderedChart {
  const width = options.width ?? CHART_WIDTH;
  const { option, height } = spec.kind === 'pairs' ? pairsOption(spec, width) : barsOption(spec, width);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option as echarts.EChartsCoreOption);
    return { svg: chart.renderToSVGString(), width, height };
  } finally {
    chart.dispose();
  }
}
