// A Word document (.docx) as plan text: one line per paragraph, in document order, with
// Word's automatic numbers written out as text (一、 （一） 1.), indentation (full-width spaces,
// tabs) trimmed, soft line breaks joined unless they end a sentence, and tables flattened so
// that each task row keeps its lead and cooperating cells as a clause (tables.ts).
// What cannot be carried over (pictures, text boxes, footnotes, comments, bullets …) is said
// in `warnings`, one line each in Chinese and English.
//
// Why not mammoth: it reads a .docx well but drops automatic numbering, and the numbers are
// half of a plan's structure. So the package is unzipped (fflate) and document.xml,
// numbering.xml and styles.xml read directly (fast-xml-parser), which keeps every paragraph's
// numbering properties in reach.
// No I/O: bytes in, text out. Rejects only for a file that is no .docx at all, or one past the
// package's size limits (package.ts).
import { analyze, toFullWidth } from '../engine';
import { loadWordLib } from './lib';
import { DocxTooLargeError, NotDocxError, openPackage } from './package';
import { Numbering, readStyles } from './numbering';
import { tableLines, type Cell, type ClauseStyle, type TableGrid, type TaskRowOut } from './tables';
import { child, children, descendants, isEl, on, parseXml, textOf, val, type El } from './xml';

export interface DocxImportResult {
  text: string;
  warnings: string[];
}

export { DocxTooLargeError, NotDocxError };

/** What the walk met that the text cannot hold, counted for the warnings. */
interface Notes {
  images: number;
  textBoxes: number;
  footnotes: number;
  endnotes: number;
  hidden: number;
  insertions: number;
  deletions: number;
  formulas: number;
  symbols: number;
  altChunks: number;
  nestedTables: number;
  softBreaksJoined: number;
  plainTables: number;
  tableNotes: number;
}

type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; grid: TableGrid };

const SENTENCE_END = /[。；;！？!?：:）)】」”]$/;
const STARTS_MARKER = /^([零〇一二三四五六七八九十百两]{1,6}[、．.]|[(（][零〇一二三四五六七八九十百两\d]{1,6}[)）]|\d{1,3}[.．、﹒](?!\d)|附件)/;
const MARK_TAB = /^([零〇一二三四五六七八九十百两]{1,6}[、．.]|[(（][零〇一二三四五六七八九十百两\d]{1,6}[)）]|\d{1,3}[.．、﹒])\t+/;
const CLAUSE_ONLY = /^[(（〔【[][^)）〕】\]]*(牵头|配合|负责|参与|协同|单位[:：])/;
const BLANKS = /^[\s\u3000\u00a0\ufeff\u200b]+|[\s\u3000\u00a0\ufeff\u200b]+$/g;

class Reader {
  readonly notes: Notes = {
    images: 0, textBoxes: 0, footnotes: 0, endnotes: 0, hidden: 0, insertions: 0, deletions: 0,
    formulas: 0, symbols: 0, altChunks: 0, nestedTables: 0, softBreaksJoined: 0, plainTables: 0, tableNotes: 0,
  };

  constructor(private numbering: Numbering) {}

  /** Block-level content in order: paragraphs and tables, through content controls and custom XML. */
  blocks(container: El, out: Block[] = []): Block[] {
    for (const el of children(container)) {
      switch (el.name) {
        case 'w:p':
          out.push(...this.paragraph(el).map((text) => ({ kind: 'paragraph' as const, text })));
          break;
        case 'w:tbl':
          out.push({ kind: 'table', grid: this.table(el) });
          break;
        case 'w:sdt':
          this.blocks(child(el, 'w:sdtContent') ?? el, out);
          break;
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          this.blocks(el, out);
          break;
        case 'w:altChunk':
          this.notes.altChunks++;
          break;
        default:
          break;
      }
    }
    return out;
  }

