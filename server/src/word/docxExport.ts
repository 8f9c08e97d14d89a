// A plan as a Word document laid out as GB/T 9704-2012 asks (see layout.ts for the numbers):
// A4, the 156 × 225 mm text block on a 22 × 28 grid, title in 2号 小标宋, 一、 in 黑体, (一) in
// 楷体, body in 3号 仿宋 indented two characters, `— 1 —` page numbers outside the text block
// (odd pages right, even pages left), the title broken between words (title.ts), the body's
// punctuation in full width unless asked to keep it as written; with `withTable` the 任务分工表
// as 附件 in a landscape section of its own (序号, 任务, 牵头单位, 配合单位, 完成时限, 责任领导
// where the plan names one; chapter and section rows across the table), its header row
// repeated on every page.
// No I/O: a model in, bytes out. The docx library is loaded on first use (lib.ts).
import type { PlanModel, TaskTableColumn, TaskTableRow } from '../engine';
import { loadWordLib, type WordLib } from './lib';
import { FONTS, GRID, INDENT_TWO_CHARS, LANDSCAPE_PAGE, layoutPlan, PAGE, SIZES, type Block, type FontRole, type Layout, type LayoutOptions, type Run, titleRuns, TITLE_CHARS } from './layout';

export type DocxExportOptions = LayoutOptions;

export interface DocxExportResult {
  bytes: Uint8Array;
  /** What was left out or changed, one line each (Chinese and English). */
  warnings: string[];
}

type Docx = WordLib;

function font(role: FontRole) {
  const name = FONTS[role].name;
  // eastAsia is what Word and WPS use for Chinese characters; the hint keeps shared
  // punctuation (“”、…) in the Chinese face too.
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
}

function run(d: Docx, r: Run, size: number) {
  return new d.TextRun({ text: r.text, break: r.break ? 1 : undefined, font: font(r.font), size, characterSpacing: size === SIZES.body ? BODY_SQUEEZE : undefined });
}

/**
 * Twentieths of a point taken off each 3号 character: 28 characters of 16 pt are 448 pt and
 * the text block is 442 pt wide. Word's character grid would squeeze them itself, but
 * LibreOffice lays grid-snapped text out badly (it gives characters two cells), so paragraphs
 * keep off the grid (see `touchUp`) and the runs are a quarter point narrower instead: 28 to
 * the line in Word, WPS and LibreOffice alike, while the section still declares the 22 × 28 grid.
 */
export const BODY_SQUEEZE = -5;

const EXACT_LINE = { line: GRID.linePitch, before: 0, after: 0 } as const;

function paragraphOf(d: Docx, b: Block) {
  const spacing = { ...EXACT_LINE, lineRule: d.LineRuleType.EXACT };
  switch (b.kind) {
    case 'title':
      return new d.Paragraph({ alignment: d.AlignmentType.CENTER, spacing, children: b.runs.map((r) => run(d, r, SIZES.title)) });
    case 'blank':
      return new d.Paragraph({ spacing, children: [] });
    case 'signature':
      // Right-aligned, four characters from the right edge (§7.3.5).
      return new d.Paragraph({ alignment: d.AlignmentType.RIGHT, spacing, indent: { right: 2 * INDENT_TWO_CHARS }, children: b.runs.map((r) => run(d, r, SIZES.body)) });
    default:
      return new d.Paragraph({
        alignment: d.AlignmentType.JUSTIFIED,
        spacing,
        indent: { firstLine: INDENT_TWO_CHARS, firstLineChars: 200 },
        children: b.runs.map((r) => run(d, r, SIZES.body)),
      });
  }
}

/** `— 1 —` in 4号 宋体, one character in from the outer edge of the text block (§7.5). */
function pageNumberFooter(d: Docx, side: 'odd' | 'even') {
  const oneChar = SIZES.pageNumber * 10;
  return new d.Footer({
    children: [
      new d.Paragraph({
        alignment: side === 'odd' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'], font: font('pageNumber'), size: SIZES.pageNumber })],
      }),
    ],
  });
}

const TABLE_WIDTH = LANDSCAPE_PAGE.width - LANDSCAPE_PAGE.left - LANDSCAPE_PAGE.right;
/**
 * Shares of the landscape text block's width by column; the task's text takes what the others
 * leave. 牵头单位 and 配合单位 share up to half the width by how much the plan writes in each
 * (the sample's leads average 8 characters, its cooperating lists 36: 13 % and 38 %; a plan
 * with no cooperating units gives that column 7 %, room for its header); 完成时限 is as wide
 * as its longest entry needs, within 7–12 %.
 */
