/**
 * A .7z archive of files, stored without compression (the Copy method): the package WPS
 * downloads and unpacks for an offline add-in. Copy is the one method every 7z reader has,
 * and the add-in is fetched once over the intranet, so size matters little.
 * Layout per the 7z format: a 32-byte signature header, the files' bytes, then the header
 * describing them (pack sizes, one Copy folder per file, names, which entries are folders).
 */
const SIGNATURE = [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c];
const VERSION = [0x00, 0x04];
const ID = {
  end: 0x00,
  header: 0x01,
  mainStreamsInfo: 0x04,
  filesInfo: 0x05,
  packInfo: 0x06,
  unpackInfo: 0x07,
  size: 0x09,
  crc: 0x0a,
  folder: 0x0b,
  codersUnpackSize: 0x0c,
  emptyStream: 0x0e,
  emptyFile: 0x0f,
  name: 0x11,
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** 7z's variable-length number: the first byte's leading 1 bits count the bytes that follow. */
function number(value) {
  const v = BigInt(value);
  for (let extra = 0; extra < 8; extra++) {
    if (v < 1n << BigInt(7 * (extra + 1))) {
      const high = Number(v >> BigInt(8 * extra));
      const first = ((0xff << (8 - extra)) & 0xff) | high;
      const rest = Array.from({ length: extra }, (_, i) => Number((v >> BigInt(8 * i)) & 0xffn));
      return [first, ...rest];
    }
  }
  return [0xff, ...Array.from({ length: 8 }, (_, i) => Number((v >> BigInt(8 * i)) & 0xffn))];
}

const uint32 = (n) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const uint64 = (n) => [...uint32(n >>> 0), ...uint32(Math.floor(n / 2 ** 32))];

/** Bits packed high bit first, as 7z stores its flag vectors. */
function bits(flags) {
  const out = new Array(Math.ceil(flags.length / 8)).fill(0);
  flags.forEach((f, i) => {
    if (f) out[i >> 3] |= 0x80 >> (i & 7);
  });
  return out;
}

function property(id, body) {
  return [id, ...number(body.length), ...body];
}

/**
 * entries: [{ path: 'dir/file.js', data: Uint8Array }] and [{ path: 'dir', dir: true }];
 * paths use '/'. Returns the archive's bytes.
 */
function sevenZip(entries) {
  const withData = entries.filter((e) => !e.dir && e.data.length > 0);
  const header = [ID.header];
  if (withData.length) {
    header.push(ID.mainStreamsInfo, ID.packInfo, ...number(0), ...number(withData.length), ID.size);
    for (const e of withData) header.push(...number(e.data.length));
    header.push(ID.end, ID.unpackInfo, ID.folder, ...number(withData.length), 0);
    // One coder per folder: flags 0x01 (a one-byte codec id, simple, no properties), codec 0x00 = Copy.
    for (let i = 0; i < withData.length; i++) header.push(...number(1), 0x01, 0x00);
    header.push(ID.codersUnpackSize);
    for (const e of withData) header.push(...number(e.data.length));
    header.push(ID.crc, 1);
    for (const e of withData) header.push(...uint32(crc32(e.data)));
    header.push(ID.end, ID.end);
  }
  header.push(ID.filesInfo, ...number(entries.length));
  const empty = entries.map((e) => e.dir || e.data.length === 0);
  if (empty.some(Boolean)) {
    header.push(...property(ID.emptyStream, bits(empty)));
    const emptyFiles = entries.filter((_, i) => empty[i]).map((e) => !e.dir);
    if (emptyFiles.some(Boolean)) header.push(...property(ID.emptyFile, bits(emptyFiles)));
  }
  const names = [0];
  for (const e of entries) {
    for (const ch of e.path) {
      const code = ch.charCodeAt(0);
      names.push(code & 0xff, code >> 8);
    }
    names.push(0, 0);
  }
  header.push(...property(ID.name, names));
  header.push(ID.end, ID.end);

  const packed = withData.reduce((n, e) => n + e.data.length, 0);
  const headerBytes = Uint8Array.from(header);
  const start = Uint8Array.from([...uint64(packed), ...uint64(headerBytes.length), ...uint32(crc32(headerBytes))]);
  const out = new Uint8Array(32 + packed + headerBytes.length);
  out.set([...SIGNATURE, ...VERSION, ...uint32(crc32(start)), ...start], 0);
  let at = 32;
  for (const e of withData) {
    out.set(e.data, at);
    at += e.data.length;
  }
  out.set(headerBytes, at);
  return out;
}

module.exports = { sevenZip, crc32 };
