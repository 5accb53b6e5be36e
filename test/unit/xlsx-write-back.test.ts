/**
 * Issue 21 without the browser: a clerk's workbook made by a real tool, validated and fixed
 * through the exceljs port, is written back into her own package. Every part we did not mean
 * to change is byte-identical; the shared parts we did change only gained entries; the fixed
 * sheet re-reads to exactly the expected figures. What cannot be carried is named before, and
 * keeping her sheet keeps it byte for byte. And a property: random workbooks written by exceljs,
 * given extra parts, keep every extra part through a round trip.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { formats } from '../../src/formats';
import { canonicalPlan } from '../../src/layout/sheet-report';
import { validateSheets } from '../../src/app/validate-sheets';
import { ClerkWorkbook } from '../../src/ports/xlsx/clerk-workbook';
import { readWorkbookContents } from '../../src/ports/xlsx/read-sheets';
import { makeClerkCorpus, PYTHON, SHEET, type CorpusFile } from '../helpers/clerk-corpus';
import { diffPackages, onlyAppended, textOf } from '../helpers/package-diff';
import { nianbao } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-writeback-'));
const format = formats.forYear(2023)!;
const plan = canonicalPlan(format);
let corpus: CorpusFile[] = [];

beforeAll(async () => {
  corpus = await makeClerkCorpus(dir);
}, 240000);

/** The part of a sheet by its name, through workbook.xml and its relationships. */
function sheetPart(parts: Record<string, Uint8Array>, name: string): string {
  const wb = textOf(parts, 'xl/workbook.xml');
  const id = new RegExp(`<sheet[^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(textOf(parts, 'xl/_rels/workbook.xml.rels'))!;
  return `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`;
}

test.each([0, 1, 2])(
  'corpus file %i: validated and fixed, written back: only the fixed sheet and the shared parts it needs change',
  async (i) => {
    const c = corpus[i];
    const bytes = new Uint8Array(readFileSync(c.file));
    const book = await ClerkWorkbook.open(bytes);
    const [first] = await validateSheets(book.port, { sheets: [SHEET] });
    expect(first.findings.some((f) => f.severity === 'error')).toBe(true);
    await book.port.setValues(SHEET, { [c.wrong.address]: c.wrong.right });
    const [again] = await validateSheets(book.port, { sheets: [SHEET] });
    expect(again.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(book.plan()).toEqual({ losses: [], macros: c.macros });
    const out = await book.write();

    const d = diffPackages(bytes, out);
    const report = sheetPart(d.before, SHEET);
    const shared = ['xl/styles.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', '[Content_Types].xml'];
    expect(d.changed.filter((n) => n !== report && !shared.includes(n))).toEqual([]);
    expect(d.removed.filter((n) => n !== 'xl/calcChain.xml')).toEqual([]);
    // Added: the fixed sheet's notes (comments, their drawing) and its relationships, nothing else.
    expect(d.added.filter((n) => !/^xl\/(comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|worksheets\/_rels\/sheet\d+\.xml\.rels)$/.test(n))).toEqual([]);
    // The clerk's chart and drawings, her other sheets, macros: byte for byte.
    for (const n of Object.keys(d.before).filter((x) => /charts|drawings\/drawing|media|vbaProject|worksheets\/sheet/.test(x) && x !== report)) expect(d.same).toContain(n);
    expect(onlyAppended(textOf(d.before, 'xl/styles.xml'), textOf(d.after, 'xl/styles.xml'), ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'])).toBe(true);
    if (d.before['xl/sharedStrings.xml']) expect(onlyAppended(textOf(d.before, 'xl/sharedStrings.xml'), textOf(d.after, 'xl/sharedStrings.xml'), ['sst'])).toBe(true);
    // The clerk's sheets, names and defined names in workbook.xml are as she had them.
    const entries = (xml: string) => [...xml.matchAll(/<sheet [^>]*\/>|<definedName\b[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
    expect(entries(textOf(d.after, 'xl/workbook.xml'))).toEqual(entries(textOf(d.before, 'xl/workbook.xml')));
    if (c.macros) expect(textOf(d.after, '[Content_Types].xml')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');

    // Re-read by both readers (the lean one, and the web page's opening): exactly the figures, the wrong one fixed.
    // exceljs alone cannot open openpyxl's chart at all.
    const expected = { ...c.cells, [c.wrong.id]: c.wrong.right };
    const lean = readWorkbookContents(out).sheets.find((s) => s.name === SHEET)!;
    const [viaExceljs] = await (await ClerkWorkbook.open(out)).port.readSheets([SHEET]);
    for (const cell of format.cells) {
      if (format.totals.has(cell.index)) continue;
      expect([cell.id, lean.cells.get(plan.addresses[cell.id])]).toEqual([cell.id, expected[cell.id]]);
      expect([cell.id, viaExceljs.cells.get(plan.addresses[cell.id])]).toEqual([cell.id, expected[cell.id]]);
    }
  },
  60000,
);

test('the openpyxl workbook with a chart is read by the command line', () => {
  const r = nianbao(['validate', corpus[1].file, '--json']);
  expect(r.stderr).toBe('');
  const reports = JSON.parse(r.stdout).reports;
  expect(reports.map((x: { office: string }) => x.office)).toEqual(['汤原县人民政府办公室']);
  expect(reports[0].cells[corpus[1].wrong.id]).toBe(corpus[1].cells[corpus[1].wrong.id]);
});

test('a sheet rewritten whole would lose her chart: said first; kept, her sheet stays byte for byte and ours is added', async () => {
  const c = corpus[0];
  const bytes = new Uint8Array(readFileSync(c.file));
  const open = async () => {
    const book = await ClerkWorkbook.open(bytes);
    // A change a patch cannot express: a merge on her chart sheet.
    book.port.workbook.getWorksheet('图表')!.mergeCells('D20:E20');
    return book;
  };
  const book = await open();
  const { losses } = book.plan();
  expect(losses).toEqual([{ sheet: '图表', parts: expect.arrayContaining(['图表、图片']), keptAs: '图表（年报助手）' }]);
  const chartSheet = sheetPart(unzipSync(bytes), '图表');

  const kept = diffPackages(bytes, await book.write(['图表']));
  expect(kept.same).toContain(chartSheet);
  expect(kept.same).toEqual(expect.arrayContaining(Object.keys(kept.before).filter((n) => /charts|drawings|media/.test(n))));
  const added = readWorkbookContents(zipSync(kept.after)).sheets.map((s) => s.name);
  expect(added).toEqual([SHEET, '图表', '隐藏', '保护', '图表（年报助手）']);

  const lost = diffPackages(bytes, await (await open()).write([]));
  expect(lost.removed.filter((n) => /charts\/chart/.test(n))).toHaveLength(1);
  expect(lost.changed).toContain(chartSheet);
}, 60000);

/** A workbook written by exceljs, given parts exceljs never writes: custom XML, printer settings, a drawing in the default namespace, an opaque binary. */
function withExtras(xlsx: Uint8Array, seed: number): { bytes: Uint8Array; extras: Record<string, Uint8Array> } {
  const parts = unzipSync(xlsx);
  const dec = (n: string) => new TextDecoder().decode(parts[n]);
  const extras: Record<string, Uint8Array> = {
    'customXml/item1.xml': strToU8(`<?xml version="1.0"?><data xmlns="urn:nianbao:test" seed="${seed}"/>`),
    'xl/printerSettings/printerSettings1.bin': Uint8Array.from({ length: 64 + (seed % 50) }, (_, i) => (i * seed) % 256),
    'xl/drawings/drawing1.xml': strToU8(
      `<?xml version="1.0"?><wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><absoluteAnchor><pos x="0" y="0"/><ext cx="${1000 + seed}" cy="1000"/><sp><nvSpPr><cNvPr id="2" name="Shape"/><cNvSpPr/></nvSpPr><spPr/></sp><clientData/></absoluteAnchor></wsDr>`,
    ),
  };
  Object.assign(parts, extras);
  parts['_rels/.rels'] = strToU8(
    dec('_rels/.rels').replace(
      '</Relationships>',
      '<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="customXml/item1.xml"/></Relationships>',
    ),
  );
  const rels = 'xl/worksheets/_rels/sheet1.xml.rels';
  const sheetRels =
    '<Relationship Id="rIdP1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/><Relationship Id="rIdD1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>';
  parts[rels] = strToU8(
    parts[rels]
      ? dec(rels).replace('</Relationships>', `${sheetRels}</Relationships>`)
      : `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}</Relationships>`,
  );
  parts['xl/worksheets/sheet1.xml'] = strToU8(dec('xl/worksheets/sheet1.xml').replace('</worksheet>', '<drawing r:id="rIdD1"/></worksheet>'));
  parts['[Content_Types].xml'] = strToU8(
    dec('[Content_Types].xml').replace(
      '</Types>',
      '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
    ),
  );
  return { bytes: zipSync(parts), extras };
}

const cellValue = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.string({ maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0),
  fc.constant(null),
);

test('property: random exceljs workbooks with extra parts keep every extra part, byte for byte, through a round trip with a change', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        sheets: fc.array(fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), cellValue), { maxLength: 30 }), { minLength: 1, maxLength: 3 }),
        change: fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), cellValue),
        seed: fc.integer({ min: 1, max: 1000 }),
      }),
      async ({ sheets, change, seed }) => {
        const wb = new ExcelJS.Workbook();
        sheets.forEach((cells, i) => {
          const ws = wb.addWorksheet(`表${i + 1}`);
          for (const [r, col, v] of cells) ws.getCell(r, col).value = v;
        });
        const { bytes, extras } = withExtras(new Uint8Array(await wb.xlsx.writeBuffer()), seed);
        const book = await ClerkWorkbook.open(bytes);
        const target = `表${(seed % sheets.length) + 1}`;
        const [r, col, v] = change;
        await book.port.setValues(target, { [`${String.fromCharCode(64 + col)}${r}`]: v });
        const out = unzipSync(await book.write());
        for (const [name, data] of Object.entries(extras)) expect([name, Buffer.from(out[name] ?? []).equals(Buffer.from(data))]).toEqual([name, true]);
        // Still reached: the package and sheet relationships that name them are kept.
        expect(new TextDecoder().decode(out['_rels/.rels'])).toContain('customXml/item1.xml');
        expect(new TextDecoder().decode(out['xl/worksheets/_rels/sheet1.xml.rels'])).toContain('printerSettings1.bin');
        // And the changed cell reads back as written.
        const read = readWorkbookContents(zipSync(out)).sheets.find((s) => s.name === target)!;
        expect(read.cells.get(`${String.fromCharCode(64 + col)}${r}`) ?? null).toEqual(v);
      },
    ),
    { numRuns: 40 },
  );
}, 120000);

/** Every element of a part moved to the `x:` prefix, as some generators write SpreadsheetML. */
function prefixed(xml: string): string {
  return xml
    .replace(/<(\/?)([A-Za-z][\w.-]*)([\s/>])/g, (m, close: string, name: string, after: string) => (name.includes(':') ? m : `<${close}x:${name}${after}`))
    .replace(' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
}

test('a workbook whose SpreadsheetML is prefixed (x:) is opened, patched with elements in the right namespace, and read back', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.getCell('A1').value = '一月';
  ws.getCell('B1').value = 3;
  ws.getCell('A2').value = '二月';
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  for (const n of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']) parts[n] = strToU8(prefixed(new TextDecoder().decode(parts[n])));
  const bytes = zipSync(parts);
  expect([...readWorkbookContents(bytes).sheets[0].cells]).toEqual([
    ['A1', '一月'],
    ['B1', 3],
    ['A2', '二月'],
  ]);
  const book = await ClerkWorkbook.open(bytes);
  const [shown] = await book.port.readSheets(['数据']);
  expect(shown.cells.get('B1')).toBe(3);
  await book.port.setValues('数据', { B1: 4, B2: '五', C5: 6 });
  const out = await book.write();
  expect([...readWorkbookContents(out).sheets[0].cells]).toEqual([
    ['A1', '一月'],
    ['B1', 4],
    ['A2', '二月'],
    ['B2', '五'],
    ['C5', 6],
  ]);
  // A namespace-aware reader (Python's ElementTree) finds every cell in SpreadsheetML's namespace.
  const sheet = join(dir, 'prefixed-sheet1.xml');
  writeFileSync(sheet, unzipSync(out)['xl/worksheets/sheet1.xml']);
  const count = execFileSync(
    PYTHON,
    ['-c', 'import sys,xml.etree.ElementTree as E; t=E.parse(sys.argv[1]); print(len(t.findall(".//{http://schemas.openxmlformats.org/spreadsheetml/2006/main}c")))', sheet],
    { encoding: 'utf8' },
  );
  expect(count.trim()).toBe('5');
});
