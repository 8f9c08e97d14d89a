// fengong fix [--write] [--registry FILE] [--full-width] [--no-format] FILE...
// Applies every safe fix (clause repairs, registry names, formatting, renumbering) and prints
// the fixed text, or writes it back with --write in the file's own encoding (UTF-8 with or
// without BOM, UTF-16LE, GB18030) and line ends. References to renumbered headings are
// listed on stderr for the drafter to check.
// Exit 0: done; 1: an error remains after fixing; 2: bad usage, an unreadable or unwritable file.
import { writeFileSync } from 'node:fs';
import { repairPlan, analyze, type Locale, LineIndex } from '../engine';
import { parseOptions, UsageError } from './args';
import { display, host, registryFor } from './plans';

export const FIX_USAGE = 'fengong fix [--write] [--registry FILE] [--full-width] [--no-format] FILE...';

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gb18030';

export async function fix(argv: string[], write: (s: string) => void, warn: (s: string) => void): Promise<number> {
  const { options, files } = parseOptions(argv, {
    write: { flag: true },
    registry: {},
    'full-width': { flag: true },
    'no-format': { flag: true },
  });
  if (files.length === 0) throw new UsageError('没有要修复的文件 (no files to fix)');
  const locale: Locale = 'both';
  let status = 0;
  const worse = (s: number) => {
    status = Math.max(status, s);
  };

  for (const path of files) {
    const shown = display(path);
    const read = await host.readText(path);
    if (read.error || read.text === undefined) {
      warn(`fengong: ${read.error ?? path}`);
      worse(2);
      continue;
    }
    const encoding: Encoding = read.encoding === 'utf-8' && read.bom ? 'utf-8-bom' : read.encoding ?? 'utf-8';
    const registry = await registryFor(path, options.registry as string | undefined, locale);
    if (typeof registry === 'string') {
      warn(`fengong: ${registry}`);
      worse(2);
      continue;
    }
    for (const p of registry.problems) warn(p);

    const result = repairPlan(read.text, {
      registry: registry.registry,
      format: options['no-format'] ? false : { fullWidth: options['full-width'] === true },
    });
    const lines = new LineIndex(result.text);
    for (const r of result.references) {
      const pos = lines.positionAt(r.span.start);
      const to = r.targets.filter((t) => t.to !== r.number).map((t) => t.to);
      const hint = r.suggestion ? `可能应为“${r.suggestion.newText}” (maybe ${r.suggestion.newText})` : `编号已调整为 ${to.join('、')} (renumbered to ${to.join(', ')})`;
      warn(`${shown}:${pos.line + 1}:${pos.character + 1}: 请核对引用“${r.text}”，${hint} (check this reference to a renumbered heading)`);
    }
    const { fixes, format, renumber } = result.counts;
    const summary = `${shown}: ${result.changed ? '已修复' : '无需修复'} (${fixes} 处条款修复 clause fixes, ${renumber} 处编号 renumbered, ${format} 处格式 formatting)`;

    if (options.write) {
      if (result.changed) {
        const encoded = encode(result.text, encoding);
        if (!encoded) {
          warn(`fengong: 无法以 ${encoding} 写回，文件未改动 (cannot write back in ${encoding}; file left unchanged): ${shown}`);
          worse(2);
          continue;
        }
        try {
          writeFileSync(path, encoded);
        } catch (e) {
          warn(`fengong: 无法写入文件 (cannot write file, ${(e as NodeJS.ErrnoException).code ?? 'EIO'}): ${shown}`);
          worse(2);
          continue;
        }
      }
      write(summary + '\n');
    } else {
      if (files.length > 1) write(`==> ${shown} <==\n`);
      write(result.text);
      if (files.length > 1 && !/[\r\n]$/.test(result.text)) write('\n');
      warn(summary);
    }
    const remaining = analyze(result.text, { registry: registry.registry }).findings.filter((f) => f.severity === 'error');
    if (remaining.length) worse(1);
  }
  return status;
}

/** The text in the file's encoding; undefined when it cannot be encoded faithfully. */
function encode(text: string, encoding: Encoding): Uint8Array | undefined {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
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
