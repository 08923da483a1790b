/**
 * Reads the parts of an .xlsx (a zip) one at a time, from the file's bytes in memory (the compressed
 * file, read once, so the full reader later sees the same bytes), with every inflated byte counted.
 *
 * The central directory is read first: the declared sizes of all parts are checked against the bound
 * before anything is inflated. Then each part is inflated as a stream and its actual bytes are
 * counted, so a part that inflates to more than it declared (a lying zip bomb) stops at once.
 */
import { Readable } from 'stream';
import { StringDecoder } from 'string_decoder';
import { createInflateRaw, deflateRawSync } from 'zlib';
import { formatBytes, formatCount, XlsxLimitError, type XlsxLimits } from './xlsx-limits';

export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
const PIECE = 32 * 1024;

/** A file that is not a zip, or a broken one: the reader's caller reports it as unreadable. */
export class ZipFormatError extends Error {}

export class ZipFile {
  private inflated = 0;

  private constructor(
    private readonly data: Buffer,
    readonly entries: Map<string, ZipEntry>,
    private readonly limits: XlsxLimits,
  ) {}

  /** The zip in `data`: its directory is read and its declared sizes checked against the bounds. */
  static open(data: Buffer, limits: XlsxLimits): ZipFile {
    const entries = readCentralDirectory(data, limits);
    const declared = [...entries.values()].reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.uncompressedBytes) {
      throw new XlsxLimitError(
        'uncompressedBytes',
        `its parts declare ${formatBytes(declared)} uncompressed, over the bound of ${formatBytes(limits.uncompressedBytes)}`,
      );
    }
    return new ZipFile(data, entries, limits);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The part as text, in chunks that never split a character; every byte counts toward the bound. */
  async *text(name: string): AsyncGenerator<string> {
    const entry = this.entries.get(name);
    if (!entry) throw new ZipFormatError(`the part ${name} is missing`);
    const decoder = new StringDecoder('utf8');
    for await (const chunk of this.bytes(entry)) {
      const text = decoder.write(chunk);
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }

  /** The whole part as one string (for the small parts: workbook, relationships, tables). */
  async readText(name: string): Promise<string> {
    let out = '';
    for await (const chunk of this.text(name)) out += chunk;
    return out;
  }

  private async *bytes(entry: ZipEntry): AsyncGenerator<Buffer> {
    const at = entry.localHeaderOffset;
    if (at + 30 > this.data.length || this.data.readUInt32LE(at) !== LOCAL)
      throw new ZipFormatError(`the part ${entry.name} has no local header`);
    const start = at + 30 + this.data.readUInt16LE(at + 26) + this.data.readUInt16LE(at + 28);
    if (entry.method !== 0 && entry.method !== 8)
      throw new ZipFormatError(`the part ${entry.name} uses compression method ${entry.method}`);
    if (start + entry.compressedSize > this.data.length)
      throw new ZipFormatError(`the part ${entry.name} points past the end of the file`);
    const raw = this.data.subarray(start, start + entry.compressedSize);
    const pieces = function* (): Generator<Buffer> {
      for (let p = 0; p < raw.length; p += PIECE) yield raw.subarray(p, Math.min(raw.length, p + PIECE));
    };
    const source: Readable =
      entry.method === 8
        ? Readable.from(pieces()).pipe(createInflateRaw({ chunkSize: PIECE }))
        : Readable.from(pieces());
    let count = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        count += chunk.length;
        this.inflated += chunk.length;
        // The declared sizes were checked against the bound; a part that outgrows its own is lying.
        if (count > entry.uncompressedSize) {
          throw new XlsxLimitError(
            'uncompressedBytes',
            `the part ${entry.name} inflates to more than the ${formatBytes(entry.uncompressedSize)} it declares (a zip bomb?)`,
          );
        }
        if (this.inflated > this.limits.uncompressedBytes) {
          throw new XlsxLimitError(
            'uncompressedBytes',
            `its parts inflate to more than the bound of ${formatBytes(this.limits.uncompressedBytes)}`,
          );
        }
        yield chunk;
      }
    } catch (e) {
      if (e instanceof XlsxLimitError) throw e;
      throw new ZipFormatError(
        `the part ${entry.name} cannot be inflated (${e instanceof Error ? e.message : String(e)})`,
      );
    } finally {
      source.destroy();
    }
  }
}

