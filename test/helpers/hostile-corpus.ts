/**
 * Generates the corpus of hostile and broken files (test/fixtures/hostile/), so that no
 * large binary is committed. Each case states the exact outcome the command line must give.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { strToU8, unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { formats } from '../../src/formats';
import { UNCOMPUTED } from '../../src/model/uncomputed';
import { clerkLayout, toDocx, toXlsx, toHtml } from './clerk-layouts';
import { makeHostilePdfs, wordDocument } from './pdf-files';
import { seeded, validCells } from './random-report';

export interface HostileCase {
  file: string;
  what: string;
  /** Exit code of `nianbao validate FILE`. */
  code: 0 | 1 | 2;
  /** Text the message must contain (stderr for exit 2, stdout otherwise). */
  says: string;
  /** A finding the report must carry (its rule). */
  rule?: string;
  /** Text stderr must contain besides: a problem with the file that still is read. */
  warns?: string;
}

const XLSX_PARTS = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

/** A zip written in a stream, so a huge part never sits in memory. */
function streamedZip(parts: Record<string, string>, big: { name: string; chunks: () => Iterable<Uint8Array> }): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    out.push(data);
  });
  for (const [name, text] of Object.entries(parts)) {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  }
  const f = new ZipDeflate(big.name, { level: 9 });
  zip.add(f);
  for (const c of big.chunks()) f.push(c);
  f.push(new Uint8Array(0), true);
  zip.end();
  const total = out.reduce((n, c) => n + c.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of out) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/** Rewrites every declared uncompressed size to a small lie, as a crafted bomb does. */
function lieAboutSizes(zip: Uint8Array): Uint8Array {
  const b = new Uint8Array(zip);
  const v = new DataView(b.buffer);
  for (let i = 0; i + 4 < b.length; i++) {
    const sig = v.getUint32(i, true);
    if (sig === 0x02014b50) v.setUint32(i + 24, 1000, true);
    else if (sig === 0x04034b50 && v.getUint32(i + 22, true) !== 0) v.setUint32(i + 22, 1000, true);
  }
  return b;
}

function replacePart(zip: Uint8Array, name: string, text: string): Uint8Array {
  const parts = unzipSync(zip);
  parts[name] = strToU8(text);
  return zipSync(parts);
}

const LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>';

