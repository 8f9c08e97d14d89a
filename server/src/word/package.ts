// A .docx is a zip package of XML parts: the main document found through its relationships,
// and the parts it relates to (numbering, styles, comments …).
// Only the parts the importer asks for are inflated, when it asks (the package relationships,
// the main document and its relationships, styles, numbering, comments, headers and footers):
// pictures, embedded files and any other part never are. A zip states each part's size, but
// the statement can lie, so inflation is streamed in small input slices and counted as it
// goes: it stops as soon as the parts read so far pass the budget, or a large part expands more
// than a real document does (a zip bomb), whatever the headers claim.
import type { WordLib } from './lib';

/** A file that is no .docx (an old .doc, a .wps, anything else), or one refused: the reason is for the user. */
export class NotDocxError extends Error {}
/** A .docx refused for its size: it is larger, or expands further, than a plan can. */
export class DocxTooLargeError extends NotDocxError {}

const MiB = 1024 * 1024;

export interface Limits {
  /** The file itself. */
  fileBytes: number;
  /** All parts inflated, together. */
  totalBytes: number;
  /** Inflated : compressed, checked once a part has inflated `ratioAfter` bytes. */
  ratio: number;
  ratioAfter: number;
}

/**
 * A 100-page plan's document.xml is 1–5 MiB and its other parts a few hundred KiB, so 32 MiB of
 * XML is several times any real plan. Its parsed tree takes about 15 times the XML in heap
 * (a 10.8 MB document.xml needs 128–192 MB), so 32 MiB still fits the import worker's 512 MiB
 * (importInWorker.ts). Word's XML compresses 5–20:1; a part that runs past 100:1 beyond its
 * first MiB is repeated filler, never a plan. A .docx with its pictures can be large, so the
 * file itself may be up to 256 MiB (pictures are never inflated).
 */
export const LIMITS: Limits = { fileBytes: 256 * MiB, totalBytes: 32 * MiB, ratio: 100, ratioAfter: 1 * MiB };

const NOT_ZIP = '不是 Word 文档（.docx）：不是 zip 压缩包 (not a Word document (.docx): not a zip package)';
const DAMAGED = '不是 Word 文档（.docx）：压缩包已损坏 (not a Word document (.docx): the zip package is damaged)';
const mib = (n: number) => `${Math.round(n / MiB)} MiB`;

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
/** Compressed bytes handed to the inflater at a time: DEFLATE expands at most ~1032:1, so one slice yields at most ~8 MiB. */
const SLICE = 8 * 1024;

export interface Package {
  part(path: string): string | undefined;
  /** Targets of the main document's relationships, by type suffix (`/numbering`). */
  related(suffix: string): string[];
  mainPath: string;
  /** Bytes inflated so far, all parts together. */
  readonly inflated: number;
}

interface Entry {
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

export function openPackage(lib: WordLib, bytes: Uint8Array, limits: Limits = LIMITS): Package {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new NotDocxError('这是旧版 Word (.doc) 或 WPS 文件，请先另存为 .docx (an old .doc or .wps file: save it as .docx first)');
  }
  if (bytes.length > limits.fileBytes) {
    throw new DocxTooLargeError(`文件超过 ${mib(limits.fileBytes)}，未导入 (the file is larger than ${mib(limits.fileBytes)}: not imported)`);
  }
  const entries = guarded(() => centralDirectory(bytes));
  let inflated = 0;
  const cache = new Map<string, string | undefined>();

