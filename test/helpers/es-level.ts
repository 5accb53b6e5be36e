/**
 * Does a script parse on a given Chromium? acorn parses at ES2020 (the newest syntax a
 * Chromium of the 60s–80s may have), then the syntax tree is searched for each construct
 * newer than that Chromium, by the version that brought it.
 */
import { parse, type Node } from 'acorn';

/** Syntax newer than ES2018, with the Chromium version that first parsed it. */
const SINCE: { what: string; chromium: number; test: (n: AnyNode) => boolean }[] = [
  { what: 'optional catch binding', chromium: 66, test: (n) => n.type === 'CatchClause' && !n.param },
  { what: 'optional chaining ?.', chromium: 80, test: (n) => n.type === 'ChainExpression' },
  { what: 'nullish coalescing ??', chromium: 80, test: (n) => n.type === 'LogicalExpression' && n.operator === '??' },
  { what: 'BigInt literal', chromium: 67, test: (n) => n.type === 'Literal' && n.bigint !== undefined },
  { what: 'import.meta', chromium: 64, test: (n) => n.type === 'MetaProperty' && n.meta?.name === 'import' },
  { what: 'dynamic import()', chromium: 63, test: (n) => n.type === 'ImportExpression' },
];

type AnyNode = Node & { [k: string]: unknown; param?: unknown; operator?: string; bigint?: string; meta?: { name: string } };

function walk(node: unknown, visit: (n: AnyNode) => void) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const x of node) walk(x, visit);
    return;
  }
  const n = node as AnyNode;
  if (typeof n.type === 'string') visit(n);
  for (const [k, v] of Object.entries(n)) if (k !== 'loc' && v && typeof v === 'object') walk(v, visit);
}

/** What in `source` a Chromium of version `chromium` could not parse; empty when it parses. */
export function newerThan(source: string, chromium: number, sourceType: 'script' | 'module' = 'script'): string[] {
  let ast: Node;
  try {
    ast = parse(source, { ecmaVersion: 2020, sourceType });
  } catch (e) {
    return [`not ES2020: ${(e as Error).message}`];
  }
  const found = new Set<string>();
  walk(ast, (n) => {
    for (const s of SINCE) if (s.chromium > chromium && s.test(n)) found.add(`${s.what} (Chromium ${s.chromium})`);
  });
  return [...found];
}