  /** A paragraph's lines: its number, then its text; soft breaks kept only where a sentence ends. */
  paragraph(p: El): string[] {
    const pPr = child(p, 'w:pPr');
    const label = this.numbering.labelFor(pPr);
    const parts: string[] = [''];
    this.inline(p, parts);
    // A centred title broken over lines (GB/T 9704 §7.3.3) is one title: joined without a word.
    const centred = val(pPr, 'w:jc') === 'center';
    const lines: string[] = [];
    let current = '';
    for (let i = 0; i < parts.length; i++) {
      const seg = parts[i].replace(BLANKS, '');
      if (i === 0) {
        current = seg;
        continue;
      }
      if (!seg) continue;
      // A clause on a line of its own stays with its task; a new sentence or number starts a line.
      if (!current || ((SENTENCE_END.test(current) || STARTS_MARKER.test(seg)) && !CLAUSE_ONLY.test(seg))) {
        if (current) lines.push(current);
        current = seg;
      } else {
        if (!centred) this.notes.softBreaksJoined++;
        current += seg;
      }
    }
    if (current) lines.push(current);
    const number = label.replace(BLANKS, '');
    if (!number) return lines;
    if (!lines.length) return [number];
    // 一、 （一） 1. need nothing after them; 第一条 and a bare 1 keep the gap Word shows (w:suff).
    const gap = /[\p{L}\p{N}]$/u.test(number) ? (/[\u3400-\u9fff]$/.test(number) ? '\u3000' : ' ') : '';
    lines[0] = number + gap + lines[0];
    return lines;
  }

  /** Inline content: runs, through links, tracked insertions, fields and content controls. */
  private inline(el: El, parts: string[]): void {
    for (const k of children(el)) {
      switch (k.name) {
        case 'w:r':
          this.run(k, parts);
          break;
        case 'w:hyperlink':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:fldSimple':
        case 'w:dir':
        case 'w:bdo':
        case 'w:moveTo':
          this.inline(k, parts);
          break;
        case 'w:ins':
          this.notes.insertions++;
          this.inline(k, parts);
          break;
        case 'w:del':
        case 'w:moveFrom':
          this.notes.deletions++;
          break;
        case 'w:sdt':
          this.inline(child(k, 'w:sdtContent') ?? k, parts);
          break;
        case 'm:oMath':
        case 'm:oMathPara':
          this.notes.formulas++;
          parts[parts.length - 1] += descendants(k, 'm:t')
            .map((t) => t.kids.filter((x): x is string => typeof x === 'string').join(''))
            .join('');
          break;
        default:
          break;
      }
    }
  }

  private run(r: El, parts: string[]): void {
    const rPr = child(r, 'w:rPr');
    if (on(rPr, 'w:vanish') || on(rPr, 'w:specVanish')) {
      if (textOf(r)) this.notes.hidden++;
      return;
    }
    for (const k of r.kids) {
      if (!isEl(k)) continue;
      switch (k.name) {
        case 'w:t':
          parts[parts.length - 1] += k.kids.filter((x): x is string => typeof x === 'string').join('');
          break;
        case 'w:tab':
        case 'w:ptab':
          parts[parts.length - 1] += '\t';
          break;
        case 'w:br':
        case 'w:cr':
          // Soft line break, page or column break: a place where the paragraph may split.
          parts.push('');
          break;
        case 'w:noBreakHyphen':
          parts[parts.length - 1] += '-';
          break;
        case 'w:sym': {
          const code = parseInt(k.attrs['w:char'] ?? '', 16);
          // Symbol-font characters live in the private use area: no text to carry.
          if (code && !(code >= 0xe000 && code <= 0xf8ff)) parts[parts.length - 1] += String.fromCodePoint(code);
          else this.notes.symbols++;
          break;
        }
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
        case 'mc:AlternateContent':
          if (descendants(k, 'w:txbxContent').length) this.notes.textBoxes++;
          else this.notes.images++;
          break;
        case 'w:footnoteReference':
          this.notes.footnotes++;
          break;
        case 'w:endnoteReference':
          this.notes.endnotes++;
          break;
        default:
          break;
      }
    }
  }

  /** The cell grid: spans placed on grid columns, vertical merges given the text of the cell they continue. */
  table(tbl: El): TableGrid {
    const rows: Cell[][] = [];
    let headerRows = 0;
    let inHeader = true;
    for (const tr of rowsOf(tbl)) {
      const trPr = child(tr, 'w:trPr');
      if (inHeader && on(trPr, 'w:tblHeader')) headerRows++;
      else inHeader = false;
      let col = Number(val(trPr, 'w:gridBefore') ?? 0) || 0;
      const row: Cell[] = [];
      const above = rows[rows.length - 1];
      for (const tc of cellsOf(tr)) {
        const tcPr = child(tc, 'w:tcPr');
        const span = Math.max(1, Number(val(tcPr, 'w:gridSpan') ?? 1) || 1);
        const vMerge = child(tcPr, 'w:vMerge');
        const continues = !!vMerge && (vMerge.attrs['w:val'] ?? 'continue') === 'continue';
        let text: string;
        if (continues) text = above?.find((c) => c.col === col)?.text ?? '';
        else text = this.cellText(tc);
        row.push({ text, col, span, merged: continues });
        col += span;
      }
      rows.push(row);
    }
    return { rows, headerRows };
  }

