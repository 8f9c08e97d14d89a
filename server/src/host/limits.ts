// How much of one file the product reads, in one table. Only regular files are read at all
// (node/host.ts looks after opening: a FIFO would block for good, /dev/zero never ends), and a
// file past its limit is refused whole with a one-line reason: the checker exits 2, the
// language server says so in a finding. Nothing is read part-way and used as if it were all.
export const MiB = 1024 * 1024;

export const READ_LIMITS = {
  /**
   * A plan (any file the checker is given, standard input, the workspace index's files, a plan
   * exported to Word): the sample plan is 50 KB and the longest real ones stay under 1 MiB;
   * 20 MiB (the workspace index's limit) is some 400 samples, about 7 million characters.
   */
  plan: 20 * MiB,
  /**
   * A project file (fengong.json, fengong.registry.json, `fengong.registry.file`, --project):
   * a registry of 5,000 agencies is about 0.3 MiB; 4 MiB is ten times the largest we know of,
   * and far more than can be edited keystroke by keystroke.
   */
  project: 4 * MiB,
  /** A .gitignore the checker's walk reads. */
  ignore: 1 * MiB,
  /** A .docx to import (its compressed size; what it may inflate to is the importer's own budget). */
  docx: 64 * MiB,
} as const;

/**
 * Whether a text would take more than `limit` bytes as UTF-8: an open document is held to the
 * limit its file would be read under. Stops counting once past it.
 */
export function utf8Exceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 counted here, 2 for its other half.
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
  }
  return bytes > limit;
}

/** `20 MiB`, for messages. */
export function sizeText(bytes: number): string {
  return bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** Why a file was refused, in both languages, from the host's code (ReadResult.code). */
export function refusal(code: string | undefined, limit?: number): { zh: string; en: string } | undefined {
  if (code === 'ENOTREG') return { zh: '不是普通文件（管道、设备等不读取）', en: 'not a regular file (pipes and devices are not read)' };
  if (code === 'EFBIG') return { zh: `文件过大（超过 ${sizeText(limit ?? 0)}）`, en: `file too large (over ${sizeText(limit ?? 0)})` };
  return undefined;
}
