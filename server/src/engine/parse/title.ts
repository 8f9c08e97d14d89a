// The title: the lines before the first heading that name the plan (it may span two or three
// lines), or, when only a cover notice (…关于印发X的通知) names it, the X in the notice.
import type { Aside } from '../model';
import type { LineEntry } from './lines';
import { columnOf } from './tables';

const TITLE_WORDS = /分工方案|分工的意见|任务分工|责任分解|分工表|工作分工|方案$|意见$|安排$|清单$/;
const NOTICE = /关于印发(.+)的通知$/;

/** The entries that make the title (indexes into `entries`), and the title itself. */
export function readTitle(entries: LineEntry[], firstHeading: number, lineNo: number[], lineEnds: number[]): { lines: number[]; title?: Aside } {
  const idx = titleLines(entries, firstHeading, lineNo);
  if (!idx.length) return { lines: idx };
  const first = entries[idx[0]];
  // Only a cover notice and no title line of its own: X is the title.
  const notice = idx.length === 1 ? NOTICE.exec(first.text) : null;
  if (notice) {
    const at = first.start + notice.index + notice[0].indexOf(notice[1]);
    return { lines: idx, title: { text: notice[1], span: { start: at, end: at + notice[1].length } } };
  }
  return {
    lines: idx,
    title: { text: idx.map((i) => entries[i].text).join(''), span: { start: first.start, end: lineEnds[idx[idx.length - 1]] } },
  };
}

function titleLines(entries: LineEntry[], firstHeading: number, lineNo: number[]): number[] {
  const limit = Math.min(firstHeading, 40);
  let pick = -1;
  for (let i = 0; i < limit; i++) {
    const e = entries[i];
    const s = e.text;
    if (!e.noise && s.length <= 80 && TITLE_WORDS.test(s) && !/[。：:，,]$/.test(s) && !/通知$/.test(s)) pick = i;
  }
  if (pick < 0) {
    const first = entries.findIndex((e, i) => i < limit && !e.noise);
    // A table's header (序号) or a bare number is no title.
    if (first < 0 || entries[first].text.length > 60 || /[。，,]/.test(entries[first].text) || columnOf(entries[first].text) || /^\d+\s*[|｜]?$/.test(entries[first].text)) return [];
    pick = first;
  }
  // A title may span two or three lines with no blank line between them.
  const out = [pick];
  for (let i = pick - 1; i >= 0 && out.length < 3; i--) {
    const prev = entries[i];
    const s = prev.text;
    if (prev.noise || s.length > 40 || /[。：:，,；;]$/.test(s) || /通知$/.test(s)) break;
    if (lineNo[i] + 1 !== lineNo[out[0]]) break;
    out.unshift(i);
  }
  return out;
}
