import { useRef, useState } from 'react';
import { Badge, Button, Checkbox, Field, Input, Subtitle2, Text, Textarea } from '@fluentui/react-components';
import type { PaneController } from '../controller';

const ACCEPT = '.xlsx,.docx,.html,.htm,.txt,.json';

/** 导入报送: read submissions, show what was read and its status, write the chosen ones. */
export function ImportPanel({ pane }: { pane: PaneController }) {
  const input = useRef<HTMLInputElement>(null);
  const [pasted, setPasted] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [pastedOffice, setPastedOffice] = useState('');
  const [pastedYear, setPastedYear] = useState('');
  const MAX_LISTED = 8;

  const pick = async (list: FileList | null) => {
    if (!list) return;
    const files = await Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    await pane.readFiles(files);
    if (input.current) input.current.value = '';
  };
  const readable = pane.imported.filter((i) => i.report);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
      <Text size={200}>选择各单位报送的文件（.xlsx、.docx、.html、.txt，可多选），或粘贴从网页、PDF 复制的报告文字。文件只在本机读取。</Text>
      <input ref={input} type="file" multiple accept={ACCEPT} aria-label="选择报送文件" style={{ display: 'none' }} onChange={(e) => pick(e.target.files)} />
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
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
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Field label="粘贴文字的填报单位（文字中没有标题时填写）" size="small" style={{ flex: '1 1 180px' }}>
          <Input value={pastedOffice} onChange={(_, d) => setPastedOffice(d.value)} />
        </Field>
        <Field label="报告年度" size="small" style={{ width: 96, flexShrink: 0 }}>
          <Input style={{ width: '100%', minWidth: 0 }} value={pastedYear} inputMode="numeric" onChange={(_, d) => setPastedYear(d.value)} />
        </Field>
      </div>
      {pane.imported.length > 0 && <Subtitle2>识别结果（{readable.length} 份可写入）</Subtitle2>}
      <ul style={{ margin: 0, padding: 0, listStyle: 'none' }} aria-label="识别结果">
        {pane.imported.map((item) => (
          <li key={item.key} style={{ borderBottom: '1px solid #edebe9', padding: '6px 0' }} data-testid="import-item">
            <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
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
              <Text block size={200} style={{ color: '#a4262c' }}>
                {item.problem}
              </Text>
            )}
            {item.report && (
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', margin: '4px 0' }}>
                <Field
                  label="填报单位"
                  size="small"
                  style={{ flex: '1 1 160px' }}
                  validationState={pane.identityOf(item).office.trim() ? 'none' : 'error'}
                  validationMessage={pane.identityOf(item).office.trim() ? undefined : '未能识别填报单位，请填写后再写入。'}
                >
                  <Input value={pane.identityOf(item).office} onChange={(_, d) => pane.setIdentity(item.key, { office: d.value })} />
                </Field>
                <Field label="报告年度" size="small" style={{ width: 96, flexShrink: 0 }}>
                  <Input style={{ width: '100%', minWidth: 0 }} value={pane.identityOf(item).year} inputMode="numeric" onChange={(_, d) => pane.setIdentity(item.key, { year: d.value })} />
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
              <div style={{ maxHeight: 280, overflowY: 'auto', border: '1px solid #edebe9', marginTop: 4 }}>
              <table style={{ fontSize: 12, borderCollapse: 'collapse', marginTop: 4 }} aria-label="读取内容">
                <thead>
                  <tr>
                    <th style={{ textAlign: 'left' }}>单元格</th>
                    <th style={{ textAlign: 'right' }}>读取值</th>
                    <th style={{ textAlign: 'left' }}>来源</th>
                  </tr>
                </thead>
                <tbody>
                  {item.cells.map((c) => (
                    <tr key={c.label}>
                      <td>{c.label}</td>
                      <td style={{ textAlign: 'right' }}>{c.value}</td>
                      <td style={{ whiteSpace: 'nowrap', paddingLeft: 8 }}>{c.from}</td>
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
        <div role="alertdialog" aria-label="重复的报表" style={{ border: '1px solid #c19c00', padding: 8, display: 'flex', flexDirection: 'column', gap: 6 }}>
          <Text>
            工作簿中已有这些单位同一年度的报表：
            {pane.duplicates.list.map((d) => `${d.office} ${d.year} 年度（${d.existing}）`).join('、')}。
          </Text>
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button appearance="primary" onClick={() => pane.writeImported(pane.duplicates!.keys, 'replace').then(() => setChosen([]))}>
              替换原工作表
            </Button>
            <Button onClick={() => pane.writeImported(pane.duplicates!.keys, 'keep').then(() => setChosen([]))}>两份都保留</Button>
            <Button appearance="subtle" onClick={pane.cancelDuplicates}>
              取消
            </Button>
          </div>
        </div>
      )}
      {readable.length > 0 && (
        <div style={{ display: 'flex', gap: 8 }}>
          <Button appearance="primary" disabled={!!pane.busy || chosen.length === 0} onClick={() => pane.writeImported(chosen).then(() => setChosen([]))}>
            写入工作簿（{chosen.length}）
          </Button>
          <Button onClick={() => setChosen(readable.map((i) => i.key))}>全选</Button>
        </div>
      )}
    </div>
  );
}