type Side = Exclude<TaskTableColumn, 'task'>;
const PARTIES_SHARE = 0.51;
const FIXED_SHARE = { number: 0.04, official: 0.08 } as const;
/** One 小五 character (9 pt) in twips, and a cell's side margins. */
const CHAR = 180;
const MARGINS = 114;

/** Column widths in twips, adding up to the text block. */
export function tableWidths(columns: TaskTableColumn[], rows: TaskTableRow[]): number[] {
  let lead = 0;
  let cooperating = 0;
  let deadline = 0;
  for (const r of rows) {
    if (r.kind !== 'task') continue;
    lead += r.cells.lead.length;
    cooperating += r.cells.cooperating.length;
    deadline = Math.max(deadline, r.cells.deadline.length);
  }
  const of = (n: number) => (lead + cooperating ? (PARTIES_SHARE * n) / (lead + cooperating) : 0);
  const leadShare = Math.min(0.3, Math.max(0.13, of(lead)));
  const share: Record<Side, number> = {
    ...FIXED_SHARE,
    lead: leadShare,
    // What the leads leave of the half, or less where the plan names few cooperating units.
    cooperating: Math.min(PARTIES_SHARE - leadShare, Math.max(0.07, of(cooperating))),
    deadline: Math.min(0.12, Math.max(0.07, (Math.min(deadline, 8) * CHAR + MARGINS) / TABLE_WIDTH)),
  };
  const width = (c: Side) => Math.round(share[c] * TABLE_WIDTH);
  const widths = columns.map((c) => (c === 'task' ? 0 : width(c)));
  widths[columns.indexOf('task')] = TABLE_WIDTH - columns.reduce((sum, c) => sum + (c === 'task' ? 0 : width(c)), 0);
  return widths;
}

/** 小五 text on exact 10.5 pt lines: the same height whichever face Word, WPS or LibreOffice stands in. */
const TABLE_LINE = 210;

function tableOf(d: Docx, table: NonNullable<Layout['table']>) {
  const widths = tableWidths(table.columns, table.rows);
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  // Table text is single-spaced and off the grid: the grid's pitch is for body lines.
  const cellParagraph = (text: string, role: FontRole, center: boolean) =>
    new d.Paragraph({
      alignment: center ? d.AlignmentType.CENTER : d.AlignmentType.JUSTIFIED,
      spacing: { line: TABLE_LINE, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 },
      children: [new d.TextRun({ text, font: font(role), size: SIZES.table })],
    });
  const cell = (text: string, i: number, role: FontRole, center: boolean, span = 1) =>
    new d.TableCell({
      width: { size: span > 1 ? TABLE_WIDTH : widths[i], type: d.WidthType.DXA },
      columnSpan: span > 1 ? span : undefined,
      verticalAlign: d.VerticalAlignTable.CENTER,
      margins: { top: 10, bottom: 10, left: 57, right: 57 },
      children: [cellParagraph(text, role, center)],
    });
  const header = new d.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.header.map((h, i) => cell(h, i, 'chapter', true)),
  });
  const rows = table.rows.map((r) =>
    r.kind === 'task'
      ? new d.TableRow({ cantSplit: true, children: table.columns.map((c, i) => cell(r.cells[c], i, 'body', c === 'number' || c === 'deadline')) })
      : new d.TableRow({ cantSplit: true, children: [cell(r.text, 0, r.kind === 'chapter' ? 'chapter' : 'section', false, widths.length)] }),
  );
  return new d.Table({
    width: { size: TABLE_WIDTH, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    borders,
    rows: [header, ...rows],
  });
}

function attachment(d: Docx, table: NonNullable<Layout['table']>) {
  const spacing = { ...EXACT_LINE, lineRule: d.LineRuleType.EXACT };
  return [
    // 附件 in 3号 黑体 at the top left of the attachment's first page (§8), its title centred under it.
    new d.Paragraph({ spacing, children: [new d.TextRun({ text: '附件', font: font('chapter'), size: SIZES.body })] }),
    new d.Paragraph({ alignment: d.AlignmentType.CENTER, spacing, children: titleRuns(table.title, TITLE_CHARS.landscape).map((r) => run(d, r, SIZES.title)) }),
    new d.Paragraph({ spacing: { line: 240, lineRule: d.LineRuleType.AUTO, before: 0, after: 0 }, children: [] }),
    tableOf(d, table),
  ];
}

/** The font table entries Word reads to pick a stand-in: GB2312 character set, the usual alternative name. */
function fontTableXml(): string {
  const entries = Object.values(FONTS)
    .filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i)
    .map((f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="${f.name.includes('黑') ? 'modern' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries +
    '<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
    '</w:fonts>'
  );
}

