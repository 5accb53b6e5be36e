/** The core's file reading, bound to the command line's readers (exceljs, PDF.js on Node), as tests read files. */
import type { FormatRegistry } from '../../src/formats';
import * as core from '../../src/import/read-file';
import { nodeReaders } from '../../src/ports/node/readers';

export { nodeReaders as readers };

export function readReports(name: string, bytes: Uint8Array, registry: FormatRegistry, options: core.ReadOptions = {}) {
  return core.readReports(name, bytes, registry, nodeReaders, options);
}

export function readReportsAndText(name: string, bytes: Uint8Array, registry: FormatRegistry, options: core.ReadOptions = {}) {
  return core.readReportsAndText(name, bytes, registry, nodeReaders, options);
}
