/**
 * The zip container of an .xlsx file, checked before exceljs (through jszip) parses anything
 * (issue 19): jszip inflates whatever the central directory lists, trusting the sizes it declares,
 * so a 37 KB file can expand into gigabytes ("Invalid string length") and its errors are English
 * ("Can't find end of central directory … see https://…"). This reader is small on purpose: it
 * reads the central directory (APPNOTE.TXT §4.3.12–16), refuses what an .xlsx written by a
 * spreadsheet never holds (several disks, ZIP64, encryption, methods other than stored and
 * deflate), and inflates every entry with zlib's `maxOutputLength` set to the size it declares, so
 * that the declared total (under the limit) bounds the memory even when an entry lies. jszip is only
 * a dependency of exceljs, not of the project: importing it here would use an undeclared package,
 * and it could not bound the inflation anyway.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** Why a buffer is not a zip this project reads; the reader turns each into a French message. */
export type ZipFault =
  | { kind: 'not-zip' }
  | { kind: 'damaged'; detail: string }
  | { kind: 'encrypted' }
  | { kind: 'unsupported'; detail: string }
  | { kind: 'too-many-entries'; count: number; limit: number }
  | { kind: 'too-large'; size: number; limit: number };

/** Raised by `readZip`; `fault` says what is wrong, `message` is for --debug only. */
export class ZipError extends Error {
  readonly fault: ZipFault;
  constructor(fault: ZipFault, message: string) {
    super(message);
    this.name = 'ZipError';
    this.fault = fault;
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** One entry of the central directory. */
interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const fail = (fault: ZipFault, message: string): never => {
  throw new ZipError(fault, message);
};

/** The end-of-central-directory record: the last 22 bytes, or earlier when a comment follows it. */
function endRecord(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) return i;
  }
  // A zip cut short (an interrupted copy) still starts like one.
  if (zip.readUInt32LE(0) === LOCAL)
    return fail({ kind: 'damaged', detail: 'truncated' }, 'end of central directory not found: truncated zip');
  return fail({ kind: 'not-zip' }, 'end of central directory not found');
}

