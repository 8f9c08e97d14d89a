// Word tables as plan lines. A task table (a column headed 牵头单位, 配合单位, 责任单位 …) gives
// one line per task row: its number, its task text and a clause built from its party cells,
// `1.加强组织领导（自治区商务厅牵头，自治区财政厅配合）`. A row that is one cell across the
// table (一、推进改革) is a heading line of its own; a grouping column (类别, 领域) writes its
// value as a line whenever it changes. Other tables give one line per row, cells tab-separated.
// Pure: cell texts in, lines out.

export interface Cell {
  text: string;
  /** First grid column of the cell and how many it spans. */
  col: number;
  span: number;
  /** The cell is the continuation of a vertical merge (its text is the merge's). */
  merged: boolean;
}

export interface TableGrid {
  rows: Cell[][];
  /** Rows Word repeats as a header (w:tblHeader). */
  headerRows: number;
}

export type ColumnRole = 'number' | 'task' | 'lead' | 'cooperating' | 'responsible' | 'official' | 'deadline' | 'note' | 'other';

export interface TaskRowOut {
  /** The task text as written in its cell(s), no number, no clause. */
  task: string;
  lead: string;
  cooperating: string;
  responsible: string;
}

export interface TableLines {
  lines: string[];
  /** Set for a task table: its rows' parts, for telling whether it repeats the text's tasks. */
  taskRows?: TaskRowOut[];
  columns: ColumnRole[];
  /** Rows whose 备注 cell was left out. */
  notes: number;
}

