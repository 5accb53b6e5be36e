/**
 * The file-reader port: input files as each face holds them (a path the command line reads
 * from disk, a File the web page was given), read only when a use-case needs their bytes.
 */
import type { WorkbookPort } from './workbook-port';

export interface InputFile {
  /** As the user named it (a path, a file name): said in messages and kept as the report's source. */
  readonly name: string;
  /** Its bytes; a file that cannot be read throws a UserError saying why (without its name: the caller says which). */
  read(): Promise<Uint8Array>;
  /** When it was last modified (ms since 1970), where the host knows: a submission's time when nothing inside says. */
  readonly modified?: number;
}

/** Opens an .xlsx file's bytes as a workbook (a roster or last year's summary given as a file); a UserError if it cannot. */
export type OpenWorkbook = (bytes: Uint8Array) => Promise<WorkbookPort>;

/** Bytes already in memory (pasted text, a file read earlier) as an input file. */
export function inputFile(name: string, bytes: Uint8Array, modified?: number): InputFile {
  return { name, read: async () => bytes, ...(modified !== undefined ? { modified } : {}) };
}
