/** Node's zlib for saving workbooks: native deflate, four times fflate's speed on a large consolidation. */
import * as zlib from 'zlib';
import { DEFLATE_LEVEL, type Deflater } from '../exceljs/write-package';

/** Undefined on a Node without zlib.crc32 (before 20.15): fflate then deflates. */
export const zlibDeflater: Deflater | undefined =
  typeof zlib.crc32 === 'function' ? { deflateRaw: (bytes) => zlib.deflateRawSync(bytes, { level: DEFLATE_LEVEL }), crc32: (bytes) => zlib.crc32(bytes) } : undefined;
