// A document too large to check (the language server's size limit): its headings alone, read
// line by line with the heading patterns and nothing else, so that the outline, folding and
// workspace symbols still work while a keystroke costs one pass over the text.
import type { Heading, PlanModel } from '../model';
import { isBlank, LineIndex } from '../text';
import { matchHeading } from './headings';

/** Characters a heading line can start with (after blanks): a numeral or an opening bracket. */
const HEADING_START = /[零〇一二三四五六七八九十百两(（0-9]/;

export function headingsOnly(text: string): PlanModel {
  const lines = new LineIndex(text);
  const headings: Heading[] = [];
  const stack: number[] = [];
  // A heading's part runs to the end of the line before the next heading of its level or above.
  const close = (h: Heading, end: number) => void (h.extent = { start: h.span.start, end: Math.max(h.span.end, end) });
  let lastEnd = 0;
  for (let line = 0, n = lines.lineCount; line < n; line++) {
    let start = lines.starts[line];
    const end = lines.lineEnd(line);
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    if (start >= end) continue;
    const heading = HEADING_START.test(text[start]) ? matchHeading(text, { line, start, end }) : undefined;
    if (heading) {
      while (stack.length && headings[stack[stack.length - 1]].level >= heading.level) close(headings[stack.pop()!], lastEnd);
      heading.parent = stack.length ? stack[stack.length - 1] : undefined;
      headings.push(heading);
      stack.push(headings.length - 1);
    }
    lastEnd = end;
  }
  for (const i of stack) close(headings[i], lastEnd);
  return {
    text,
    lines,
    headings,
    tasks: [],
    clauses: [],
    paragraphs: [],
    firstListedLeads: false,
    traditional: false,
    sectionNumbering: 'run-on',
    itemNumbering: 'per-parent',
  };
}