  private cellText(tc: El): string {
    const lines: string[] = [];
    for (const b of this.blocks(tc)) {
      if (b.kind === 'paragraph') lines.push(b.text);
      else {
        this.notes.nestedTables++;
        for (const row of b.grid.rows) lines.push(row.filter((c) => !c.merged && c.text).map((c) => c.text.replace(/\n/g, ' ')).join('\t'));
      }
    }
    return lines.filter(Boolean).join('\n');
  }
}

/** Rows of a table, also those wrapped in content controls. */
function rowsOf(tbl: El): El[] {
  const out: El[] = [];
  for (const k of children(tbl)) {
    if (k.name === 'w:tr') out.push(k);
    else if (k.name === 'w:sdt') out.push(...rowsOf(child(k, 'w:sdtContent') ?? k));
    else if (k.name === 'w:customXml') out.push(...rowsOf(k));
  }
  return out;
}

function cellsOf(tr: El): El[] {
  const out: El[] = [];
  for (const k of children(tr)) {
    if (k.name === 'w:tc') out.push(k);
    else if (k.name === 'w:sdt') out.push(...cellsOf(child(k, 'w:sdtContent') ?? k));
    else if (k.name === 'w:customXml') out.push(...cellsOf(k));
  }
  return out;
}

// ---- assembling the text ----

/** Full-width clause brackets unless the document's own text is mostly half-width. */
function clauseStyleFor(paragraphs: string[]): ClauseStyle {
  let full = 0;
  let half = 0;
  for (const p of paragraphs) {
    for (const ch of p) {
      if (ch === '（') full++;
      else if (ch === '(') half++;
    }
  }
  return half > full ? { open: '(', close: ')', comma: ',' } : { open: '（', close: '）', comma: '，' };
}

/** Blanks, ellipses and the width of punctuation do not tell two copies of a task apart. */
const compact = (s: string) => toFullWidth(s).replace(/[\s\u3000…]/g, '');

/**
 * Whether a task table only repeats tasks the text already has (the attachment that `fengong
 * export --with-table` writes, and many real documents): most of its rows name a task of the
 * text with the same lead, by its name or by the opening of its text.
 */
function repeatsText(rows: TaskRowOut[], otherText: string): boolean {
  if (rows.length === 0) return false;
  const { model } = analyze(otherText);
  if (model.tasks.length === 0) return false;
  const known = model.tasks.map((t) => ({
    sentence: compact(model.text.slice(t.nameSpan.start, t.nameSpan.end)),
    text: compact(model.text.slice(t.span.start, t.span.end)),
    lead: (t.clause?.parties ?? []).filter((p) => p.role === 'lead' || p.role === 'responsible').map((p) => p.name),
  }));
  let matched = 0;
  for (const r of rows) {
    const task = compact(r.task);
    if (!task) continue;
    const opening = task.slice(0, 16);
    const leadNames = (r.lead || r.responsible).split('、').filter(Boolean);
    const named = (k: (typeof known)[number]) => k.sentence.startsWith(task) || task.startsWith(k.sentence) || k.text.includes(opening);
    const hit = known.some((k) => named(k) && leadNames.every((n) => k.lead.some((l) => l === n || l.endsWith(n) || n.endsWith(l))));
    if (hit) matched++;
  }
  return matched >= Math.ceil(rows.length * 0.8);
}

