/** The file-reader port in the browser: a File the user chose or dropped on the page. */
import { UserError } from '../../model/user-error';
import type { InputFile } from '../file-reader';

export function browserFile(file: File): InputFile {
  return {
    name: file.name,
    // A File the browser was given carries the time it was last modified on disk.
    ...(Number.isFinite(file.lastModified) && file.lastModified > 0 ? { modified: file.lastModified } : {}),
    read: () =>
      file.arrayBuffer().then(
        (b) => new Uint8Array(b),
        (e) => {
          // The file was moved or deleted after it was chosen, or the browser was refused access.
          throw new UserError('浏览器无法读取该文件（可能已被移动或删除），请重新选择。', { cause: e });
        },
      ),
  };
}
