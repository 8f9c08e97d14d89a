// File-system edge shared by the checker and the language server: reading plan files in
// the encodings government offices use, and finding the registry file that applies.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const REGISTRY_FILE = 'fengong.registry.json';

export interface ReadResult {
  text?: string;
  encoding?: 'utf-8' | 'utf-16le' | 'gb18030';
  /** One-line reason when the file cannot be read as text. */
  error?: string;
}

/** Reads a plan as text: UTF-8 (with or without BOM), UTF-16LE with BOM, or GB18030. */
export function readPlanFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { error: `是目录，不是文件 (is a directory): ${path}` };
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    return { error: `无法读取文件 (cannot read file, ${code}): ${path}` };
  }
  return decodePlan(bytes, path);
}

export function decodePlan(bytes: Uint8Array, path = ''): ReadResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8; government files are often GB18030 (GBK)
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    return { error: `不是 UTF-8 或 GB18030 文本 (not UTF-8 or GB18030 text): ${path}` };
  }
}

/** The nearest fengong.registry.json in the file's folder or above it. */
export function findRegistryFile(planPath: string): string | undefined {
  let dir = dirname(resolve(planPath));
  for (;;) {
    const candidate = join(dir, REGISTRY_FILE);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
