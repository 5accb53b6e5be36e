import { useRef, useState } from 'react';
import { Badge, Button, Checkbox, Field, Input, makeStyles, mergeClasses, Subtitle2, Text, Textarea, tokens } from '@fluentui/react-components';
import type { PaneController } from '../controller';
import { useLayout } from './styles';
import { browserFile } from '../../ports/browser/browser-files';

const useStyles = makeStyles({
  pastedOffice: { flex: '1 1 180px' },
  item: { padding: `${tokens.spacingVerticalSNudge} 0`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  identity: { margin: `${tokens.spacingVerticalXS} 0` },
  cells: { maxHeight: '280px', overflowY: 'auto', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, marginTop: tokens.spacingVerticalXS },
  table: { fontSize: tokens.fontSizeBase200, borderCollapse: 'collapse', marginTop: tokens.spacingVerticalXS },
  left: { textAlign: 'left' },
  right: { textAlign: 'right' },
  source: { whiteSpace: 'nowrap', paddingLeft: tokens.spacingHorizontalS },
});

const ACCEPT = '.xlsx,.docx,.html,.htm,.pdf,.txt,.json';

/** 导入报送: read submissions, show what was read and its status, write the chosen ones. */
export function ImportPanel({ pane }: { pane: PaneController }) {
  const input = useRef<HTMLInputElement>(null);
  const [pasted, setPasted] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [pastedOffice, setPastedOffice] = useState('');
  const [pastedYear, setPastedYear] = useState('');
  const MAX_LISTED = 8;
  const ui = useLayout();
  const styles = useStyles();

  const pick = async (list: FileList | null) => {
    if (!list) return;
    await pane.readFiles([...list].map(browserFile));
    if (input.current) input.current.value = '';
  };
  const readable = pane.imported.filter((i) => i.report);

  return (
    <div className={ui.panelTight}>
      <Text size={200}>选择各单位报送的文件（.xlsx、.docx、.html、.pdf、.txt，可多选），或粘贴从网页、PDF 复制的报告文字。文件只在本机读取。</Text>
      <input ref={input} type="file" multiple accept={ACCEPT} aria-label="选择报送文件" className={ui.hidden} onChange={(e) => pick(e.target.files)} />
      <div className={mergeClasses(ui.row, ui.wrap)}>
        <Button onClick={() => input.current?.click()} disabled={!!pane.busy}>
          选择文件…
        </Button>
        <Button
          onClick={() => pane.readFiles([], pasted, { office: pastedOffice.trim() || undefined, year: /^\d{4}$/.test(pastedYear.trim()) ? Number(pastedYear) : undefined })}
          disabled={!!pane.busy || !pasted.trim()}
        >
          读取粘贴的文字
        </Button>
        {pane.imported.length > 0 && <Button onClick={pane.clearImported}>清空列表</Button>}
      </div>
      <Textarea aria-label="粘贴报告文字" placeholder="在此粘贴报告文字（表格部分即可）" value={pasted} onChange={(_, d) => setPasted(d.value)} rows={3} />
      <div className={mergeClasses(ui.row, ui.wrap)}>
        <Field label="粘贴文字的填报单位（文字中没有标题时填写）" size="small" className={styles.pastedOffice}>
          <Input value={pastedOffice} onChange={(_, d) => setPastedOffice(d.value)} />
        </Field>
        <Field label="报告年度" size="small" className={ui.yearField}>
          <Input className={ui.yearInput} value={pastedYear} inputMode="numeric" onChange={(_, d) => setPastedYear(d.value)} />
        </Field>
      </div>
      {pane.imported.length > 0 && <Subtitle2>识别结果（{readable.length} 份可写入）</Subtitle2>}
      <ul className={ui.list} aria-label="识别结果">
        {pane.imported.map((item) => (
          <li key={item.key} className={styles.item} data-testid="import-item">
            <div className={mergeClasses(ui.row, ui.wrap, ui.centered)}>
              {item.report && (
                <Checkbox
                  aria-label={`选择 ${pane.identityOf(item).office || item.file}`}
                  disabled={!pane.identityOf(item).office.trim()}
                  checked={chosen.includes(item.key) && !!pane.identityOf(item).office.trim()}
                  onChange={(_, d) => setChosen(d.checked ? [...chosen, item.key] : chosen.filter((k) => k !== item.key))}
                />
              )}
              <Text weight="semibold">{item.report ? `${pane.identityOf(item).office || '（单位未识别）'} ${pane.identityOf(item).year} 年度` : item.file}</Text>
              {item.report ? (
                item.errors ? (
                  <Badge color="danger">错误 {item.errors}</Badge>
                ) : item.warnings ? (
                  <Badge color="warning">警告 {item.warnings}</Badge>
                ) : (
                  <Badge color="success">通过</Badge>
                )
              ) : (
                <Badge color="danger">无法读取</Badge>
              )}
              <Text size={200}>{item.file}</Text>
              {item.report && (
                <Button size="small" appearance="subtle" onClick={() => setOpen(open === item.key ? null : item.key)}>
                  {open === item.key ? '收起' : '查看读取内容'}
                </Button>
              )}
            </div>
            {item.problem && (
              <Text block size={200} className={ui.problem}>
                {item.problem}
              </Text>
            )}
            {item.report && (
              <div className={mergeClasses(ui.row, ui.wrap, styles.identity)}>
                <Field
                  label="填报单位"
                  size="small"
                  className={ui.officeField}
                  validationState={pane.identityOf(item).office.trim() ? 'none' : 'error'}
                  validationMessage={pane.identityOf(item).office.trim() ? undefined : '未能识别填报单位，请填写后再写入。'}
                >
                  <Input value={pane.identityOf(item).office} onChange={(_, d) => pane.setIdentity(item.key, { office: d.value })} />
                </Field>
                <Field label="报告年度" size="small" className={ui.yearField}>
                  <Input className={ui.yearInput} value={pane.identityOf(item).year} inputMode="numeric" onChange={(_, d) => pane.setIdentity(item.key, { year: d.value })} />
                </Field>
              </div>
            )}
            {item.findings.some((f) => f.severity !== 'info') && (
              <Text block size={200} weight="semibold">
                错误 {item.errors} 项，警告 {item.warnings} 项：
              </Text>
            )}
            {item.findings
              .filter((f) => f.severity !== 'info')
              .slice(0, MAX_LISTED)
              .map((f, i) => (
                <Text block size={200} key={i}>
                  {f.severity === 'error' ? '✖' : '⚠'} {f.message}
                </Text>
              ))}
            {item.errors + item.warnings > MAX_LISTED && (
              <Text block size={200} italic>
                另有 {item.errors + item.warnings - MAX_LISTED} 项（写入工作簿后可在“一键校验”中逐项查看）
              </Text>
            )}
            {open === item.key && (
              <div className={styles.cells}>
                <table className={styles.table} aria-label="读取内容">
                  <thead>
                    <tr>
                      <th className={styles.left}>单元格</th>
                      <th className={styles.right}>读取值</th>
                      <th className={styles.left}>来源</th>
                    </tr>
                  </thead>
                  <tbody>
                    {item.cells.map((c) => (
                      <tr key={c.label}>
                        <td>{c.label}</td>
                        <td className={styles.right}>{c.value}</td>
                        <td className={styles.source}>{c.from}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </li>
        ))}
      </ul>
      {pane.duplicates && (
        <div role="alertdialog" aria-label="重复的报表" className={mergeClasses(ui.group, ui.confirm)}>
          <Text>
            工作簿中已有这些单位同一年度的报表：
            {pane.duplicates.list.map((d) => `${d.office} ${d.year} 年度（${d.existing}）`).join('、')}。 两份都保留时作为该单位的不同版本：汇总时只计入报送时间最新的一份，并核对整改情况。
          </Text>
          <div className={mergeClasses(ui.row, ui.wrap)}>
            <Button appearance="primary" onClick={() => pane.writeImported(pane.duplicates!.keys, 'replace').then(() => setChosen([]))}>
              替换原工作表
            </Button>
            <Button onClick={() => pane.writeImported(pane.duplicates!.keys, 'keep').then(() => setChosen([]))}>两份都保留（作为新版本）</Button>
            <Button appearance="subtle" onClick={pane.cancelDuplicates}>
              取消
            </Button>
          </div>
        </div>
      )}
      {readable.length > 0 && (
        <div className={ui.row}>
          <Button appearance="primary" disabled={!!pane.busy || chosen.length === 0} onClick={() => pane.writeImported(chosen).then(() => setChosen([]))}>
            写入工作簿（{chosen.length}）
          </Button>
          <Button onClick={() => setChosen(readable.map((i) => i.key))}>全选</Button>
        </div>
      )}
    </div>
  );
}