const FONT_TABLE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable';

/**
 * What the docx library cannot write: a font table that tells Word which face to stand in for
 * a missing one, and paragraphs kept off the character grid (w:snapToGrid 0 on the defaults and
 * the Normal style; see BODY_SQUEEZE).
 */
function touchUp(d: Docx, bytes: Uint8Array): Uint8Array {
  const files = d.unzipSync(bytes);
  const existing = files['word/fontTable.xml'] ? d.strFromU8(files['word/fontTable.xml']) : undefined;
  if (!existing?.includes('<w:font ')) files['word/fontTable.xml'] = d.strToU8(fontTableXml());
  if (!existing) {
    const relsPath = 'word/_rels/document.xml.rels';
    const rels = files[relsPath] ? d.strFromU8(files[relsPath]) : undefined;
    if (rels && !rels.includes(FONT_TABLE_REL)) {
      files[relsPath] = d.strToU8(rels.replace('</Relationships>', `<Relationship Id="rIdFengongFonts" Type="${FONT_TABLE_REL}" Target="fontTable.xml"/></Relationships>`));
    }
    const types = files['[Content_Types].xml'] ? d.strFromU8(files['[Content_Types].xml']) : undefined;
    if (types && !types.includes('/word/fontTable.xml')) {
      files['[Content_Types].xml'] = d.strToU8(
        types.replace('</Types>', '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/></Types>'),
      );
    }
  }
  const styles = files['word/styles.xml'] ? d.strFromU8(files['word/styles.xml']) : undefined;
  if (styles) {
    // snapToGrid comes before spacing in a w:pPr (CT_PPrBase's sequence).
    const offGrid = (pPr: string) => (pPr.includes('<w:snapToGrid') ? pPr : pPr.replace('<w:spacing ', '<w:snapToGrid w:val="0"/><w:spacing '));
    files['word/styles.xml'] = d.strToU8(
      styles
        .replace(/<w:pPrDefault><w:pPr>.*?<\/w:pPr>/, offGrid)
        .replace(/<w:style w:type="paragraph" w:styleId="Normal"[^>]*>.*?<\/w:style>/, offGrid),
    );
  }
  return d.zipSync(files, { level: 6 });
}

/** The plan as .docx bytes. Rejects only when the library itself fails. */
export async function exportDocx(model: PlanModel, opts: DocxExportOptions = {}): Promise<DocxExportResult> {
  const d = await loadWordLib();
  const layout = layoutPlan(model, opts);
  const children = layout.blocks.map((b) => paragraphOf(d, b));
  const footers = { default: pageNumberFooter(d, 'odd'), even: pageNumberFooter(d, 'even') };
  // The attachment in a landscape section of its own: a new page, the sheet turned (§10).
  const annex = layout.table
    ? [
        {
          properties: {
            type: d.SectionType.NEXT_PAGE,
            page: {
              size: { width: PAGE.width, height: PAGE.height, orientation: d.PageOrientation.LANDSCAPE },
              margin: { top: LANDSCAPE_PAGE.top, right: LANDSCAPE_PAGE.right, bottom: LANDSCAPE_PAGE.bottom, left: LANDSCAPE_PAGE.left, header: LANDSCAPE_PAGE.header, footer: LANDSCAPE_PAGE.footer, gutter: 0 },
            },
          },
          footers,
          children: attachment(d, layout.table),
        },
      ]
    : [];
  const doc = new d.Document({
    creator: 'fengong',
    title: model.title?.text ?? '',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          // zh-CN: Word applies Chinese line-breaking rules (no 、 or ） at a line's start).
          run: { font: font('body'), size: SIZES.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: GRID.linePitch, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
      // The Normal style names its size too: the character grid's pitch is reckoned from it
      // (Word from the defaults, LibreOffice from the Normal style only).
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: font('body'), size: SIZES.body },
          paragraph: { spacing: { line: GRID.linePitch, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, right: PAGE.right, bottom: PAGE.bottom, left: PAGE.left, header: PAGE.header, footer: PAGE.footer, gutter: 0 },
          },
          grid: { type: d.DocumentGridType.LINES_AND_CHARS, linePitch: GRID.linePitch, charSpace: GRID.charSpace },
        },
        footers,
        children,
      },
      ...annex,
    ],
  });
  const bytes = new Uint8Array(await d.Packer.toBuffer(doc));
  return { bytes: touchUp(d, bytes), warnings: layout.warnings };
}
