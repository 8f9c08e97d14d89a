// Writing a fixed plan back in its own encoding without touching a byte the fixes did not
// change. Decoding is not always reversible: a lone UTF-16 surrogate or an odd last byte reads
// as U+FFFD, GB18030's 0x80 as €, A3 A0 as an ideographic space, and encoding the whole text
// again would write FD FF, A2 E3 and A1 A1 there. So only the fixes' own text is encoded; the
// bytes between them are copied from the file, and the result is decoded again and compared
// before anything is written.
import { decodePlan } from '../host/decode';
import type { TextEdit } from '../engine';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gb18030';

export type WriteBack = { bytes: Uint8Array } | { error: 'encode' | 'splice' };

/**
 * The file's bytes with `changes` (edits of the text `original` decoded to) made: undefined
 * offsets or a result that does not read back as `fixed` give an error, and nothing is to be written.
 */
export function writeBack(original: Uint8Array, text: string, encoding: Encoding, changes: TextEdit[], fixed: string): WriteBack {
  const at = byteOffsets(original, text, encoding);
  if (!at) return { error: 'splice' };
  const parts: Uint8Array[] = [];
  let from = 0;
  let byte = 0; // from the file's first byte: its BOM too
  for (const c of changes) {
    if (c.span.start < from || c.span.end > text.length) return { error: 'splice' };
    parts.push(original.subarray(byte, at[c.span.start]));
    const bytes = encode(c.newText, encoding === 'utf-8-bom' ? 'utf-8' : encoding, false);
    if (!bytes) return { error: 'encode' };
    parts.push(bytes);
    from = c.span.end;
    byte = at[from];
  }
  parts.push(original.subarray(byte));
  const out = Buffer.concat(parts);
  return decodePlan(out).text === fixed ? { bytes: out } : { error: 'splice' };
}

/** Where each character of `text` begins in the file's bytes (and, last, where the text ends); undefined when they do not line up. */
function byteOffsets(bytes: Uint8Array, text: string, encoding: Encoding): Uint32Array | undefined {
  const n = text.length;
  const at = new Uint32Array(n + 1);
  let b = 0;
  if (encoding === 'utf-16le') {
    // Two bytes a code unit after the BOM; a lone surrogate is one U+FFFD, an odd last byte another.
    for (let i = 0; i < n; i++) at[i] = 2 + 2 * i;
    at[n] = bytes.length;
    return 2 + 2 * (n - 1) < bytes.length || n === 0 ? at : undefined;
  }
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    b = encoding === 'utf-8-bom' ? 3 : 0;
    for (let i = 0; i < n; i++) {
      at[i] = b;
      const c = text.charCodeAt(i);
      if (c < 0x80) b += 1;
      else if (c < 0x800) b += 2;
      else if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
        at[++i] = b + 4; // inside the pair: never an edit's end
        b += 4;
      } else b += 3;
    }
  } else {
    // GB18030: one byte below 0x81 (0x80 reads as €), four when the second is a digit (two code
    // units from 0x90 on, beyond the BMP), else two.
    let i = 0;
    while (b < bytes.length) {
      if (i >= n) return undefined;
      at[i] = b;
      const c = bytes[b];
      if (c <= 0x80) {
        b += 1;
        i += 1;
      } else if (bytes[b + 1] >= 0x30 && bytes[b + 1] <= 0x39) {
        if (c >= 0x90) at[++i] = b + 4;
        b += 4;
        i += 1;
      } else {
        b += 2;
        i += 1;
      }
    }
    if (i !== n) return undefined;
  }
  at[n] = b;
  return b === bytes.length ? at : undefined;
}

/** The text in the file's encoding (with its BOM unless `bom` is false); undefined when it cannot be encoded faithfully. */
export function encode(text: string, encoding: Encoding, bom = true): Uint8Array | undefined {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(text, 'utf16le');
    case 'gb18030':
      return encodeGb18030(text);
  }
}

// GB18030 has no encoder in Node's TextEncoder. Its decoder is complete, so the reverse table
// is built from it (two-byte codes, then the four-byte BMP range; beyond the BMP the mapping is
// arithmetic), and every result is decoded again and compared before anything is written.
let gbTable: Map<number, number[]> | undefined;

function gb18030Table(): Map<number, number[]> {
  if (gbTable) return gbTable;
  const table = new Map<number, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      const s = decoder.decode(new Uint8Array([b1, b2]));
      if (s.length !== 1 || s === '\ufffd') continue;
      const cp = s.charCodeAt(0);
      if (!table.has(cp)) table.set(cp, [b1, b2]);
    }
  }
  // Four-byte codes for the rest of the BMP: pointers 0 … 39419, decoded in one pass.
  const count = 39420;
  const bytes = new Uint8Array(count * 4);
  for (let p = 0; p < count; p++) {
    const q = fourBytes(p);
    bytes.set(q, p * 4);
  }
  const s = decoder.decode(bytes);
  if (s.length === count) {
    for (let p = 0; p < count; p++) {
      const cp = s.charCodeAt(p);
      if (cp !== 0xfffd && !table.has(cp)) table.set(cp, fourBytes(p));
    }
  }
  gbTable = table;
  return table;
}

function fourBytes(pointer: number): number[] {
  let p = pointer;
  const b1 = Math.floor(p / 12600);
  p -= b1 * 12600;
  const b2 = Math.floor(p / 1260);
  p -= b2 * 1260;
  const b3 = Math.floor(p / 10);
  const b4 = p - b3 * 10;
  return [b1 + 0x81, b2 + 0x30, b3 + 0x81, b4 + 0x30];
}

export function encodeGb18030(text: string): Uint8Array | undefined {
  const table = gb18030Table();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp >= 0x10000) out.push(...fourBytes(189000 + cp - 0x10000));
    else {
      const b = table.get(cp);
      if (!b) return undefined;
      out.push(...b);
    }
  }
  const bytes = Uint8Array.from(out);
  try {
    if (new TextDecoder('gb18030', { fatal: true }).decode(bytes) !== text) return undefined;
  } catch {
    return undefined;
  }
  return bytes;
}
