/** The file-reader port on Node: paths on disk, folders opened into the readable files they hold. */
import { promises as fs, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { UserError } from '../../model/user-error';
import type { InputFile } from '../file-reader';

function refusal(e: unknown): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹，不是文件' : code === 'EACCES' || code === 'EPERM' ? '没有读取该文件的权限' : '无法读取该文件';
  return new UserError(why, { cause: e, code });
}

/** The file's modification time; undefined when it cannot be read (reading it then says why). */
function modifiedTime(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

export function nodeFile(file: string): InputFile {
  const modified = modifiedTime(file);
  return {
    name: file,
    ...(modified !== undefined ? { modified } : {}),
    // Read at once: the command line reads one file after another, and an asynchronous read of each spends as long waiting as reading.
    read: async () => {
      try {
        const b = readFileSync(file);
        return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      } catch (e) {
        throw refusal(e);
      }
    },
  };
}

/**
 * The files the paths name: a folder stands for the files with one of `extensions` in it and
 * below it, in name order (Office's ~$ lock files left out); anything else is taken as named.
 */
export async function expandPaths(paths: string[], extensions: string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const input of paths) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat?.isDirectory()) {
      out.push(nodeFile(input));
      continue;
    }
    const entries = (await fs.readdir(input, { recursive: true })).map(String).sort((a, b) => a.localeCompare(b, 'zh'));
    for (const e of entries) {
      const ext = path.extname(e).slice(1).toLowerCase();
      if (extensions.includes(ext) && !path.basename(e).startsWith('~$')) out.push(nodeFile(path.join(input, e)));
    }
  }
  return out;
}
