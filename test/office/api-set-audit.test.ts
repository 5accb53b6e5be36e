/**
 * Excel itself cannot run here, so this audit stands in for it: every Excel API member the
 * Office adapter uses is looked up in @types/office-js, and must belong to ExcelApi 1.8 (the
 * manifest's floor) or sit behind the capability check for its requirement set.
 */
import * as ts from 'typescript';
import { mkdtempSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ROOT } from '../helpers/cli';

/** Sets as numbers that order rightly: ExcelApi 1.9 → 1.09, 1.18 → 1.18. */
const FLOOR = 1.08;
/** Capability flags of src/ports/office/capabilities.ts and the set each one proves. */
const FLAGS: Record<string, number> = { api19: 1.09, notes: 1.18 };

interface Use {
  file: string;
  line: number;
  member: string;
  set: number;
  guardedBy: number;
}

function apiSet(symbol: ts.Symbol | undefined, checker: ts.TypeChecker): number | null {
  if (!symbol) return null;
  const decl = symbol.declarations?.[0];
  if (!decl || !decl.getSourceFile().fileName.includes('@types/office-js')) return null;
  const text = symbol
    .getJsDocTags(checker)
    .map((t) => ts.displayPartsToString(t.text))
    .join(' ');
  const m = /ExcelApi (\d+)\.(\d+)/.exec(text);
  return m ? Number(`${m[1]}.${m[2].padStart(2, '0')}`) : null;
}

/** The highest set a surrounding capability check proves for this node (0 when unguarded). */
function guard(node: ts.Node): number {
  let best = 0;
  const proves = (cond: ts.Node, negated: boolean) => {
    const text = cond.getText();
    for (const [flag, set] of Object.entries(FLAGS)) {
      const re = new RegExp(`${negated ? '!' : '(?<!!)'}\\s*this\\.caps\\.${flag}\\b`);
      if (re.test(text)) best = Math.max(best, set);
    }
  };
  for (let child: ts.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child) proves(parent.expression, false);
    if (ts.isConditionalExpression(parent) && parent.whenTrue === child) proves(parent.condition, false);
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child) proves(parent.left, false);
    // An early return for the missing capability guards the rest of the block.
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const st of parent.statements) {
        if (st === child) break;
        if (ts.isIfStatement(st) && ts.isReturnStatement(st.thenStatement)) proves(st.expression, true);
      }
    }
  }
  return best;
}

const OFFICE_DIR = join(ROOT, 'src', 'ports', 'office');

function audit(
  files = readdirSync(OFFICE_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(OFFICE_DIR, f)),
): Use[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(files, config.options);
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  const record = (node: ts.Node, member: string, set: number | null) => {
    if (set === null) return;
    const sf = node.getSourceFile();
    uses.push({ file: sf.fileName.replace(`${ROOT}/`, ''), line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, member, set, guardedBy: guard(node) });
  };
  for (const file of files) {
    const sf = program.getSourceFile(file)!;
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        record(node, `${checker.typeToString(checker.getTypeAtLocation(node.expression))}.${node.name.text}`, apiSet(symbol, checker));
        // Properties named in load('a, b/c') strings are used too.
        if (node.name.text === 'load' && ts.isCallExpression(node.parent) && node.parent.arguments[0] && ts.isStringLiteral(node.parent.arguments[0])) {
          const type = checker.getTypeAtLocation(node.expression);
          for (const name of node.parent.arguments[0].text.split(',').map((p) => p.trim().split('/')[0])) {
            const prop = type.getProperty(name);
            record(node.parent, `${checker.typeToString(type)}.${name}`, apiSet(prop, checker));
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

const uses = audit();

test('the audit finds the Excel members the adapter uses, with their requirement sets', () => {
  const members = new Set(uses.map((u) => u.member));
  // The core of every read and write, at the floor or below.
  for (const m of ['Range.values', 'Range.formulas', 'Worksheet.getRange', 'WorksheetCollection.getItem', 'Range.format']) expect(members.has(m)).toBe(true);
  expect(uses.find((u) => u.member.endsWith('.getCellProperties'))?.set).toBe(1.09);
  expect(uses.find((u) => u.member.endsWith('Worksheet.notes'))?.set).toBe(1.18);
  expect(uses.length).toBeGreaterThan(50);
});

test('every Excel member above ExcelApi 1.8 sits behind the capability check for its set', () => {
  const unguarded = uses.filter((u) => u.set > FLOOR + 1e-9 && u.guardedBy + 1e-9 < u.set);
  expect(unguarded.map((u) => `${u.file}:${u.line} ${u.member} (ExcelApi ${u.set})`)).toEqual([]);
});

test('the audit catches a use above the floor with no check, or behind the check of a lower set', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'nianbao-audit-')), 'planted.ts');
  writeFileSync(
    file,
    `export class Planted {
  constructor(private readonly caps: { api19: boolean; notes: boolean }) {}
  unguarded(ws: Excel.Worksheet) {
    ws.notes.add(ws.getRange('A1'), 'x');
  }
  wrongCheck(ws: Excel.Worksheet) {
    if (this.caps.api19) ws.notes.add(ws.getRange('A1'), 'x');
  }
  guarded(ws: Excel.Worksheet) {
    if (!this.caps.notes) return;
    ws.notes.add(ws.getRange('A1'), 'x');
  }
}
`,
  );
  const found = audit([file]).filter((u) => u.set > FLOOR && u.guardedBy < u.set);
  expect(found.map((u) => `${u.line} ${u.member}`).sort()).toEqual(['4 NoteCollection.add', '4 Worksheet.notes', '7 NoteCollection.add', '7 Worksheet.notes']);
});
