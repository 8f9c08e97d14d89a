// The page of a Chinese official document (GB/T 9704-2012), in Word's units, and what each
// kind of paragraph of a plan looks like on it. Pure data and one pure function: the writer
// (docxExport.ts) renders it, the tests read the numbers back out of the .docx.
import { type PlanModel, taskTable, isBlank, isSentenceEnd, TASK_TABLE_HEADERS, fullWidthEdits, toFullWidth, type TaskTable, type TaskTableRow } from '../engine';
import { titleLines } from './title';

/** Twentieths of a point (twips) in one millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TWIPS_PER_MM);

/** A4, a 156 × 225 mm text block 37 mm from the top and 28 mm from the left (GB/T 9704 §5.2.1). */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: mm(37),
  left: mm(28),
  right: 11906 - mm(28) - mm(156),
  bottom: 16838 - mm(37) - mm(225),
  header: mm(15),
  // The page number's dash line sits about 7 mm under the text block (§7.5): the footer's
  // bottom edge is 35 − 7 mm less the height of one 4号 line above the page's edge.
  footer: mm(35 - 7 - 6.4),
} as const;

/**
 * The attachment's landscape pages: the A4 sheet turned, its 156 × 225 mm text block with it, so
 * that the table's head faces the binding edge (GB/T 9704 §10: 表格横排时, 单页码表头在订口一边).
 * Page numbers stay at the foot, 7 mm under the text block, as on the other pages.
 */
export const LANDSCAPE_PAGE = {
  width: PAGE.height,
  height: PAGE.width,
  top: mm(28),
  bottom: PAGE.width - mm(28) - mm(156),
  left: mm(37),
  right: PAGE.height - mm(37) - mm(225),
  header: mm(15),
  footer: mm(26 - 7 - 6.4),
} as const;

/** 22 lines of 28 characters (§5.2.2): the line pitch, and the character pitch as Word's docGrid charSpace. */
export const GRID = {
  lines: 22,
  chars: 28,
  /** 28.95 pt, as Word's own 公文 templates write it (225 mm / 22 lines is 28.99 pt). */
  linePitch: 579,
  /**
   * (character pitch − the Normal font's size) × 4096, in points: 15.79 pt against 16 pt.
   * Rounded down, so that 28 pitches never come out a hair wider than the text block.
   */
  charSpace: Math.floor(((PAGE.width - PAGE.left - PAGE.right) / 28 / 20 - 16) * 4096),
} as const;

/**
 * Fonts as Chinese Word and WPS installations name them. Each run names its font for every
 * script (ascii, hAnsi, eastAsia, cs), so digits and half-width brackets stay in the same face.
 * `alt` goes into the font table: what Word substitutes where the named face is missing
 * (a Windows without the GB2312 fonts has 仿宋 and 楷体).
 */
export const FONTS = {
  title: { name: '方正小标宋简体', alt: '宋体' },
  chapter: { name: '黑体', alt: 'SimHei' },
  section: { name: '楷体_GB2312', alt: '楷体' },
  body: { name: '仿宋_GB2312', alt: '仿宋' },
  pageNumber: { name: '宋体', alt: 'SimSun' },
} as const;
export type FontRole = keyof typeof FONTS;

/** Sizes in half-points, as Word stores them: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小五 9 pt (the attachment's table). */
export const SIZES = { title: 44, body: 32, pageNumber: 28, table: 18 } as const;

/** Two characters of 3号: the first-line indent of every body paragraph. */
export const INDENT_TWO_CHARS = 2 * 16 * 20;

export interface Run {
  text: string;
  font: FontRole;
  /** Starts a new line (a title broken between words). */
  break?: boolean;
}

export type BlockKind = 'title' | 'blank' | 'heading' | 'body' | 'signature' | 'attachmentNote';

export interface Block {
  kind: BlockKind;
  runs: Run[];
}

export interface Layout {
  blocks: Block[];
  /** The attachment's task table (the 任务分工表), when asked for. */
  table?: TaskTable & { header: string[] };
  warnings: string[];
}


/**
 * How much of a task's text the attachment's 任务 cell shows (whole sentences, then `……`): about
 * two lines of its 小五 column, so that a plan's table stays a few landscape pages (the sample's
 * 77 tasks on 6). The xlsx table has the whole text.
 */
export const TASK_CHARS = 44;

