/**
 * Checks a zip file (.xlsx/.docx) before any reader trusts it: entry count, the real
 * inflated size (whatever the headers claim), row count, and DTD or entity declarations.
 * An entry that cannot be a bomb (by deflate's bound) is inflated at once; any other in a
 * stream that keeps nothing, so a zip bomb costs time, never memory.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { InputError } from '../model/report-json';
import { MAX_ROWS, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, megabytes } from './limits';

const DTD = /<!(DOCTYPE|ENTITY)/i;
const latin1 = new TextDecoder('latin1');
/** Bytes kept from a chunk's end, so a row tag split across two chunks is still seen. */
const TAIL = 64;

const isWord = (b: number) => (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 95;
const isSpace = (b: number) => b === 32 || b === 9 || b === 10 || b === 13;

/**
 * Row tags (`<row`, `<x:row`, `<w:tr`, followed by a space or `>`) in `buf` that end past
 * `from`: one native scan for '<' and a look at the few bytes after it, no decoding.
 */
function countRowTags(buf: Uint8Array, from: number): number {
  let n = 0;
  for (let i = buf.indexOf(60); i >= 0; i = buf.indexOf(60, i + 1)) {
    let j = i + 1;
    let k = j;
    while (k < buf.length && isWord(buf[k])) k++;
    if (k > j && buf[k] === 58) j = k + 1;
    const end = buf[j] === 114 && buf[j + 1] === 111 && buf[j + 2] === 119 ? j + 3 : buf[j] === 116 && buf[j + 1] === 114 ? j + 2 : -1;
    if (end >= 0 && end < buf.length && (isSpace(buf[end]) || buf[end] === 62) && end + 1 > from) n++;
  }
  return n;
}

/**
 * Deflate cannot inflate by more than 1032 to 1 (a 258-byte match per two bits); with margin.
 * An entry whose compressed size times this fits in what is left of MAX_UNZIPPED_BYTES cannot
 * be a bomb, and is inflated in one call; any other is inflated in a stream and stopped at the cap.
 */
const MAX_DEFLATE_RATIO = 1100;

export function checkZip(bytes: Uint8Array, kind: string): string[] {
  return inflateChecked(bytes, kind, () => false).names;
}

/**
 * checkZip, keeping the XML parts it inflated that `keep` asks for, so a reader need not inflate
 * them again. Parts it streamed (any that could be a bomb) are not kept: a reader inflates those.
 */
export function inflateChecked(bytes: Uint8Array, kind: string, keep: (name: string) => boolean): { names: string[]; parts: Map<string, Uint8Array> } {
  const kept = new Map<string, Uint8Array>();
  const corrupt = `无法打开该${kind}文件：文件已损坏，或不是${kind}格式`;
  const bomb = `该${kind}文件解压后超过 ${megabytes(MAX_UNZIPPED_BYTES)}，可能是“压缩炸弹”，已拒绝读取`;
  // The entries as the central directory lists them (what every reader goes by), none inflated.
  const listed: { name: string; size: number; claimed: number; compression: number }[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (listed.length <= MAX_ZIP_ENTRIES) listed.push({ name: f.name, size: f.size, claimed: f.originalSize, compression: f.compression });
        return false;
      },
    });
  } catch {
    // A zip the central directory cannot describe is left to the stream below, which says why.
  }
  if (listed.length > MAX_ZIP_ENTRIES) throw new InputError(`该${kind}文件包含的部件超过 ${MAX_ZIP_ENTRIES} 个，可能是恶意构造的文件，已拒绝读取`);
  const state: GuardState = { total: 0, rows: 0, refusal: null };
  const counts = new Map<string, number>();
  for (const e of listed) counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
  let bound = 0;
  const quick = new Set<string>();
  for (const e of listed) {
    const most = e.compression === 0 ? e.size : e.size * MAX_DEFLATE_RATIO + 1024;
    if (counts.get(e.name) === 1 && (e.compression === 0 || e.compression === 8) && e.claimed <= MAX_UNZIPPED_BYTES && bound + most <= MAX_UNZIPPED_BYTES) {
      quick.add(e.name);
      bound += most;
    }
  }
  if (quick.size) {
    let parts: Record<string, Uint8Array>;
    try {
      parts = unzipSync(bytes, { filter: (f) => quick.has(f.name) });
    } catch {
      throw new InputError(corrupt);
    }
    for (const [name, data] of Object.entries(parts)) {
      inspect(state, name, data, kind, bomb);
      if (state.refusal) throw new InputError(state.refusal);
      if (keep(name)) kept.set(name, data);
    }
  }
  // Every entry counted already: the central directory's names are the zip's.
  if (listed.length && quick.size === listed.length) return { names: listed.map((e) => e.name), parts: kept };
  const names = streamCheck(bytes, kind, corrupt, bomb, state, quick);
  if (state.refusal) throw new InputError(state.refusal);
  if (!names.length) throw new InputError(corrupt);
  return { names, parts: kept };
}

