// The texts every row works on: the sample plan at 1x, 10x and 100x (copies joined with '\n'),
// the same plan written as Markdown for the peer, and where a one-character edit goes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SIZES = [1, 10, 100];
export const INSERTED = '改';

export function loadSample(root) {
  return readFileSync(join(root, 'seeds', 'manzhouli-2014.txt'), 'utf8');
}

export function scaled(text, n) {
  return Array(n).fill(text).join('\n');
}

const CHAPTER = /^[零〇一二三四五六七八九十百两]{1,4}[ \t\u3000]*[、．.]/;
const SECTION = /^[(（][ \t\u3000]*[零〇一二三四五六七八九十百两]{1,4}[ \t\u3000]*[)）]/;

/**
 * The plan as Markdown: chapters (一、) become `#` headings, sections ((一)) `##` headings — a
 * section's heading is its first sentence, the rest of its line stays a paragraph — and every
 * other line stays as it is (the sample already separates paragraphs with blank lines).
 */
export function toMarkdown(text) {
  const out = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (CHAPTER.test(t)) out.push(`# ${t}`);
    else if (SECTION.test(t)) {
      const stop = t.indexOf('。');
      if (stop > 0 && stop < t.length - 1) out.push(`## ${t.slice(0, stop + 1)}`, '', t.slice(stop + 1));
      else out.push(`## ${t}`);
    } else out.push(line);
  }
  return out.join('\n');
}

/**
 * Where the engine's one-character edit goes: the middle of the body of the task paragraph
 * nearest the middle of the document (between the task's name and its clause).
 */
export function engineEditOffset(model, length) {
  const mid = length / 2;
  let best;
  for (const task of model.tasks) {
    const start = task.nameSpan?.end ?? task.span.start;
    const end = task.clause ? task.clause.span.start : task.span.end;
    if (end - start < 4) continue;
    const d = Math.abs((start + end) / 2 - mid);
    if (!best || d < best.d) best = { d, at: Math.floor((start + end) / 2) };
  }
  return best ? best.at : Math.floor(mid);
}

/** Where the Markdown peer's edit goes: the middle of the paragraph line nearest the middle of the text. */
export function paragraphEditOffset(text) {
  const mid = text.length / 2;
  let best;
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    if (line.length >= 20 && !line.startsWith('#')) {
      const d = Math.abs((start + end) / 2 - mid);
      if (!best || d < best.d) best = { d, at: start + (line.length >> 1) };
    }
    start = end + 1;
  }
  return best ? best.at : Math.floor(mid);
}

/** A one-character edit that alternates: insert at `at`, then remove it again. */
export function togglingEdit(at) {
  let inserted = false;
  return {
    apply(text) {
      inserted = !inserted;
      return inserted ? text.slice(0, at) + INSERTED + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    },
    /** Where the last `apply` changed the text, as the engine's EditWindow (what the server passes). */
    get window() {
      return inserted ? { from: at, to: at + INSERTED.length, delta: INSERTED.length } : { from: at, to: at, delta: -INSERTED.length };
    },
    /** As an LSP/TextDocument range change against the current text; `positionAt` maps offsets. */
    change(positionAt) {
      inserted = !inserted;
      const p = positionAt(at);
      return inserted
        ? { range: { start: p, end: p }, text: INSERTED }
        : { range: { start: p, end: positionAt(at + 1) }, text: '' };
    },
    get inserted() {
      return inserted;
    },
  };
}

/**
 * Where completion is asked for: inside the clause of the task nearest the middle of the
 * document, just after the clause's first 、 (a cooperating unit's name starts there), else
 * after its first comma, else at the start of its content.
 */
export function clauseCursor(model, text) {
  const mid = text.length / 2;
  let best;
  for (const task of model.tasks) {
    if (!task.clause) continue;
    const d = Math.abs(task.clause.span.start - mid);
    if (!best || d < best.d) best = { d, clause: task.clause };
  }
  if (!best) return undefined;
  const { start, end } = best.clause.contentSpan;
  const content = text.slice(start, end);
  for (const mark of ['、', ',', '，']) {
    const i = content.indexOf(mark);
    if (i >= 0) return start + i + 1;
  }
  return start;
}
