import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Option,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { Candidate } from '../../app/consolidate-sheets';
import { LEVELS, type Level } from '../../model/report';
import { LETTERS_SPOT, type PaneController } from '../controller';
import { useLayout } from './styles';
import { SummaryCharts } from './SummaryCharts';

const useStyles = makeStyles({
  member: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'center',
    gap: tokens.spacingHorizontalSNudge,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  address: { width: '100px' },
  lookup: { alignItems: 'end' },
  parts: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  unit: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'center',
    gap: tokens.spacingHorizontalSNudge,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  date: { width: '160px' },
});

/** Which of an office's versions a sheet is, as the list says it. */
function versionLabel(c: Candidate): string {
  const v = c.version;
  if (!v) return '';
  if ('ambiguous' in v) return '；同一单位有多份、无法判断新旧';
  return `；第 ${v.n}/${v.of} 版，${v.counted ? '计入' : '旧版本，不计入'}`;
}

/** 汇总: choose member sheets, name the consolidating office, write summary and overview; drill down. */
export function ConsolidatePanel({ pane }: { pane: PaneController }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [office, setOffice] = useState('');
  const [level, setLevel] = useState<Level | undefined>();
  const [mode, setMode] = useState<'formula' | 'values'>('formula');
  const [address, setAddress] = useState('');
  const [rosterText, setRosterText] = useState('');
  const [previous, setPrevious] = useState('');
  const [resubmitBy, setResubmitBy] = useState('');
  const [charts, setCharts] = useState(true);
  const ui = useLayout();
  const styles = useStyles();
  const result = pane.consolidation;
  const list = pane.candidates;
  const loaded = pane.roster;
  // The box shows the roster as read from the workbook; the clerk's edits stay until the next read.
  useEffect(() => {
    if (loaded && !loaded.theirs) setRosterText(loaded.text);
  }, [loaded]);
  const year = list?.find((c) => chosen.includes(c.sheet))?.year ?? list?.[0]?.year ?? new Date().getFullYear() - 1;
  const summaries = (list ?? []).filter((c) => c.members && c.year === year - 1);
  const missing = result?.completeness?.expected.filter((x) => !x.member).map((x) => x.entry.name) ?? [];

  return (
    <div className={ui.panelTight}>
      <div className={ui.row}>
        <Button onClick={pane.loadCandidates} disabled={!!pane.busy}>
          {list ? '刷新列表' : '列出年报工作表'}
        </Button>
        {list && list.length > 0 && <Button onClick={() => setChosen(list.map((c) => c.sheet))}>全选</Button>}
      </div>
      {list && list.length === 0 && <Text>工作簿中没有年报表格。请先“生成表格”或“导入报送”。</Text>}
      {list && list.length > 0 && (
        <ul className={ui.list} aria-label="成员报表">
          {list.map((c) => (
            <li key={c.sheet} className={styles.member}>
              <Checkbox
                label={`${c.office}（${c.year} 年度，${c.formatName}${c.members ? `，汇总 ${c.members} 个成员` : ''}${versionLabel(c)}）`}
                checked={chosen.includes(c.sheet)}
                onChange={(_, d) => setChosen(d.checked ? [...chosen, c.sheet] : chosen.filter((s) => s !== c.sheet))}
              />
              {c.errors ? <Badge color="danger">错误 {c.errors}</Badge> : c.warnings ? <Badge color="warning">警告 {c.warnings}</Badge> : <Badge color="success">通过</Badge>}
            </li>
          ))}
        </ul>
      )}
      <Field
        label="报送名单（可选）"
        hint="每行一个应报送的单位；可在后面用 Tab、逗号或空格加上层级（部门、乡镇、街道、本级）、截止日期（如 2025-01-31）、“不纳入汇总”。"
        validationState={loaded?.errors.length ? 'error' : 'none'}
        validationMessage={loaded?.errors.length ? loaded.errors.join('\n') : undefined}
      >
        <Textarea aria-label="报送名单" value={rosterText} onChange={(_, d) => setRosterText(d.value)} rows={5} resize="vertical" placeholder={'县发改局\n城关镇\t乡镇\n县税务局\t不纳入汇总'} />
      </Field>
      <div className={mergeClasses(ui.row, ui.wrap)}>
        <Button size="small" onClick={pane.loadRoster} disabled={!!pane.busy}>
          从工作表读取
        </Button>
        <Button size="small" onClick={() => pane.saveRoster(rosterText, year)} disabled={!!pane.busy || !rosterText.trim()}>
          保存到“报送名单”工作表
        </Button>
      </div>
      {loaded?.theirs && (
        <div className={ui.row}>
          <Button size="small" appearance="primary" onClick={() => pane.saveRoster(rosterText, year, true)}>
            替换“{loaded.theirs}”
          </Button>
          <Button size="small" onClick={pane.cancelRosterReplace}>
            不替换
          </Button>
        </div>
      )}
      {summaries.length > 0 && (
        <Field label="上年汇总（可选，用于核对上年结转和生成同比表）">
          <Dropdown aria-label="上年汇总" placeholder="不比较" value={previous} onOptionSelect={(_, d) => setPrevious(d.optionValue ?? '')}>
            <Option value="">不比较</Option>
            {summaries.map((c) => (
              <Option key={c.sheet} value={c.sheet} text={c.sheet}>
                {`${c.sheet}（${c.year} 年度）`}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field label="汇总单位" required>
        <Input value={office} onChange={(_, d) => setOffice(d.value)} placeholder="例如：某某县（全县汇总）" />
      </Field>
      <Field label="行政层级（可选）">
        <Dropdown aria-label="行政层级" clearButton={{ 'aria-label': '清除选择' }} placeholder="不填" value={level ?? ''} onOptionSelect={(_, d) => setLevel((d.optionValue as Level) || undefined)}>
          <Option value="">不填</Option>
          {LEVELS.map((l) => (
            <Option key={l} value={l}>
              {l}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as 'formula' | 'values')}>
        <Radio value="formula" label="公式（引用各成员表，成员改正后汇总自动更新）" />
        <Radio value="values" label="仅数值" />
      </RadioGroup>
      <Checkbox label="生成“图表”工作表（报送情况、各单位申请数、办理情况、同比）" checked={charts} onChange={(_, d) => setCharts(!!d.checked)} />
      <Button
        appearance="primary"
        disabled={!!pane.busy || chosen.length === 0}
        onClick={() => pane.consolidate({ members: chosen, office, level, mode, roster: rosterText, previous: previous || undefined, charts })}
      >
        汇总（{chosen.length} 个成员）
      </Button>
      {result && !result.ok && (
        <section aria-label="汇总被拒绝">
          {result.findings.map((f, i) => (
            <Text block key={i} className={ui.problem}>
              ✖ {f.message}
            </Text>
          ))}
        </section>
      )}
      {result?.ok && (
        <section aria-label="汇总结果">
          <Subtitle2>{result.summarySheet}</Subtitle2>
          {result.counts && (
            <Text block weight="semibold" aria-label="报送情况">
              {result.counts}
            </Text>
          )}
          {missing.length > 0 && (
            <Text block aria-label="未报送">
              未报送：{missing.join('、')}（见“{result.overviewSheet}”）
            </Text>
          )}
          {result.findings.length === 0 && <Text block>汇总表通过全部校验。</Text>}
          {result.findings.map((f, i) => (
            <Text block size={200} key={i}>
              {f.severity === 'error' ? '✖' : f.severity === 'warning' ? '⚠' : 'ℹ'} {f.message}
            </Text>
          ))}
          {result.season && (
            <section aria-label="退回意见与通报">
              <Subtitle2 block>退回意见与报送情况通报</Subtitle2>
              <Text block size={200}>
                {result.notices?.length ? `需要退回的单位 ${result.notices.length} 个：${result.notices.join('、')}。` : '没有需要退回的单位。'}按本次汇总时的校验结果生成（Word 文档）。
              </Text>
              <Field label="重新报送截止日期">
                <Input type="date" className={styles.date} value={resubmitBy || (result.resubmitBy ?? '')} onChange={(_, d) => setResubmitBy(d.value)} />
              </Field>
              <div className={mergeClasses(ui.row, ui.wrap)}>
                <Button appearance="primary" disabled={!!pane.busy} onClick={() => pane.downloadLetters({ kind: 'all' }, resubmitBy || undefined)}>
                  生成全部退回意见和通报（.zip）
                </Button>
                <Button disabled={!!pane.busy} onClick={() => pane.downloadLetters({ kind: 'circular' }, resubmitBy || undefined)}>
                  生成报送情况通报
                </Button>
              </div>
              {pane.notice?.at === LETTERS_SPOT && (
                <MessageBar intent={pane.notice.intent}>
                  <MessageBarBody>{pane.notice.text}</MessageBarBody>
                </MessageBar>
              )}
              {result.charts && result.charts.length > 0 && <SummaryCharts charts={result.charts} onChoose={(t) => pane.jumpTo(t.sheet, t.address)} />}
              <ul className={ui.list} aria-label="汇总明细">
                {result.season.units.map((u) => (
                  <li key={u.office} className={styles.unit} data-testid="season-unit">
                    <Text size={200}>
                      {u.office}：{u.state}
                      {u.history ? `；整改情况：${u.history.rectification.state}` : ''}
                    </Text>
                    {result.notices?.includes(u.office) ? (
                      <Button
                        size="small"
                        aria-label={`生成${u.office}的退回意见`}
                        disabled={!!pane.busy}
                        onClick={() => pane.downloadLetters({ kind: 'notice', office: u.office }, resubmitBy || undefined)}
                      >
                        退回意见
                      </Button>
                    ) : (
                      <span />
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Text block size={200}>
            查看某个汇总数由哪些成员构成：在汇总表中选中该单元格后点“查看构成”，或输入地址。
          </Text>
          <div className={mergeClasses(ui.row, styles.lookup)}>
            <Field label="单元格地址">
              <Input value={address} onChange={(_, d) => setAddress(d.value)} placeholder="例如 I12" className={styles.address} />
            </Field>
            <Button onClick={() => pane.drillDown(address.trim() ? { sheet: result.summarySheet!, address: address.trim() } : undefined)}>查看构成</Button>
          </div>
        </section>
      )}
      {pane.drill && (
        <section aria-label="汇总数构成">
          <Text weight="semibold" block>
            {pane.drill.label}（{pane.drill.sheet}!{pane.drill.address}）
          </Text>
          <ul className={styles.parts}>
            {pane.drill.parts.map((p) => (
              <li key={p.sheet}>
                <Button size="small" appearance="transparent" onClick={() => pane.jumpTo(p.sheet, p.address)}>
                  {p.office}：{p.value === null ? '空白' : String(p.value)}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