/** The central directory's entries, every offset checked against the buffer. */
function centralDirectory(zip: Buffer, maxEntries: number): Entry[] {
  const end = endRecord(zip);
  const [disk, cdDisk, count, total] = [
    zip.readUInt16LE(end + 4),
    zip.readUInt16LE(end + 6),
    zip.readUInt16LE(end + 8),
    zip.readUInt16LE(end + 10),
  ];
  const [cdSize, cdOffset] = [zip.readUInt32LE(end + 12), zip.readUInt32LE(end + 16)];
  if (disk !== 0 || cdDisk !== 0 || count !== total) fail({ kind: 'unsupported', detail: 'multi-disk' }, 'zip split over several disks');
  if (total === 0xffff || cdOffset === 0xffffffff) fail({ kind: 'unsupported', detail: 'zip64' }, 'ZIP64 archive');
  if (total > maxEntries) fail({ kind: 'too-many-entries', count: total, limit: maxEntries }, `${total} entries`);
  if (cdOffset + cdSize > end) fail({ kind: 'damaged', detail: 'central directory' }, 'central directory outside the file');
  const entries: Entry[] = [];
  let at = cdOffset;
  for (let i = 0; i < total; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL)
      fail({ kind: 'damaged', detail: 'central directory' }, `bad central header ${i}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (at + 46 + skip > end) fail({ kind: 'damaged', detail: 'central directory' }, `central header ${i} past the directory`);
    entries.push({
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + skip;
  }
  return entries;
}

/** The entry's bytes, inflated to at most the size it declares. */
function entryData(zip: Buffer, e: Entry): Buffer {
  if (e.flags & 1) fail({ kind: 'encrypted' }, `${e.name}: encrypted entry`);
  if (e.compressedSize === 0xffffffff || e.size === 0xffffffff) fail({ kind: 'unsupported', detail: 'zip64' }, `${e.name}: ZIP64 sizes`);
  const local = e.localOffset;
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL)
    fail({ kind: 'damaged', detail: e.name }, `${e.name}: bad local header`);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  if (start + e.compressedSize > zip.length) fail({ kind: 'damaged', detail: e.name }, `${e.name}: data past the end of the file`);
  const raw = zip.subarray(start, start + e.compressedSize);
  let data: Buffer;
  if (e.method === 0) data = raw;
  else if (e.method === 8) {
    try {
      // One byte more than declared: an entry that inflates past its declared size is caught, not trusted.
      data = inflateRawSync(raw, { maxOutputLength: e.size + 1 });
    } catch (error) {
      return fail({ kind: 'damaged', detail: e.name }, `${e.name}: ${(error as Error).message}`);
    }
  } else return fail({ kind: 'unsupported', detail: `method ${e.method}` }, `${e.name}: compression method ${e.method}`);
  if (data.length !== e.size) fail({ kind: 'damaged', detail: e.name }, `${e.name}: ${data.length} bytes, ${e.size} declared`);
  return data;
}

/**
 * Every file entry of the zip, inflated, by name. Throws a ZipError when the buffer is not a zip,
 * is damaged, uses what a spreadsheet does not write, holds more than `maxEntries` entries, or
 * declares more than `maxSize` bytes once expanded; no entry is inflated past its declared size.
 */
export function readZip(zip: Buffer, limits: { maxSize: number; maxEntries: number }): Map<string, Buffer> {
  if (zip.length < 22) fail({ kind: 'not-zip' }, 'shorter than an end of central directory record');
  const entries = centralDirectory(zip, limits.maxEntries);
  const size = entries.reduce((sum, e) => sum + e.size, 0);
  if (size > limits.maxSize) fail({ kind: 'too-large', size, limit: limits.maxSize }, `${size} bytes once expanded`);
  const files = new Map<string, Buffer>();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    // exceljs drops a leading "/"; two entries of one name could be read one way here and another by jszip.
    const name = e.name.replace(/^\//, '');
    if (files.has(name)) fail({ kind: 'damaged', detail: name }, `${name}: two entries of that name`);
    files.set(name, entryData(zip, e));
  }
  return files;
}

/** One entry to write: its name and content; `store` keeps it uncompressed (an .ods's `mimetype`). */
export interface ZipEntry {
  name: string;
  data: Buffer | string;
  store?: boolean;
}

/** DOS date of 1 January 1980, 00:00: a fixed date, so that the same content gives the same file. */
const DOS_DATE = (1 << 5) | 1;

/**
 * A zip of `entries` (APPNOTE.TXT §4.3), the writing twin of `readZip`: stored or deflated, names
 * in UTF-8 (flag 11), no data descriptor, no extra field (an .ods's `mimetype` must have none), no
 * ZIP64 (a workbook of the project is far below 4 GB).
 */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.from(entry.data);
    const body = entry.store ? data : deflateRawSync(data);
    const name = Buffer.from(entry.name, 'utf8');
    const header = (central: boolean) => {
      const b = Buffer.alloc(central ? 46 : 30);
      let at = 0;
      const u16 = (v: number) => (at = b.writeUInt16LE(v, at));
      const u32 = (v: number) => (at = b.writeUInt32LE(v >>> 0, at));
      u32(central ? 0x02014b50 : 0x04034b50);
      if (central) u16(20); // version made by
      u16(20); // version needed
      u16(0x0800); // UTF-8 names
      u16(entry.store ? 0 : 8);
      u16(0); // time
      u16(DOS_DATE);
      u32(crc32(data));
      u32(body.length);
      u32(data.length);
      u16(name.length);
      u16(0); // extra field
      if (central) {
        u16(0); // comment
        u16(0); // disk
        u16(0); // internal attributes
        u32(0); // external attributes
        u32(offset);
      }
      return b;
    };
    centrals.push(header(true), name);
    locals.push(header(false), name, body);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
