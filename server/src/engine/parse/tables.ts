// Tables pasted as text: a header row naming the columns (序号 重点任务 牵头单位 配合单位 完成时限,
// any subset, any order), then one row per task. Cells are split at tabs, `|` or runs of spaces;
// a table copied cell by cell has one cell per line, its rows starting at 1, 2, 3. Each row is a
// task; its clause comes from the role columns. The Word importer writes tables in this form too.
import type { Span } from '../text';
import { isBlank } from '../text';
import { endsLikeAgency, isCollective, isDeadline, isOfficial, stripTail } from './names';

export type Column = 'number' | 'task' | 'lead' | 'cooperating' | 'responsible' | 'official' | 'deadline' | 'note';

export interface Cells {
  /** Each cell's span, blanks trimmed; empty cells keep their place with an empty span. */
  spans: Span[];
  sep: 'tab' | 'pipe' | 'spaces';
}

// What a header cell names (compacted: 工 作 任 务 is 工作任务). Role columns first: 牵头负责部门 is a lead column.
const COLUMNS: [RegExp, Column][] = [
  [/^(序号|编号|序|号)$/, 'number'],
  [/^(区|市|县|省)?(政府)?(分管|牵头|责任|联系|包联)(县|市|区|省)?(领导|负责人|人)$|^责任人$/, 'official'],
  [/^(牵头(负责|责任)?(单位|部门|处室|科室)|主办(单位|部门)|主责(单位|部门)|责任牵头单位)$/, 'lead'],
  [/^(配合|协办|协同|参与|协作|协助)(责任)?(单位|部门|处室|科室)$/, 'cooperating'],
  [/^(责任|负责|实施|承办|落实|主体责任|指导)(单位|部门|股室|处室|科室|主体)(（单位）|\(单位\))?$|^责任股室（单位）$/, 'responsible'],
  [/^(完成)?(时限|时间|期限)$|^时间(节点|要求|安排)$|^进度(安排)?$/, 'deadline'],
  [/^(备注|说明)$|范围$/, 'note'],
  [/(任务|工作|措施|内容|事项|实事|项目|指标|目标|举措|名称)$/, 'task'],
];

const BLANKS = /[ \t\u3000\u00a0]+/g;

export function columnOf(cell: string): Column | undefined {
  const c = cell.replace(BLANKS, '').replace(/[|｜]/g, '');
  if (!c || c.length > 14) return undefined;
  for (const [re, col] of COLUMNS) if (re.test(c)) return col;
  return undefined;
}

const ROLE: Column[] = ['lead', 'cooperating', 'responsible'];

/** The cells of one line, in line offsets: tabs, `|`, or runs of two or more spaces; null for a single cell. */
export function splitCells(text: string): Cells | null {
  let sep: Cells['sep'];
  let re: RegExp;
  if (text.includes('\t')) (sep = 'tab'), (re = /\t/g);
  else if (/[|｜]/.test(text)) (sep = 'pipe'), (re = /[|｜]/g);
  else if (/[ \u3000\u00a0]{2,}/.test(text)) (sep = 'spaces'), (re = /[ \u3000\u00a0]{2,}/g);
  else return null;
  const spans: Span[] = [];
  let from = 0;
  const push = (to: number) => {
    let s = from;
    let e = to;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    spans.push({ start: s, end: e });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(m.index);
    from = m.index + m[0].length;
  }
  push(text.length);
  // `| a | b |`: the empty cells outside the outer bars are no cells.
  if (sep === 'pipe') {
    if (spans.length && spans[0].start === spans[0].end) spans.shift();
    if (spans.length && spans[spans.length - 1].start === spans[spans.length - 1].end) spans.pop();
  }
  return spans.length > 1 ? { spans, sep } : null;
}

/** A header's columns from one line's cells; single-space headers (序号 工 作 任 务 牵头负责部门) too. */
export function headerColumns(text: string, cells: Cells | null): Column[] | undefined {
  let names: string[];
  if (cells) names = cells.spans.map((s) => text.slice(s.start, s.end));
  else {
    // One space between words: join runs of single characters (工 作 任 务) into one word.
    const words = text.trim().split(/[ \u3000]+/);
    if (words.length < 2) return undefined;
    names = [];
    for (const w of words) {
      if (w.length === 1 && names.length && names[names.length - 1].length >= 1 && !columnOf(names[names.length - 1]) && !columnOf(w)) names[names.length - 1] += w;
      else names.push(w);
    }
  }
  const cols = names.map(columnOf);
  if (cols.some((c) => c === undefined)) return undefined;
  return isHeader(cols as Column[]) ? (cols as Column[]) : undefined;
}

/** A header names at least one role column and one other column. */
export function isHeader(cols: Column[]): boolean {
  return cols.length >= 2 && cols.some((c) => ROLE.includes(c)) && cols.some((c) => !ROLE.includes(c));
}