function warningsOf(n: Notes, numbering: Numbering, droppedTables: number, headerText: boolean, comments: number): string[] {
  const w: string[] = [];
  const say = (count: number, zh: string, en: string) => {
    if (count) w.push(`${zh.replace('%d', String(count))} (${en.replace('%d', String(count))})`);
  };
  say(n.images, '%d 幅图片或图形未导入', '%d pictures or shapes not carried over');
  say(n.textBoxes, '%d 个文本框未导入', '%d text boxes not carried over');
  say(n.footnotes + n.endnotes, '%d 个脚注或尾注未导入', '%d footnotes or endnotes not carried over');
  say(comments, '%d 条批注未导入', '%d comments not carried over');
  say(n.hidden, '%d 处隐藏文字未导入', '%d pieces of hidden text not carried over');
  if (n.insertions || n.deletions) w.push(`修订已全部接受：${n.insertions} 处插入、${n.deletions} 处删除 (tracked changes accepted: ${n.insertions} insertions, ${n.deletions} deletions)`);
  say(n.formulas, '%d 个公式只保留了文字', '%d equations kept as plain text');
  say(n.symbols, '%d 个符号字体字符未导入', '%d symbol-font characters not carried over');
  say(n.altChunks, '%d 个嵌入的文档片段未导入', '%d embedded document chunks not carried over');
  say(n.nestedTables, '%d 个嵌套表格已展开为文字', '%d nested tables flattened to text');
  say(numbering.notes.bullets, '%d 个项目符号未保留', '%d bullet marks not kept');
  for (const f of numbering.notes.unknownFormats) w.push(`编号格式 ${f} 按阿拉伯数字导入 (numbering format ${f} written as Arabic digits)`);
  say(n.plainTables, '%d 个表格没有牵头或配合列，每行按制表符分隔写成一行', '%d tables without lead or cooperating columns: one line per row, cells tab-separated');
  say(n.tableNotes, '%d 条备注未导入', '%d notes (备注) not carried over');
  say(droppedTables, '%d 个任务表与正文任务重复，未导入', '%d task tables repeating the text\'s tasks left out');
  say(n.softBreaksJoined, '%d 处手动换行已并入段落', '%d soft line breaks joined into their paragraphs');
  if (headerText) w.push('页眉页脚未导入 (headers and footers not carried over)');
  return w;
}

/** A .docx as plan text. Rejects with NotDocxError for a file that is no Word document. */
export async function importDocx(bytes: Uint8Array): Promise<DocxImportResult> {
  const lib = await loadWordLib();
  const pkg = openPackage(lib, bytes);
  const xml = (path: string | undefined) => (path ? parseXml(lib, pkg.part(path) ?? '') : undefined);
  const document = xml(pkg.mainPath);
  const body = child(document, 'w:body');
  if (!body) throw new NotDocxError('不是 Word 文档（.docx）：正文为空或无法读取 (not a Word document (.docx): no readable body)');
  const styles = readStyles(xml(pkg.related('/styles')[0] ?? 'word/styles.xml'));
  const numbering = new Numbering(xml(pkg.related('/numbering')[0] ?? 'word/numbering.xml'), styles);
  const reader = new Reader(numbering);
  const blocks = reader.blocks(body);

  const comments = pkg.related('/comments').reduce((n, p) => n + children(xml(p), 'w:comment').length, 0);
  // Header and footer text beyond page numbers (— 1 —, 第 1 页) would be lost.
  const headerText = [...pkg.related('/header'), ...pkg.related('/footer')].some((p) => {
    const el = xml(p);
    return !!el && /[^\s\d—\-–第页共/|]/.test(textOf(el));
  });

  const style = clauseStyleFor(blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])));
  // Each block as lines; task tables remembered with their place, to leave out the ones that repeat the text.
  const pieces: { lines: string[]; taskRows?: TaskRowOut[] }[] = blocks.map((b) => {
    if (b.kind === 'paragraph') return { lines: [b.text] };
    const t = tableLines(b.grid, style);
    if (!t.taskRows) reader.notes.plainTables++;
    reader.notes.tableNotes += t.notes;
    return { lines: t.lines, taskRows: t.taskRows };
  });
  let dropped = 0;
  for (let i = 0; i < pieces.length; i++) {
    const rows = pieces[i].taskRows;
    if (!rows) continue;
    const others = pieces.filter((_, j) => j !== i).flatMap((p) => p.lines).join('\n');
    if (!repeatsText(rows, others)) continue;
    dropped++;
    pieces[i] = { lines: [] };
    // The attachment's label and title just above it (附件 / 任务分工表) go with it.
    for (let j = i - 1, k = 0; j >= 0 && k < 3; j--) {
      const line = pieces[j].lines.join('');
      if (pieces[j].taskRows) break;
      if (!line) continue;
      if (/^附件\s*\d*$/.test(line) || (line.length <= 60 && /表|清单|分工/.test(line) && !/[。；;]/.test(line))) {
        pieces[j] = { lines: [] };
        k++;
      } else break;
    }
  }
  if (dropped) {
    // …and so does the note announcing it at the end of the text (附件：任务分工表).
    for (const p of pieces) if (p.lines.length === 1 && /^附件\s*\d*[:：]/.test(p.lines[0])) p.lines = [];
  }

  // A number typed before a tab (1.<tab>加强…) reads as Word shows it: no gap after the mark.
  const lines = pieces.flatMap((p) => p.lines).map((l) => l.replace(BLANKS, '').replace(MARK_TAB, '$1'));
  const text = lines.filter(Boolean).join('\n') + '\n';
  return { text, warnings: warningsOf(reader.notes, numbering, dropped, headerText, comments) };
}


