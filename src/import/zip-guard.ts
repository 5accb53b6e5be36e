/** Checks a zip file's directory before anything inflates it: entry count and declared sizes. */
import { unzipSync } from 'fflate';
import { InputError } from '../model/report-json';
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, megabytes } from './limits';

/** Throws an InputError for a zip bomb or a file that is not a zip; returns the entry names. */
export function checkZip(bytes: Uint8Array, kind: string): string[] {
  const names: string[] = [];
  let total = 0;
  try {
    unzipSync(bytes, {
      filter(file) {
        names.push(file.name);
        total += file.originalSize;
        if (names.length > MAX_ZIP_ENTRIES)
          throw new InputError(`该${kind}文件包含的部件超过 ${MAX_ZIP_ENTRIES} 个，可能是恶意构造的文件，已拒绝读取`);
        if (total > MAX_UNZIPPED_BYTES)
          throw new InputError(`该${kind}文件解压后超过 ${megabytes(MAX_UNZIPPED_BYTES)}，可能是“压缩炸弹”，已拒绝读取`);
        return false;
      },
    });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`无法打开该${kind}文件：文件已损坏，或不是${kind}格式`);
  }
  return names;
}

/** Inflates one entry, refusing it if it grows past the cap whatever its header claims. */
export function readZipEntry(bytes: Uint8Array, name: string, kind: string): Uint8Array | null {
  let out: Uint8Array | undefined;
  try {
    out = unzipSync(bytes, { filter: (f) => f.name === name && f.originalSize <= MAX_UNZIPPED_BYTES })[name];
  } catch {
    throw new InputError(`无法打开该${kind}文件：文件已损坏`);
  }
  if (out && out.length > MAX_UNZIPPED_BYTES) throw new InputError(`该${kind}文件解压后过大，已拒绝读取`);
  return out ?? null;
}