/** What a cell's text can be, when cells are not in their columns' places. */
export function cellKind(cell: string): 'number' | 'deadline' | 'person' | 'agency' | 'text' {
  const c = cell.replace(BLANKS, '').replace(/[|｜]/g, '');
  if (/^\d{1,3}[.、．]?$/.test(c)) return 'number';
  if (c.length <= 16 && isDeadline(c) && !/[，,。；]/.test(c)) return 'deadline';
  // 夏俊贵, 叶林: a two- or three-character name that neither starts with a level (县残联) nor ends like a body.
  if (/^[\u4e00-\u9fff]{2,3}$/.test(c) && !/^(省|市|县|区|镇|乡|州|旗|盟)/.test(c) && !/(局|委|办|厅|部|室|股|站|所|队|馆|会|院|区|县|市|镇|乡|中心|公司|社|联|团|行|关|处|科|组|园)$/.test(c)) return 'person';
  if (isOfficial(c)) return 'person';
  // Units: every name ends like a body or is a collective (公共文化服务 is a task's heading, not a unit).
  if (c.length <= 60 && !/[。；;]/.test(c) && c.split(/[、，,]/).every((n) => n.length <= 24 && (endsLikeAgency(stripTail(n)) || isCollective(n)))) return 'agency';
  return 'text';
}

export interface RowCell {
  column: Column;
  span: Span;
}

/**
 * A row's cells in their columns. Cells as many as the columns go in order; otherwise (a row
 * copied cell by cell, a merged cell left out) each cell goes to the next column that can hold
 * it, and further unit lines after a role column stay in it (or move on to the next role column).
 */
export function placeCells(columns: Column[], texts: string[], spans: Span[], positional: boolean): RowCell[] {
  const out: RowCell[] = [];
  if (positional && texts.length === columns.length) {
    texts.forEach((_, i) => out.push({ column: columns[i], span: spans[i] }));
    return out;
  }
  let col = 0;
  for (let i = 0; i < texts.length; i++) {
    const kind = cellKind(texts[i]);
    const fits = (c: Column): boolean => {
      switch (c) {
        case 'number':
          return kind === 'number';
        case 'official':
          return kind === 'person';
        case 'deadline':
          return kind === 'deadline';
        case 'lead':
        case 'cooperating':
        case 'responsible':
          return kind === 'agency';
        case 'task':
          return kind === 'text';
        case 'note':
          return true;
      }
    };
    // A unit line right after a role cell stays in it; after the lead's cell it moves on to the next role column.
    const prev = out[out.length - 1];
    if (kind === 'agency' && prev && ROLE.includes(prev.column)) {
      const next = prev.column === 'lead' ? columns.findIndex((c, k) => k >= col && (c === 'cooperating' || c === 'responsible')) : -1;
      if (next >= 0) {
        out.push({ column: columns[next], span: spans[i] });
        col = next + 1;
      } else out.push({ column: prev.column, span: spans[i] });
      continue;
    }
    let k = col;
    while (k < columns.length && !fits(columns[k])) k++;
    if (k >= columns.length) {
      // No column left for it: a second task sentence in a merged row goes with the task.
      if (kind === 'text') out.push({ column: 'task', span: spans[i] });
      continue;
    }
    out.push({ column: columns[k], span: spans[i] });
    col = k + 1;
  }
  return out;
}

/** A table the walk is inside: its columns and how its rows are written. */
export interface Table {
  columns: Column[];
  /** cells: one row per line (tab, `|`, spaces); words: single spaces; lines: one cell per line. */
  mode: 'cells' | 'words' | 'lines';
  /** The last row's number, for `lines` tables (a row starts at the next number). */
  last: number;
}

export interface Row {
  /** Index of the row's first and last entry. */
  first: number;
  last: number;
  cells: { column: Column; entry: number; span: Span }[];
}

interface EntryLike {
  text: string;
  shadow: string;
  noise: boolean;
  cells?: Cells | null;
  /** The line read as a header row, or null; undefined until asked (kept with the line). */
  header?: Column[] | null;
  /** The line read as one header cell (序号 on a line of its own), or null; undefined until asked. */
  column?: Column | null;
}

function cellsOf(e: EntryLike): Cells | null {
  if (e.cells === undefined) e.cells = splitCells(e.text);
  return e.cells;
}

/** A one-cell line's text without a closing `|`. */
function lineCell(text: string): Span {
  let end = text.length;
  while (end > 0 && (isBlank(text.charCodeAt(end - 1)) || text[end - 1] === '|' || text[end - 1] === '｜')) end--;
  return { start: 0, end };
}

/** A table header at entry `i`: one line of column names, or several lines of one name each. */
export function readHeader(entries: EntryLike[], i: number): { table: Table; last: number } | undefined {
  const e = entries[i];
  if (e.noise || e.text.length > 200) return undefined;
  const cells = cellsOf(e);
  if (e.header === undefined) e.header = headerColumns(e.shadow, cells) ?? null;
  if (e.header) return { table: { columns: e.header, mode: cells ? 'cells' : 'words', last: 0 }, last: i };
  // 序号 / 重点工作 / 责任单位 / 完成时限, each on its own line ((单位) continues the name above).
  const cols: Column[] = [];
  let k = i;
  for (; k < entries.length && k < i + 12; k++) {
    const x = entries[k];
    if (x.column === undefined) {
      const span = lineCell(x.shadow);
      const cell = x.shadow.slice(span.start, span.end);
      x.column = columnOf(cell) ?? (/^[(（]单位[)）]$/.test(cell) ? 'note' : null);
    }
    const c = x.column;
    // (单位) under 责任股室 continues the name above: no column of its own.
    if (c === 'note' && /^[(（]单位[)）]/.test(x.shadow.trim()) && cols.length) continue;
    if (c) cols.push(c);
    else break;
  }
  if (cols.length >= 3 && isHeader(cols) && cols[0] === 'number') return { table: { columns: cols, mode: 'lines', last: 0 }, last: k - 1 };
  return undefined;
}

