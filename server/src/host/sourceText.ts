// A source document's text (上位文件, for coverage): a .docx through the Word import (its
// numbering written out), anything else decoded as plans are (UTF-8, UTF-16LE, GB18030).
import { extname } from 'node:path';
import { decodePlan } from './decode';
import type { ReadResult } from './fileHost';
import { importDocx, NotDocxError } from '../word/docxImport';

export function isDocx(path: string): boolean {
  return extname(path).toLowerCase() === '.docx';
}

/** Never throws: an unreadable document is a one-line `error`. */
export async function sourceTextOf(bytes: Uint8Array, path: string): Promise<ReadResult> {
  if (!isDocx(path)) return decodePlan(bytes, path);
  try {
    return { text: (await importDocx(bytes)).text, encoding: 'utf-8' };
  } catch (e) {
    return { error: `${e instanceof NotDocxError ? e.message : (e as Error).message}: ${path}` };
  }
}