/** What a header cell names. Officials before leads (牵头领导 is a person), cooperating before responsible (协同责任单位). */
export function roleOfHeader(label: string): ColumnRole {
  const s = label.replace(/[\s\u3000]/g, '');
  if (!s) return 'other';
  if (/领导|责任人|联系人|牵头人|分管/.test(s)) return 'official';
  if (/牵头|主办|主责/.test(s)) return 'lead';
  if (/配合|协同|协办|参与|协助/.test(s)) return 'cooperating';
  if (/责任单位|责任部门|负责单位|负责部门|承办|实施单位|实施主体|责任主体|落实单位/.test(s)) return 'responsible';
  if (/时限|时间|进度|节点|期限/.test(s)) return 'deadline';
  if (/^(序号|编号|序|No\.?|#)$/i.test(s)) return 'number';
  if (/任务|工作|内容|事项|措施|举措|目标|要求|名称|项目|分工/.test(s)) return 'task';
  if (/备注|说明/.test(s)) return 'note';
  return 'other';
}

const isParty = (r: ColumnRole) => r === 'lead' || r === 'cooperating' || r === 'responsible';
const HEADER_WORD = /序号|编号|任务|工作|内容|事项|措施|牵头|配合|协同|责任|负责|单位|部门|领导|时限|时间|进度|备注|类别|领域/;

/** Columns by the labels of the header rows above them (a spanning header applies to each column it spans). */
function headerOf(grid: TableGrid, width: number): { roles: ColumnRole[]; rows: number } {
  const labels: string[] = Array.from({ length: width }, () => '');
  let rows = 0;
  for (let r = 0; r < Math.min(grid.rows.length, 4); r++) {
    const row = grid.rows[r];
    const texts = row.filter((c) => c.text.trim());
    const looksLikeHeader = texts.length > 0 && texts.every((c) => c.text.length <= 16 && HEADER_WORD.test(c.text));
    if (!(r < grid.headerRows || looksLikeHeader)) break;
    // A title row across the whole table above the header is no header.
    if (texts.length === 1 && texts[0].span >= width && !isParty(roleOfHeader(texts[0].text))) {
      if (rows === 0) continue;
      break;
    }
    for (const c of row) for (let k = c.col; k < c.col + c.span && k < width; k++) if (!c.merged) labels[k] += c.text;
    rows = r + 1;
  }
  // 责任单位 over 牵头 | 配合 reads 责任单位牵头 and 责任单位配合: the role words win (see roleOfHeader).
  return { roles: labels.map(roleOfHeader), rows };
}

const EMPTY_CELL = /^[\s\u3000]*([-—–/／\\无]|—+|无|暂无)?[\s\u3000]*$/;
const TRAILING_ROLE = /(牵头|配合|负责|参与|协同|协助)$/;

/** A party cell as one list: its paragraphs joined with 、, stray separators and role words trimmed. */
function partyList(text: string): string {
  if (EMPTY_CELL.test(text)) return '';
  return text
    .split('\n')
    .map((s) => s.replace(/^[\s\u3000]+|[\s\u3000，,、；;。]+$/g, '').replace(TRAILING_ROLE, ''))
    .filter(Boolean)
    .join('、');
}

function sentenceJoin(parts: string[]): string {
  let out = '';
  for (const p of parts.map((s) => s.trim()).filter(Boolean)) {
    if (out && !/[。；;！？：:，,、）)]$/.test(out)) out += '。';
    out += p;
  }
  return out;
}

const MARKER = /^([零〇一二三四五六七八九十百两]{1,6}[、．.]|[(（][零〇一二三四五六七八九十百两]{1,6}[)）]|\d{1,3}[.．、﹒](?!\d)|[(（]\d{1,3}[)）])/;

/** `1` → `1.`, `一` → `一、`; a number already punctuated as written. */
function numberPrefix(n: string): string {
  const s = n.trim();
  if (!s) return '';
  if (/^\d{1,3}$/.test(s)) return `${s}.`;
  if (/^[零〇一二三四五六七八九十百两]{1,6}$/.test(s)) return `${s}、`;
  if (MARKER.test(s)) return s;
  return `${s} `;
}

export interface ClauseStyle {
  open: string;
  close: string;
  comma: string;
}

export function clauseOf(parts: { lead: string; cooperating: string; responsible: string; official?: string; deadline?: string }, style: ClauseStyle): string {
  const groups: string[] = [];
  if (parts.lead) groups.push(`${parts.lead}牵头`);
  if (parts.responsible) groups.push(`${parts.responsible}负责`);
  if (parts.cooperating) groups.push(`${parts.cooperating}配合`);
  if (!groups.length) return '';
  const extra: string[] = [];
  if (parts.official) extra.push(`牵头领导：${parts.official}`);
  if (parts.deadline) extra.push(`完成时限：${parts.deadline}`);
  const semi = style.comma === ',' ? ';' : '；';
  return `${style.open}${groups.join(style.comma)}${extra.length ? semi + extra.join(semi) : ''}${style.close}`;
}

/** One table as plan lines. */
export function tableLines(grid: TableGrid, style: ClauseStyle): TableLines {
  const width = grid.rows.reduce((w, r) => Math.max(w, ...r.map((c) => c.col + c.span)), 0);
  const { roles, rows: headerRows } = headerOf(grid, width);
  const lines: string[] = [];
  if (!roles.some(isParty)) {
    for (const row of grid.rows) {
      const cells = row.filter((c) => !c.merged).map((c) => c.text.replace(/\n/g, ' ').trim());
      const line = cells.filter(Boolean).join('\t');
      if (line) lines.push(line);
    }
    return { lines, columns: roles, notes: 0 };
  }
  const firstTask = roles.indexOf('task');
  const taskRows: TaskRowOut[] = [];
  const groupValues = new Map<number, string>();
  let notes = 0;
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (r < headerRows) continue;
    const filled = row.filter((c) => c.text.trim());
    if (filled.length === 0) continue;
    if (filled.length === 1 && !filled[0].merged && !isParty(roles[filled[0].col] ?? 'other')) {
      // One text alone in its row (across the table, or in the task column): a heading or a group name.
      lines.push(filled[0].text.replace(/\n/g, ''));
      continue;
    }
    const by: Record<ColumnRole, string[]> = { number: [], task: [], lead: [], cooperating: [], responsible: [], official: [], deadline: [], note: [], other: [] };
    for (const c of row) {
      const role = roles[c.col] ?? 'other';
      if (role === 'other' && (firstTask < 0 || c.col < firstTask)) {
        // A grouping column (类别, 领域): its value is a line of its own when it changes.
        const v = c.text.replace(/\n/g, '').trim();
        if (v && groupValues.get(c.col) !== v) {
          groupValues.set(c.col, v);
          lines.push(v);
        }
        continue;
      }
      if (c.text.trim()) by[role].push(c.text);
    }
    const task = sentenceJoin([...by.task.flatMap((t) => t.split('\n')), ...by.other.flatMap((t) => t.split('\n'))]);
    const parts = {
      lead: by.lead.map(partyList).filter(Boolean).join('、'),
      cooperating: by.cooperating.map(partyList).filter(Boolean).join('、'),
      responsible: by.responsible.map(partyList).filter(Boolean).join('、'),
      official: by.official.map(partyList).filter(Boolean).join('、'),
      deadline: by.deadline.map((d) => d.replace(/\n/g, '；').trim()).filter((d) => !EMPTY_CELL.test(d)).join('；'),
    };
    const clause = clauseOf(parts, style);
    if (!task && !clause) continue;
    const number = MARKER.test(task) ? '' : numberPrefix(by.number.join(''));
    if (by.note.some((n) => !EMPTY_CELL.test(n))) notes++;
    lines.push(`${number}${task}${clause}`);
    taskRows.push({ task, lead: parts.lead, cooperating: parts.cooperating, responsible: parts.responsible });
  }
  return { lines, taskRows, columns: roles, notes };
}