function numberOf(text: string): number | undefined {
  const m = /^\s*(\d{1,3})\s*[.、．]?\s*[|｜]?\s*$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * The row starting at entry `i` under `table`, or undefined when the line is no row of it (the
 * table has ended). `adjacent(k)`: entry k follows entry k-1 with no blank line between.
 */
export function readRow(table: Table, entries: EntryLike[], i: number, adjacent: (k: number) => boolean, isHeading: (k: number) => boolean): Row | undefined {
  const e = entries[i];
  if (e.noise) return undefined;
  if (table.mode === 'lines') {
    const n = numberOf(e.text);
    if (n === undefined || (table.last && n !== table.last + 1)) return undefined;
    const texts: string[] = [];
    const spans: Span[] = [];
    const at: number[] = [];
    let k = i + 1;
    for (; k < entries.length; k++) {
      const x = entries[k];
      if (x.noise || numberOf(x.text) === n + 1 || (isHeading(k) && /^[一二三四五六七八九十]+、/.test(x.text))) break;
      const span = lineCell(x.text);
      if (span.end <= span.start) continue;
      texts.push(x.shadow.slice(span.start, span.end));
      spans.push(span);
      at.push(k);
    }
    table.last = n;
    const first = lineCell(e.text);
    const placed = placeCells(table.columns.slice(1), texts, spans, false);
    const cells = [{ column: 'number' as Column, entry: i, span: first }, ...placed.map((c, j) => ({ column: c.column, entry: at[spanIndex(spans, c.span, j)], span: c.span }))];
    return { first: i, last: k - 1, cells };
  }
  if (table.mode === 'words') {
    const words = wordsOf(e.text);
    if (words.length < 2 || cellKind(e.text.slice(words[0].start, words[0].end)) !== 'number') return undefined;
    return { first: i, last: i, cells: placeWords(table.columns, e.shadow, words).map((c) => ({ ...c, entry: i })) };
  }
  const cells = cellsOf(e);
  if (!cells) return undefined;
  const texts = cells.spans.map((s) => e.shadow.slice(s.start, s.end));
  const row: Row = { first: i, last: i, cells: placeCells(table.columns, texts, cells.spans, true).map((c) => ({ ...c, entry: i })) };
  // A cell wrapped onto the next line (no cells of its own, no blank line between) continues the
  // row, in the column its text fits: the task's sentence, a unit, a deadline.
  for (let k = i + 1; k < entries.length && adjacent(k) && !isHeading(k) && !entries[k].noise && !cellsOf(entries[k]); k++) {
    const kind = cellKind(entries[k].shadow);
    const want: Column[] = kind === 'agency' ? ROLE : kind === 'deadline' ? ['deadline'] : kind === 'person' ? ['official'] : ['task'];
    const into = [...row.cells].reverse().find((c) => want.includes(c.column)) ?? row.cells[row.cells.length - 1];
    if (!into) break;
    row.cells.push({ column: into.column, entry: k, span: { start: 0, end: entries[k].text.length } });
    row.last = k;
  }
  return row;
}

function spanIndex(spans: Span[], span: Span, guess: number): number {
  if (spans[guess] === span) return guess;
  const k = spans.indexOf(span);
  return k < 0 ? guess : k;
}

function wordsOf(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^ \u3000\u00a0\t]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Single-space rows: the number first, then the last columns from the right by what they hold, the task between. */
function placeWords(columns: Column[], shadow: string, words: Span[]): RowCell[] {
  const out: RowCell[] = [];
  let from = 0;
  let to = words.length;
  let c0 = 0;
  let c1 = columns.length;
  if (columns[0] === 'number') {
    out.push({ column: 'number', span: words[0] });
    from = 1;
    c0 = 1;
  }
  const tail: RowCell[] = [];
  while (c1 - 1 > c0 && to - 1 > from) {
    const col = columns[c1 - 1];
    if (col === 'task') break;
    const kind = cellKind(shadow.slice(words[to - 1].start, words[to - 1].end));
    const fits = col === 'deadline' ? kind === 'deadline' : col === 'official' ? kind === 'person' : col === 'note' ? true : kind === 'agency';
    if (fits) tail.unshift({ column: col, span: words[to - 1] }), to--;
    c1--;
  }
  if (to > from) out.push({ column: columns[c0] === 'task' ? 'task' : columns[c0], span: { start: words[from].start, end: words[to - 1].end } });
  return [...out, ...tail];
}
