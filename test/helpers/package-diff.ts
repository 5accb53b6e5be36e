/** Two .xlsx packages compared part by part, as issue 21 asks to show what a download changed. */
import { unzipSync } from 'fflate';

export interface PackageDiff {
  same: string[];
  changed: string[];
  added: string[];
  removed: string[];
  before: Record<string, Uint8Array>;
  after: Record<string, Uint8Array>;
}

const isDir = (n: string) => n.endsWith('/');

export function diffPackages(a: Uint8Array, b: Uint8Array): PackageDiff {
  const before = unzipSync(a);
  const after = unzipSync(b);
  const d: PackageDiff = { same: [], changed: [], added: [], removed: [], before, after };
  for (const n of Object.keys(before).filter((x) => !isDir(x))) {
    if (!(n in after)) d.removed.push(n);
    else if (Buffer.from(before[n]).equals(Buffer.from(after[n]))) d.same.push(n);
    else d.changed.push(n);
  }
  for (const n of Object.keys(after).filter((x) => !isDir(x))) if (!(n in before)) d.added.push(n);
  return d;
}

export const textOf = (parts: Record<string, Uint8Array>, name: string) => new TextDecoder().decode(parts[name]);

/** The children of each named collection in `before` are still there, in order, at the start of the same collection in `after`. */
export function onlyAppended(before: string, after: string, collections: string[]): boolean {
  return collections.every((c) => {
    const grab = (xml: string) => new RegExp(`<${c}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${c}>)`).exec(xml)?.[1] ?? '';
    return grab(after).startsWith(grab(before));
  });
}
