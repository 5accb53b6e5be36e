/**
 * The summary's charts above the 汇总 list, drawn by the same renderer as the drafted report
 * (loaded only when charts are first shown). Choosing a unit's bar selects its row in 汇总明细.
 */
import { useEffect, useRef, useState } from 'react';
import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ChartSpec } from '../../charts/spec';
import { chartCaption } from '../../layout/charts-plan';
import { SvgDrawing } from './SvgDrawing';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  drawing: {
    width: '100%',
    '& svg': { width: '100%', height: 'auto', display: 'block' },
    // A bar that selects its unit looks like it can be chosen.
    '&[data-choosable] [ecmeta_data_index]': { cursor: 'pointer' },
  },
  note: { color: tokens.colorNeutralForeground3 },
});

/** Narrower than this, a chart is drawn at this width and scaled down. */
const MIN_WIDTH = 280;

/** The charting code, loaded on first use: a chunk of the page, never at start. */
const loadRenderer = () => import(/* webpackChunkName: "charts" */ '../../charts/render-svg');

export function SummaryCharts({ charts, onChoose }: { charts: ChartSpec[]; onChoose: (target: { sheet: string; address: string }) => void }) {
  const styles = useStyles();
  const [svgs, setSvgs] = useState<string[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    setSvgs(null);
    // Drawn at the pane's own width, so the labels keep their size instead of shrinking with the picture.
    const width = Math.max(MIN_WIDTH, box.current?.clientWidth ?? 0);
    loadRenderer()
      .then(({ renderChartSvg }) => live && setSvgs(charts.map((c) => renderChartSvg(c, { width }).svg)))
      .catch((e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [charts]);
  if (!charts.length) return null;
  if (failed) return <Text className={styles.note}>图表未能显示（{failed}），各图的数字见“图表”工作表。</Text>;
  if (!svgs)
    return (
      <section aria-label="汇总图表" ref={box}>
        <Text className={styles.note}>正在绘制图表…</Text>
      </section>
    );
  /** The bar under the pointer: ECharts marks each with its category's index. */
  const choose = (spec: ChartSpec, el: EventTarget) => {
    const bar = (el as Element).closest?.('[ecmeta_data_index]');
    const target = bar && spec.categories[Number(bar.getAttribute('ecmeta_data_index'))]?.target;
    if (target) onChoose(target);
  };
  return (
    <section aria-label="汇总图表" ref={box}>
      {charts.map((spec, i) => {
        const caption = chartCaption(spec, i + 1);
        const choosable = spec.categories.some((c) => c.target);
        return (
          <figure key={spec.id} className={styles.figure} data-chart={spec.id}>
            <Text weight="semibold" size={200}>
              {caption}
            </Text>
            <SvgDrawing
              svg={svgs[i]}
              className={styles.drawing}
              role="img"
              aria-label={`${caption}：${spec.categories.map((c, k) => `${c.label} ${spec.series[0].values[k].text}`).join('；')}`}
              {...(choosable ? { 'data-choosable': '' } : {})}
              onClick={(e) => choose(spec, e.target)}
            />
            {spec.notes.map((n) => (
              <Caption1 key={n} className={styles.note}>
                注：{n}
              </Caption1>
            ))}
          </figure>
        );
      })}
    </section>
  );
}