/** `root` is the project folder, where the sample texts are. */
export async function makeHostileCorpus(dir: string, root = join(__dirname, '../..')): Promise<HostileCase[]> {
  mkdirSync(dir, { recursive: true });
  const put = (name: string, data: Uint8Array | string) => writeFileSync(join(dir, name), data);
  const format = formats.byId('gov-2021')!;
  const layout = clerkLayout(format, validCells(format, seeded(5)), { office: '某县', year: 2023 });
  const realXlsx = new Uint8Array(await toXlsx(layout));
  const realDocx = new Uint8Array(toDocx(layout));
  const cases: HostileCase[] = [];
  const add = (c: HostileCase) => cases.push(c);

  const MB = new Uint8Array(1024 * 1024);
  const bomb = streamedZip(XLSX_PARTS, {
    name: 'xl/worksheets/sheet1.xml',
    chunks: function* () {
      for (let i = 0; i < 1024; i++) yield MB;
    },
  });
  put('zip-bomb.xlsx', bomb);
  add({ file: 'zip-bomb.xlsx', what: '压缩炸弹：约 1 MB 的文件解压为 1 GB', code: 2, says: '压缩炸弹' });
  put('zip-bomb-lying.xlsx', lieAboutSizes(bomb));
  add({ file: 'zip-bomb-lying.xlsx', what: '压缩炸弹，文件头谎报解压大小', code: 2, says: '压缩炸弹' });

  const many: Record<string, Uint8Array> = {};
  for (let i = 0; i < 6000; i++) many[`x/${i}.xml`] = strToU8('<a/>');
  put('many-entries.xlsx', zipSync(many));
  add({ file: 'many-entries.xlsx', what: '6000 个压缩部件', code: 2, says: '部件超过' });

  put('billion-laughs.xlsx', replacePart(realXlsx, 'xl/worksheets/sheet1.xml', `${LAUGHS}<worksheet><sheetData><row><c t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`));
  add({ file: 'billion-laughs.xlsx', what: '“十亿笑声”实体膨胀（.xlsx）', code: 2, says: '实体声明' });
  const docXml = new TextDecoder().decode(unzipSync(realDocx)['word/document.xml']);
  put('billion-laughs.docx', replacePart(realDocx, 'word/document.xml', docXml.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', LAUGHS)));
  add({ file: 'billion-laughs.docx', what: '“十亿笑声”实体膨胀（.docx）', code: 2, says: '实体声明' });
  put(
    'xxe.docx',
    replacePart(
      realDocx,
      'word/document.xml',
      docXml.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'),
    ),
  );
  add({ file: 'xxe.docx', what: '外部实体（读取本机文件）', code: 2, says: '实体声明' });

  put(
    'million-rows.xlsx',
    streamedZip(XLSX_PARTS, {
      name: 'xl/worksheets/sheet1.xml',
      chunks: function* () {
        yield strToU8('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
        for (let block = 0; block < 100; block++) {
          let s = '';
          for (let r = block * 10000 + 1; r <= (block + 1) * 10000; r++) s += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
          yield strToU8(s);
        }
        yield strToU8('</sheetData></worksheet>');
      },
    }),
  );
  add({ file: 'million-rows.xlsx', what: '100 万行的工作表', code: 2, says: '行，不像是一份年报' });

  const line = strToU8('规章\t1\t2\t3\n'.repeat(4000));
  const huge = new Uint8Array(50 * 1024 * 1024);
  for (let at = 0; at < huge.length; at += line.length) huge.set(line.subarray(0, Math.min(line.length, huge.length - at)), at);
  put('huge-text.txt', huge);
  add({ file: 'huge-text.txt', what: '50 MB 的文本文件', code: 2, says: '文本文件超过' });

  const tables = Array.from({ length: 10000 }, (_, i) => `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>${i}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`).join('');
  put(
    'many-tables.docx',
    replacePart(realDocx, 'word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${tables}</w:body></w:document>`),
  );
  add({ file: 'many-tables.docx', what: '含 10000 个表格的 Word 文档', code: 2, says: '表格超过' });

  put('deep-nesting.html', `<html><body>${'<div>'.repeat(100000)}某县2023年政府信息公开工作年度报告${'</div>'.repeat(100000)}</body></html>`);
  add({ file: 'deep-nesting.html', what: '10 万层嵌套的网页', code: 2, says: '标签超过' });
  put('deep-nesting-small.html', `<html><body>${'<div>'.repeat(20000)}某县2023年政府信息公开工作年度报告${'</div>'.repeat(20000)}</body></html>`);
  add({ file: 'deep-nesting-small.html', what: '2 万层嵌套的网页（标签数在上限内）', code: 2, says: '未找到可识别的报表' });

  put('truncated.xlsx', realXlsx.subarray(0, Math.floor(realXlsx.length / 2)));
  add({ file: 'truncated.xlsx', what: '截断的 .xlsx', code: 2, says: '文件已损坏' });
  const rand = seeded(13);
  put(
    'garbage.docx',
    Uint8Array.from({ length: 20000 }, () => Math.floor(rand() * 256)),
  );
  add({ file: 'garbage.docx', what: '随机字节冒充 .docx', code: 2, says: '文件已损坏' });
  put(
    'garbage.txt',
    Uint8Array.from({ length: 20000 }, () => Math.floor(rand() * 256)),
  );
  add({ file: 'garbage.txt', what: '随机字节的 .txt', code: 2, says: '未找到可识别的报表' });
  put('empty.xlsx', new Uint8Array(0));
  add({ file: 'empty.xlsx', what: '0 字节的 .xlsx', code: 2, says: '文件已损坏' });

  const long = clerkLayout(format, { ...validCells(format, seeded(5)), 'requests.new.natural': '9'.repeat(100000) }, { office: '某县', year: 2023 });
  put('long-cell.xlsx', await toXlsx(long));
  add({ file: 'long-cell.xlsx', what: '单元格中 10 万个字符', code: 1, says: '不是数字' });

  // Formulas with no stored result (exceljs writes <f> without <v> when no result is given),
  // read by a report's own cells: without bounds each of these hangs or crashes the reader.
  const formulaBook = async (edit: (report: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void, file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(layout)) as unknown as ArrayBuffer);
    edit(wb.worksheets[0], wb);
    put(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  };
  const formula = (text: string) => ({ formula: text }) as ExcelJS.CellFormulaValue;
  // Report cells: B5 规章·本年制发 (a number input), J21 and J45 the 总计 of 一、本年新收 and 四、结转下年度.
  const at = [layout.rows[4]?.[1], layout.rows[20]?.[9], layout.rows[44]?.[9]].map(String).join();
  if (at !== '34,232,18') throw new Error(`the layout moved: B5, J21, J45 hold ${at}`);

  await formulaBook((report, wb) => {
    const calc = wb.addWorksheet('计算');
    for (let r = 1; r <= 30; r++) for (let c = 1; c <= 26; c++) calc.getCell(r, c).value = formula(`SUM(A${r + 1}:Z${r + 1})`);
    for (let c = 1; c <= 26; c++) calc.getCell(31, c).value = 0;
    report.getCell('B5').value = formula("'计算'!A1+34");
  }, 'formula-bomb.xlsx');
  add({ file: 'formula-bomb.xlsx', what: '公式炸弹：30 行各对下一行整行求和、无缓存结果，报表格引用其首格（不记忆时要算 26 的 30 次方次）', code: 0, says: '某县' });

  await formulaBook((report, wb) => {
    const wide = wb.addWorksheet('宽');
    for (let r = 1; r <= 1000; r++) wide.getCell(r, 1).value = formula('SUM(B1:XFD1048576)');
    report.getCell('B5').value = formula("'宽'!A1+34");
  }, 'formula-fan.xlsx');
  add({
    file: 'formula-fan.xlsx',
    what: '宽扇出公式：1000 格各对整张工作表求和（每格约 170 亿个引用），报表格引用其首格',
    code: 1,
    says: UNCOMPUTED.budget,
    rule: 'cell.not_number',
    warns: '逐格计算超出上限',
  });

  await formulaBook((report, wb) => {
    const chain = wb.addWorksheet('链');
    for (let r = 1; r <= 5000; r++) chain.getCell(r, 1).value = formula(`A${r + 1}+1`);
    chain.getCell(5001, 1).value = 0;
    report.getCell('B5').value = formula("'链'!A1-5000+34");
  }, 'formula-chain.xlsx');
  add({ file: 'formula-chain.xlsx', what: '5000 层的公式链（A1=A2+1，A2=A3+1……），报表格引用其首格', code: 1, says: UNCOMPUTED.budget, rule: 'cell.not_number', warns: '逐格计算超出上限' });

  await formulaBook((report) => {
    report.getCell('J21').value = formula('J21');
  }, 'formula-self.xlsx');
  add({ file: 'formula-self.xlsx', what: '直接循环引用：报表合计格引用自身', code: 1, says: UNCOMPUTED.cycle, rule: 'cell.not_number' });

  await formulaBook((report) => {
    report.getCell('J21').value = formula('J45');
    report.getCell('J45').value = formula('J21');
  }, 'formula-cycle.xlsx');
  add({ file: 'formula-cycle.xlsx', what: '间接循环引用：报表的两个合计格互相引用', code: 1, says: UNCOMPUTED.cycle, rule: 'cell.not_number' });

  await formulaBook((report, wb) => {
    wb.addWorksheet('乙').getCell('A1').value = formula("'甲 表'!A1+1");
    wb.addWorksheet('甲 表').getCell('A1').value = formula("'Sheet1'!J21");
    report.getCell('J21').value = formula("'乙'!A1");
  }, 'formula-cycle-sheets.xlsx');
  add({ file: 'formula-cycle-sheets.xlsx', what: '跨工作表循环引用：报表合计格 → 乙 → 甲 表 → 报表合计格', code: 1, says: UNCOMPUTED.cycle, rule: 'cell.not_number' });

  const page = toHtml(clerkLayout(format, validCells(format, seeded(6)), { office: '<img src=x onerror=alert(1)>某县', year: 2023 })).replace(
    '<body>',
    '<body><script>alert(1)</script><iframe src="http://example.invalid/"></iframe>',
  );
  put('script.html', page);
  add({ file: 'script.html', what: '含脚本和 HTML 标记的网页', code: 0, says: '<img src=x onerror=alert(1)>某县' });

  const fuxin = readFileSync(join(root, 'test/fixtures/samples/fuxin-2020.txt'), 'utf8');
  put('gbk.txt', iconv.encode(fuxin, 'gb18030'));
  add({ file: 'gbk.txt', what: 'GBK 编码的文本（中文 Windows 记事本）', code: 1, says: '阜新市人民政府办公室' });

  // PDFs: scan, password, truncation, broken cross-references, page cap, nesting, garbage.
  for (const c of makeHostilePdfs(dir, wordDocument(layout, { borders: true }))) add(c);
  return cases;
}
