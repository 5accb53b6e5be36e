/**
 * Checks a zip file (.xlsx/.docx) before any reader trusts it: entry count, the real
 * inflated size (whatever the headers claim), row count, and DTD or entity declarations.
 * It inflates in a stream and keeps nothing, so a zip bomb costs time, never memory.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { InputError } from '../model/report-json';
import { MAX_ROWS, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, megabytes } from './limits';

const DTD = /<!(DOCTYPE|ENTITY)/i;
const SLICE = 1 << 20;
const latin1 = new TextDecoder('latin1');
const ROW = /<(?:\w+:)?(?:row|tr)[\s>]/g;

export function checkZip(bytes: Uint8Array, kind: string): string[] {
  const names: string[] = [];
  let total = 0;
  let rows = 0;
  // Set once; callbacks never throw, because fflate turns a throw into more callbacks.
  let refusal: string | null = null;
  const corrupt = `无法打开该${kind}文件：文件已损坏，或不是${kind}格式`;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (refusal) return;
    names.push(file.name);
    if (names.length > MAX_ZIP_ENTRIES) {
      refusal = `该${kind}文件包含的部件超过 ${MAX_ZIP_ENTRIES} 个，可能是恶意构造的文件，已拒绝读取`;
      return;
    }
    const xml = /\.(xml|rels)$/i.test(file.name);
    let head = '';
    let tail = '';
    const stop = (why: string) => {
      refusal ??= why;
      file.terminate();
    };
    file.ondata = (err, chunk) => {
      if (refusal) return;
      if (err) return stop(corrupt);
      total += chunk.length;
      if (total > MAX_UNZIPPED_BYTES) return stop(`该${kind}文件解压后超过 ${megabytes(MAX_UNZIPPED_BYTES)}，可能是“压缩炸弹”，已拒绝读取`);
      if (!xml) return;
      for (let i = 0; i < chunk.length; i += SLICE) {
        // One character per byte: enough to find ASCII markup, with a tail across chunk edges.
        const text = tail + latin1.decode(chunk.subarray(i, i + SLICE));
        if (head.length < 4096) {
          head += text.slice(tail.length, tail.length + 4096);
          if (DTD.test(head)) return stop(`该${kind}文件中含有 DTD 或实体声明（可能是恶意构造的 XML），已拒绝读取`);
        }
        for (const m of text.matchAll(ROW)) if (m.index + m[0].length > tail.length) rows++;
        if (rows > MAX_ROWS) return stop(`该${kind}文件的表格超过 ${MAX_ROWS} 行，不像是一份年报，已拒绝读取`);
        tail = text.slice(-16);
      }
    };
    file.start();
  };
  try {
    // Small pushes, so a refusal stops the work early: at most one push inflates past the cap.
    const step = 16 * 1024;
    for (let at = 0; at < bytes.length && !refusal; at += step) unzip.push(bytes.subarray(at, at + step), at + step >= bytes.length);
  } catch {
    refusal ??= corrupt;
  }
  if (refusal) throw new InputError(refusal);
  if (!names.length) throw new InputError(corrupt);
  return names;
}

/** Inflates one entry of a zip that checkZip has passed. */
export function readZipEntry(bytes: Uint8Array, name: string, kind: string): Uint8Array | null {
  try {
    return unzipSync(bytes, { filter: (f) => f.name === name })[name] ?? null;
  } catch {
    throw new InputError(`无法打开该${kind}文件：文件已损坏`);
  }
}
