/**
 * PDF input through the real `nianbao`: PDFs written by LibreOffice from Word documents with
 * ruled tables and from text laid out in columns, read back to exactly the figures they were
 * made from. Then random byte damage to a real PDF: read or refused, never a crash.
 */
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { formats } from '../../src/formats';
import { clerkLayout } from '../helpers/clerk-layouts';
import { nianbao, ROOT } from '../helpers/cli';
import { monospacedDocument, spaceAligned, toPdf, wordDocument } from '../helpers/pdf-files';
import { seeded, validCells } from '../helpers/random-report';

interface OutReport {
  office: string;
  year: number;
  format: string;
  cells: Record<string, number | null>;
  findings: { rule: string; cells: string[]; message: string }[];
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
const f2021 = formats.byId('gov-2021')!;
const f2019 = formats.byId('gov-2019')!;
const ruledCells = validCells(f2021, seeded(5));
/** 2019 format with the 科研机构 column left blank throughout. */
const blankColumn: Record<string, number | null> = validCells(f2019, seeded(8));
for (const id of Object.keys(blankColumn)) if (id.endsWith('.research')) blankColumn[id] = null;
const columnCells: Record<string, number | null> = validCells(f2021, seeded(9));
for (const id of Object.keys(columnCells)) if (id.endsWith('.legal')) columnCells[id] = null;

/** Every cell of the format, null where the source was blank. */
const every = (format: typeof f2021, cells: Record<string, number | null>) => Object.fromEntries(format.cells.map((c) => [c.id, cells[c.id] ?? null]));

let pdf: Record<'ruled' | 'blank' | 'columns', string>;

beforeAll(() => {
  writeFileSync(join(dir, 'ruled.docx'), wordDocument(clerkLayout(f2021, ruledCells, { office: '某县人民政府办公室', year: 2023 }), { borders: true }));
  writeFileSync(join(dir, 'blank.docx'), wordDocument(clerkLayout(f2019, blankColumn, { office: '某区财政局', year: 2020 }), { borders: true }));
  // Text in columns: the tables as tab-separated lines, laid out with spaces in a monospaced font.
  const layout = clerkLayout(f2021, columnCells, { office: '某市交通运输局', year: 2022, labelColumns: 1 });
  const tabbed = layout.rows.map((r) => (r.length <= 1 ? String(r[0] ?? '') : r.map((c) => (c === null ? '' : String(c))).join('\t'))).join('\n');
  writeFileSync(join(dir, 'columns.fodt'), monospacedDocument(spaceAligned(tabbed)));
  const [ruled, blank, columns] = toPdf(
    ['ruled.docx', 'blank.docx', 'columns.fodt'].map((f) => join(dir, f)),
    dir,
  );
  pdf = { ruled, blank, columns };
}, 180000);

function validate(file: string): { code: number; report: OutReport; stderr: string } {
  const run = nianbao(['validate', file, '--json']);
  const doc = JSON.parse(run.stdout) as { reports: OutReport[] };
  expect(doc.reports).toHaveLength(1);
  return { code: run.code, report: doc.reports[0], stderr: run.stderr };
}

test('a ruled Word table printed to PDF reads to exactly its figures, with office and year from the title', () => {
  const { code, report, stderr } = validate(pdf.ruled);
  expect(stderr).toBe('');
  expect(report).toMatchObject({ office: '某县人民政府办公室', year: 2023, format: 'gov-2021' });
  expect(report.cells).toEqual(every(f2021, ruledCells));
  expect(report.findings).toEqual([]);
  expect(code).toBe(0);
});

test('wrapped labels in ruled cells are joined: the PDF breaks them over lines, every label is read as printed', () => {
  // The narrow columns really do wrap the headers and labels in the PDF.
  const layoutText = execFileSync('pdftotext', ['-layout', pdf.ruled, '-'], { encoding: 'utf8' });
  expect(layoutText).not.toContain('法律服务机构');
  expect(layoutText).not.toContain('2.没有现成信息需要另行制作');
  const { report } = validate(pdf.ruled);
  expect(report.findings.filter((f) => f.rule === 'format.label_drift')).toEqual([]);
  expect(report.cells['requests.total.legal']).toBe(ruledCells['requests.total.legal']);
});

test('provenance names the page, the table, the row and the column', () => {
  const run = nianbao(['validate', pdf.blank]);
  // A blank cell of the 科研机构 column, found where it stands in the ruled grid.
  expect(run.stdout).toMatch(/位置：.*blank\.pdf!第\d+页 表\d+(（续）)? 第\d+行第\d+列/);
});

test('a blank column in a ruled table stays blank at its position: no value moves into it', () => {
  const { report } = validate(pdf.blank);
  expect(report).toMatchObject({ office: '某区财政局', year: 2020, format: 'gov-2019' });
  expect(report.cells).toEqual(every(f2019, blankColumn));
  const blanks = report.findings.filter((f) => f.rule === 'cell.blank').flatMap((f) => f.cells);
  expect(blanks.sort()).toEqual(
    Object.keys(blankColumn)
      .filter((id) => blankColumn[id] === null)
      .sort(),
  );
});

test('text in columns without ruling lines reads to exactly its figures, a blank column included', () => {
  const { report } = validate(pdf.columns);
  expect(report).toMatchObject({ office: '某市交通运输局', year: 2022, format: 'gov-2021' });
  expect(report.cells).toEqual(every(f2021, columnCells));
  expect(report.findings.filter((f) => f.rule === 'format.missing_cells')).toEqual([]);
});

test('import writes the PDF report as a standard sheet; a folder with a PDF is read too', () => {
  const out = join(dir, 'imported.xlsx');
  const run = nianbao(['import', pdf.ruled, '--out', out]);
  expect(run.code).toBe(0);
  const again = validate(out);
  expect(again.report.cells).toEqual(every(f2021, ruledCells));
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  copyFileSync(pdf.ruled, join(folder, '报送.pdf'));
  expect(validate(folder).report.cells).toEqual(every(f2021, ruledCells));
});

test('fuzz: random byte damage to a real PDF is read or refused with a message, never a crash, within seconds', () => {
  const original = readFileSync(pdf.ruled);
  let seed = 31;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const outcomes = new Set<number>();
  for (let i = 0; i < 25; i++) {
    const bytes = Buffer.from(original);
    const cut = i % 5 === 0 ? Math.floor(rand() * bytes.length) : bytes.length;
    for (let k = 0; k < 1 + Math.floor(rand() * 20); k++) bytes[Math.floor(rand() * cut)] = Math.floor(rand() * 256);
    const file = join(dir, `fuzz${i}.pdf`);
    writeFileSync(file, bytes.subarray(0, cut));
    const started = Date.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/nianbao.js'), 'validate', file, '--json'], { encoding: 'utf8', timeout: 30000 });
    expect({ i, signal: r.signal, fast: Date.now() - started < 20000 }).toEqual({ i, signal: null, fast: true });
    expect({ i, code: [0, 1, 2].includes(r.status ?? -1) }).toEqual({ i, code: true });
    expect({ i, internal: r.stderr.includes('内部错误') }).toEqual({ i, internal: false });
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    outcomes.add(r.status ?? -1);
  }
  expect(outcomes.size).toBeGreaterThan(0);
}, 300000);
