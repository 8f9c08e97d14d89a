// A .docx is a zip package of XML parts: the main document found through its relationships,
// and the parts it relates to (numbering, styles, comments …). Only the XML is inflated.
import type { WordLib } from './lib';

/** A file that is no .docx (an old .doc, a .wps, anything else): the reason is for the user. */
export class NotDocxError extends Error {}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

export interface Package {
  part(path: string): string | undefined;
  /** Targets of the main document's relationships, by type suffix (`/numbering`). */
  related(suffix: string): string[];
  mainPath: string;
}

export function openPackage(lib: WordLib, bytes: Uint8Array): Package {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new NotDocxError('这是旧版 Word (.doc) 或 WPS 文件，请先另存为 .docx (an old .doc or .wps file: save it as .docx first)');
  }
  let files: Record<string, Uint8Array>;
  try {
    // Only the XML parts: pictures and embedded files are never inflated.
    files = lib.unzipSync(bytes, { filter: (f) => /\.(xml|rels)$/i.test(f.name) && f.originalSize < 256 * 1024 * 1024 });
  } catch {
    throw new NotDocxError('不是 .docx 文件 (not a .docx file)');
  }
  const text = (path: string) => (files[path] ? lib.strFromU8(files[path]) : undefined);
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
  if (!files[main]) throw new NotDocxError('不是 .docx 文件：找不到正文 (not a .docx file: no main document part)');
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const mainRels = rels(`${dir}_rels/${main.slice(dir.length)}.rels`);
  const resolve = (target: string) => (target.startsWith('/') ? target.slice(1) : normalize(dir + target));
  return {
    mainPath: main,
    part: text,
    related: (suffix) => mainRels.filter((r) => !r.external && r.type.endsWith(suffix)).map((r) => resolve(r.target)),
  };
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg && seg !== '.') out.push(seg);
  }
  return out.join('/');
}