function readCentralDirectory(data: Buffer, limits: XlsxLimits): Map<string, ZipEntry> {
  const size = data.length;
  const tailLength = Math.min(size, 22 + MAX_COMMENT);
  const tail = data.subarray(size - tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipFormatError('no zip directory found (the file is cut short or not a zip)');
  let count = tail.readUInt16LE(at + 10);
  let dirSize = tail.readUInt32LE(at + 12);
  let dirOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locatorAt = size - tailLength + at - 20;
    const locator = locatorAt >= 0 ? data.subarray(locatorAt, locatorAt + 20) : Buffer.alloc(0);
    if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR)
      throw new ZipFormatError('broken zip64 directory');
    const recordAt = Number(locator.readBigUInt64LE(8));
    const record = data.subarray(recordAt, recordAt + 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipFormatError('broken zip64 directory');
    count = Number(record.readBigUInt64LE(32));
    dirSize = Number(record.readBigUInt64LE(40));
    dirOffset = Number(record.readBigUInt64LE(48));
  }
  if (count > limits.entries) {
    throw new XlsxLimitError(
      'entries',
      `it has ${formatCount(count)} parts, over the bound of ${formatCount(limits.entries)}`,
    );
  }
  if (dirOffset + dirSize > size) throw new ZipFormatError('the zip directory points past the end of the file');
  const dir = data.subarray(dirOffset, dirOffset + dirSize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError('broken zip directory');
    const method = dir.readUInt16LE(p + 10);
    const crc32 = dir.readUInt32LE(p + 16);
    let compressedSize = dir.readUInt32LE(p + 20);
    let uncompressedSize = dir.readUInt32LE(p + 24);
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    let localHeaderOffset = dir.readUInt32LE(p + 42);
    const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
    // Zip64: sizes and offset that do not fit 32 bits move to an extra field, in this order.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = dir.readUInt16LE(e);
      const length = dir.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const end = e + 4 + length;
        if (uncompressedSize === 0xffffffff && q + 8 <= end) {
          uncompressedSize = Number(dir.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= end) {
          compressedSize = Number(dir.readBigUInt64LE(q));
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= end) localHeaderOffset = Number(dir.readBigUInt64LE(q));
      }
      e += 4 + length;
    }
    if (localHeaderOffset + compressedSize > size)
      throw new ZipFormatError(`the part ${name} points past the end of the file`);
    // A stored part cannot grow: its declared size is its size.
    if (method === 0) uncompressedSize = Math.max(uncompressedSize, compressedSize);
    entries.set(name.replace(/^\/+/, ''), { name, method, crc32, compressedSize, uncompressedSize, localHeaderOffset });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** A part of a zip to write: its bytes as they go into the file (deflated or stored) and what they came from. */
export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  /** The bytes as written into the zip (compressed when `method` is 8). */
  data: Buffer;
  uncompressedSize: number;
  /** MS-DOS time and date of the part. */
  time: number;
  date: number;
}

export const NO_LIMITS: XlsxLimits = {
  uncompressedBytes: Infinity,
  cells: Infinity,
  stringLength: Infinity,
  entries: Infinity,
  areaCells: Infinity,
};

/** Every part of a zip as it is stored in the file (compressed bytes untouched), in directory order. */
export function rawParts(zip: Buffer): ZipPart[] {
  const parts: ZipPart[] = [];
  for (const entry of readCentralDirectory(zip, NO_LIMITS).values()) {
    const at = entry.localHeaderOffset;
    if (zip.readUInt32LE(at) !== LOCAL) throw new ZipFormatError(`the part ${entry.name} has no local header`);
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    parts.push({
      name: entry.name,
      method: entry.method,
      crc32: entry.crc32,
      data: zip.subarray(start, start + entry.compressedSize),
      uncompressedSize: entry.uncompressedSize,
      time: zip.readUInt16LE(at + 10),
      date: zip.readUInt16LE(at + 12),
    });
  }
  return parts;
}

let crcTable: Int32Array | undefined;

/** The zip's CRC-32 of `data`. */
export function crc32(data: Buffer): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const table = crcTable;
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** A new part, deflated by Node's zlib. */
export function deflatedPart(name: string, content: Buffer | string, time = 0, date = 0x21): ZipPart {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name,
    method: 8,
    crc32: crc32(bytes),
    data: deflateRawSync(bytes, { level: 6 }),
    uncompressedSize: bytes.length,
    time,
    date,
  };
}

/** The zip file of `parts`, in their order. */
export function writeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt16LE(part.time, 10);
    local.writeUInt16LE(part.date, 12);
    local.writeUInt32LE(part.crc32, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt16LE(part.time, 12);
    central.writeUInt16LE(part.date, 14);
    central.writeUInt32LE(part.crc32, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(part.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    centrals.push(central, name);
    offset += 30 + name.length + part.data.length;
  }
  const dirSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/**
 * A zip whose parts are stored (not compressed) → the same zip with its parts deflated by Node's zlib.
 * exceljs compresses with a JavaScript deflate; writing stored parts and deflating them here is the
 * same file, made several times faster. The CRC of a part is that of its uncompressed bytes, so the
 * stored zip's CRCs carry over.
 */
export function deflateStoredZip(stored: Buffer): Buffer {
  return writeZip(
    rawParts(stored).map((part) =>
      part.method === 0 && part.data.length > 0
        ? { ...part, method: 8, data: deflateRawSync(part.data, { level: 6 }) }
        : part,
    ),
  );
}