interface GuardState {
  total: number;
  rows: number;
  refusal: string | null;
}

/** Counts one inflated piece of an entry: its bytes, and for XML its DTD and row tags. */
function inspect(state: GuardState, name: string, data: Uint8Array, kind: string, bomb: string, piece?: { head: string; tail: Uint8Array }): void {
  state.total += data.length;
  if (state.total > MAX_UNZIPPED_BYTES) {
    state.refusal ??= bomb;
    return;
  }
  if (!/\.(xml|rels)$/i.test(name)) return;
  const p = piece ?? { head: '', tail: new Uint8Array(0) };
  if (p.head.length < 4096) {
    // One character per byte: enough to find ASCII markup.
    p.head += latin1.decode(data.subarray(0, 4096));
    if (DTD.test(p.head)) {
      state.refusal ??= `该${kind}文件中含有 DTD 或实体声明（可能是恶意构造的 XML），已拒绝读取`;
      return;
    }
  }
  const buf = p.tail.length ? concat(p.tail, data) : data;
  state.rows += countRowTags(buf, p.tail.length);
  if (state.rows > MAX_ROWS) state.refusal ??= `该${kind}文件的表格超过 ${MAX_ROWS} 行，不像是一份年报，已拒绝读取`;
  p.tail = buf.slice(Math.max(0, buf.length - TAIL));
}

/**
 * Every entry's name in a stream over the local headers; the entries not already counted are
 * inflated here piece by piece and nothing is kept, so a zip bomb costs time, never memory.
 */
function streamCheck(bytes: Uint8Array, kind: string, corrupt: string, bomb: string, state: GuardState, counted: Set<string>): string[] {
  const names: string[] = [];
  // Callbacks never throw, because fflate turns a throw into more callbacks.
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (state.refusal) return;
    names.push(file.name);
    if (names.length > MAX_ZIP_ENTRIES) {
      state.refusal = `该${kind}文件包含的部件超过 ${MAX_ZIP_ENTRIES} 个，可能是恶意构造的文件，已拒绝读取`;
      return;
    }
    if (counted.has(file.name)) return;
    const piece = { head: '', tail: new Uint8Array(0) };
    file.ondata = (err, chunk) => {
      if (state.refusal) return;
      if (err) {
        state.refusal ??= corrupt;
        return file.terminate();
      }
      inspect(state, file.name, chunk, kind, bomb, piece);
      if (state.refusal) file.terminate();
    };
    file.start();
  };
  try {
    // Small pushes, so a refusal stops the work early: at most one push inflates past the cap.
    const step = 16 * 1024;
    for (let at = 0; at < bytes.length && !state.refusal; at += step) unzip.push(bytes.subarray(at, at + step), at + step >= bytes.length);
  } catch {
    state.refusal ??= corrupt;
  }
  return names;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Inflates one entry of a zip that checkZip has passed. */
export function readZipEntry(bytes: Uint8Array, name: string, kind: string): Uint8Array | null {
  try {
    return unzipSync(bytes, { filter: (f) => f.name === name })[name] ?? null;
  } catch {
    throw new InputError(`无法打开该${kind}文件：文件已损坏`);
  }
}
