// Plan text from bytes, in the encodings government offices use: UTF-8 (with or without BOM),
// UTF-16LE with BOM, else GB18030 (GBK).
import type { ReadResult } from './fileHost';

/**
 * `partial`: the bytes are the head of a file, so a character cut at the end is not an error
 * (it is left out).
 */
export function decodePlan(bytes: Uint8Array, path = '', partial = false): ReadResult {
  const stream = { stream: partial };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2), stream), encoding: 'utf-16le', bom: true };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes, stream), encoding: 'utf-8', bom };
  } catch {
    // not UTF-8; government files are often GB18030 (GBK)
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes, stream), encoding: 'gb18030', bom: false };
  } catch {
    return { error: `不是 UTF-8 或 GB18030 文本 (not UTF-8 or GB18030 text): ${path}` };
  }
}