/** No control characters in Word's XML; a tab inside a line is a full-width space on the page. */
function clean(s: string): string {
  return s.replace(/\t/g, '\u3000').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** Where a heading's own words end: after its title and the full stop that closes it. */
function headingEnd(text: string, titleEnd: number, lineEnd: number): number {
  let i = titleEnd;
  while (i < lineEnd && isSentenceEnd(text.charCodeAt(i))) i++;
  while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
  return i;
}

export interface LayoutOptions {
  withTable?: boolean;
  /**
   * `full-width` (the default): the body's , : ; ( ) ? ! between Chinese words in full width
   * (GB/T 15834, engine/features/fullWidth.ts); `as-written`: the text as the plan has it.
   */
  punctuation?: 'full-width' | 'as-written';
}

/** 2号 characters on a title line: of the 156 mm text block, of the landscape attachment's 225 mm. */
export const TITLE_CHARS = { portrait: 20, landscape: 29 } as const;

/** A title as runs, broken between words (GB/T 9704 §7.3.3). */
export function titleRuns(title: string, perLine: number): Run[] {
  return titleLines(title, perLine).map((line, i) => ({ text: line, font: 'title', break: i > 0 }));
}

/**
 * The text with its punctuation in full width, offset for offset: a space the conversion drops
 * becomes a control character that `clean` takes out.
 */
function fullWidthText(model: PlanModel): string {
  const chars = model.text.split('');
  for (const e of fullWidthEdits(model)) chars[e.span.start] = e.newText || '\u0000';
  return chars.join('');
}

/** The plan as paragraphs of runs, each run in its font; noise lines (dates, 来源:) left out. */
export function layoutPlan(model: PlanModel, opts: LayoutOptions = {}): Layout {
  const asWritten = opts.punctuation === 'as-written';
  const text = asWritten ? model.text : fullWidthText(model);
  const blocks: Block[] = [];
  const warnings: string[] = [];
  let noise = 0;
  const lastTaskEnd = model.tasks.reduce((m, t) => Math.max(m, t.span.end), 0);
  const paragraphs = model.paragraphs;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const line = clean(text.slice(p.span.start, p.span.end));
    switch (p.kind) {
      case 'noise':
        noise++;
        break;
      case 'title':
        blocks.push({ kind: 'title', runs: titleRuns(line, TITLE_CHARS.portrait) });
        if (paragraphs[i + 1]?.kind !== 'title') blocks.push({ kind: 'blank', runs: [] });
        break;
      case 'heading': {
        const h = p.heading !== undefined ? model.headings[p.heading] : undefined;
        if (!h || h.span.start !== p.span.start || h.level > 2) {
          blocks.push({ kind: 'body', runs: [{ text: line, font: 'body' }] });
          break;
        }
        // 一、 in 黑体, (一) in 楷体 (§7.3.3); a title sentence followed by body text on the
        // same line leaves the body text in 仿宋.
        const end = headingEnd(text, h.titleSpan.end, p.span.end);
        const runs: Run[] = [{ text: clean(text.slice(p.span.start, end)), font: h.level === 1 ? 'chapter' : 'section' }];
        if (end < p.span.end) runs.push({ text: clean(text.slice(end, p.span.end)), font: 'body' });
        blocks.push({ kind: 'heading', runs });
        break;
      }
      case 'signature':
        blocks.push({ kind: p.span.start >= lastTaskEnd ? 'signature' : 'body', runs: [{ text: line, font: 'body' }] });
        break;
      default:
        blocks.push({ kind: 'body', runs: [{ text: line, font: 'body' }] });
    }
  }
  if (noise) warnings.push(`略去 ${noise} 行网页杂项（日期、来源等） (left out ${noise} lines of web-page noise: dates, sources)`);
  if (!opts.withTable) return { blocks, warnings };

  // The attachment note closes the text (§7.3.6); the table follows in a landscape section of its own.
  const table = taskTable(model, { taskChars: TASK_CHARS });
  const conv = asWritten ? (t: string) => clean(t) : (t: string) => clean(toFullWidth(t));
  const rows: TaskTableRow[] = table.rows.map((r) =>
    r.kind === 'task' ? { ...r, cells: Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, conv(v)])) as typeof r.cells } : { ...r, text: conv(r.text) },
  );
  const title = conv(table.title);
  const at = blocks.findIndex((b, i) => b.kind === 'signature' && blocks.slice(i).every((x) => x.kind === 'signature'));
  const note: Block[] = [
    { kind: 'blank', runs: [] },
    { kind: 'attachmentNote', runs: [{ text: `附件：${title}`, font: 'body' }] },
  ];
  if (at >= 0) blocks.splice(at, 0, ...note);
  else blocks.push(...note);
  return { blocks, table: { ...table, title, rows, header: table.columns.map((c) => TASK_TABLE_HEADERS[c][0]) }, warnings };
}