  const inflate = (name: string, e: Entry): Uint8Array => {
    if (e.flags & 1) throw new NotDocxError('不是 Word 文档（.docx）：部件已加密 (not a Word document (.docx): its parts are encrypted)');
    const data = guarded(() => entryData(bytes, e));
    const chunks: Uint8Array[] = [];
    let size = 0;
    let consumed = 0;
    const take = (chunk: Uint8Array) => {
      size += chunk.length;
      inflated += chunk.length;
      if (inflated > limits.totalBytes) {
        throw new DocxTooLargeError(`Word 文档展开后超过 ${mib(limits.totalBytes)}，未导入 (the Word document expands to more than ${mib(limits.totalBytes)}: not imported)`);
      }
      if (size > limits.ratioAfter && size > limits.ratio * Math.max(consumed, 1)) {
        throw new DocxTooLargeError(
          `Word 文档的 ${name} 压缩比超过 ${limits.ratio}:1，疑为压缩炸弹，未导入 (${name} expands more than ${limits.ratio} times: a possible zip bomb, not imported)`,
        );
      }
      chunks.push(chunk);
    };
    if (e.method === 0) {
      consumed = data.length;
      take(data);
    } else if (e.method === 8) {
      let done = false;
      const inflater = new lib.Inflate((chunk, final) => {
        if (chunk.length) take(chunk);
        if (final) done = true;
      });
      try {
        for (let at = 0; at < data.length && !done; at += SLICE) {
          consumed = Math.min(at + SLICE, data.length);
          inflater.push(data.subarray(at, consumed), consumed === data.length);
        }
        if (!done) inflater.push(new Uint8Array(0), true);
      } catch (err) {
        if (err instanceof NotDocxError) throw err;
        throw new NotDocxError(DAMAGED);
      }
    } else {
      throw new NotDocxError(DAMAGED);
    }
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) out.set(c, at), (at += c.length);
    return out;
  };

  const text = (path: string): string | undefined => {
    if (cache.has(path)) return cache.get(path);
    const e = entries.get(path);
    const t = e ? lib.strFromU8(inflate(path, e)) : undefined;
    cache.set(path, t);
    return t;
  };
  const rels = (path: string) => {
    const xml = text(path);
    if (!xml) return [];
    return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
      type: /\bType="([^"]*)"/.exec(m[0])?.[1] ?? '',
      target: /\bTarget="([^"]*)"/.exec(m[0])?.[1] ?? '',
      external: /TargetMode="External"/.test(m[0]),
    }));
  };
  const main = rels('_rels/.rels').find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target.replace(/^\//, '') ?? 'word/document.xml';
  if (!entries.has(main)) throw new NotDocxError('不是 Word 文档（.docx）：找不到正文 word/document.xml (not a Word document (.docx): no main document part)');
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const mainRels = rels(`${dir}_rels/${main.slice(dir.length)}.rels`);
  const resolve = (target: string) => (target.startsWith('/') ? target.slice(1) : normalize(dir + target));
  return {
    mainPath: main,
    part: text,
    related: (suffix) => mainRels.filter((r) => !r.external && r.type.endsWith(suffix)).map((r) => resolve(r.target)),
    get inflated() {
      return inflated;
    },
  };
}

/**
 * The zip's table of contents (its central directory): each part's name, method and where its
 * data starts. Read by hand, a few fields, so that nothing is inflated before it is asked for.
 * Sizes that do not fit 32 bits are read from the zip64 extra field.
 */
function centralDirectory(bytes: Uint8Array): Map<string, Entry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  if (bytes.length < 22 || u32(0) !== 0x04034b50) throw new NotDocxError(NOT_ZIP);
  // The end record sits in the last 22 bytes plus at most a 64 KiB comment.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new NotDocxError(NOT_ZIP);
  let count = u16(end + 10);
  let at = u32(end + 16);
  // zip64: the end record's locator, 20 bytes before it, points at the zip64 end record.
  if ((at === 0xffffffff || count === 0xffff) && end >= 20 && u32(end - 20) === 0x07064b50) {
    const z = Number(view.getBigUint64(end - 12, true));
    if (z + 56 <= bytes.length && u32(z) === 0x06064b50) {
      count = Number(view.getBigUint64(z + 32, true));
      at = Number(view.getBigUint64(z + 48, true));
    }
  }
  const decoder = new TextDecoder();
  const entries = new Map<string, Entry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) throw new NotDocxError(DAMAGED);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = u32(at + 20);
    let localOffset = u32(at + 42);
    // zip64 extra field: the 64-bit values of the fields set to 0xffffffff, in order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; x += 4 + u16(x + 2)) {
      if (u16(x) !== 0x0001) continue;
      let f = x + 4;
      const next = () => {
        const v = f + 8 <= bytes.length ? Number(view.getBigUint64(f, true)) : 0;
        f += 8;
        return v;
      };
      if (u32(at + 24) === 0xffffffff) next();
      if (compressedSize === 0xffffffff) compressedSize = next();
      if (localOffset === 0xffffffff) localOffset = next();
    }
    // A name given twice: the later entry, as the unzipping before this did.
    entries.set(name, { method: u16(at + 10), flags: u16(at + 8), compressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A part's compressed bytes: after its local header, as long as the directory says, within the file. */
function entryData(bytes: Uint8Array, e: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== 0x04034b50) throw new NotDocxError(DAMAGED);
  const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  return bytes.subarray(Math.min(start, bytes.length), Math.min(start + e.compressedSize, bytes.length));
}

/** A damaged zip's fields point anywhere: a read past the end is a damaged package, not a crash. */
function guarded<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof NotDocxError) throw e;
    throw new NotDocxError(DAMAGED);
  }
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg && seg !== '.') out.push(seg);
  }
  return out.join('/');
}
