// The 任务分工表 as an Excel workbook a clerk prints: A4 landscape, fitted to one page wide (with
// the fit-to-page flag, without which Excel and LibreOffice ignore the fit), the header row
// repeated on every page, thin borders, 仿宋_GB2312 11 pt in wrapped cells, a title row, chapter
// and section rows across the table, `第 1 页，共 N 页` in the footer. Each task's line in the
// plan stands in a column after the print area: there for finding the task, never printed.
import type { TaskTableColumn, TaskTableSheet } from '../engine';
import { displayWidth, loadExcel } from './writers';

/** Column widths in Excel's units (about one Latin character; a Chinese character takes two). */
const WIDTH: Record<TaskTableColumn, number> = { number: 6, task: 62, lead: 18, cooperating: 32, deadline: 12, official: 12 };

/** The widths for this sheet: a column the plan leaves empty narrows to its header, the task's widens by as much. */
function widthsOf(sheet: TaskTableSheet): Record<TaskTableColumn, number> {
  const widest = (c: TaskTableColumn) => sheet.rows.reduce((w, r) => (r.kind === 'task' ? Math.max(w, displayWidth(r.cells[c])) : w), 0);
  const out = { ...WIDTH };
  for (const c of ['cooperating', 'deadline', 'official'] as const) {
    const header = displayWidth(sheet.headers[sheet.columns.indexOf(c)] ?? '') + 2;
    const fit = Math.max(header, Math.min(WIDTH[c], widest(c) + 2));
    out.task += WIDTH[c] - fit;
    out[c] = fit;
  }
  return out;
}
const FONT = { body: '仿宋_GB2312', heading: '黑体', section: '楷体_GB2312', title: '方正小标宋简体' } as const;
const SIZE = 11;
/** Points per line of 11 pt text, with the cell's own padding. */
const LINE = 14.5;

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** Excel's letter for a 1-based column. */
function letter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Lines a text takes in a wrapped cell of `width` units (Excel fits row heights only for cells it lays out itself). */
function linesIn(text: string, width: number): number {
  let lines = 0;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil((displayWidth(part) * 1.12) / Math.max(1, width - 1.5)));
  return lines;
}

export async function toTaskTableXlsx(sheets: TaskTableSheet[]): Promise<Uint8Array> {
  const { Workbook } = await loadExcel();
  const wb = new Workbook();
  wb.creator = 'fengong';
  for (const sheet of sheets) {
    const n = sheet.columns.length;
    const last = letter(n);
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.8, header: 0.3, footer: 0.35 },
      },
      headerFooter: { oddFooter: `&C&"${FONT.body}"&10${sheet.footer}` },
    });
    const width = widthsOf(sheet);
    ws.columns = [...sheet.columns.map((c) => ({ width: width[c] })), { width: 8 }];
    const font = (name: string, extra: object = {}) => ({ name, size: SIZE, ...extra });

    // Row 1: the title, across the printed columns.
    const title = ws.addRow([sheet.title]);
    ws.mergeCells(1, 1, 1, n);
    title.height = 34;
    title.getCell(1).font = { name: FONT.title, size: 16 };
    title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };

    // Row 2: the header, repeated on every printed page.
    const header = ws.addRow([...sheet.headers, sheet.lineHeader]);
    header.height = 22;
    for (let c = 1; c <= n; c++) {
      const cell = header.getCell(c);
      cell.font = font(FONT.heading);
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
    header.getCell(n + 1).font = { size: 9, color: { argb: 'FF808080' } };

    for (const r of sheet.rows) {
      if (r.kind !== 'task') {
        const row = ws.addRow([r.text]);
        ws.mergeCells(row.number, 1, row.number, n);
        const cell = row.getCell(1);
        cell.font = font(r.kind === 'chapter' ? FONT.heading : FONT.section);
        cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
        for (let c = 1; c <= n; c++) row.getCell(c).border = BORDER;
        row.height = Math.max(20, linesIn(r.text, sheet.columns.reduce((w, c) => w + width[c], 0)) * LINE + 5);
        continue;
      }
      const values = sheet.columns.map((c) => (c === 'number' ? Number(r.cells.number) : r.cells[c] || null));
      const row = ws.addRow([...values, r.line]);
      sheet.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.font = font(FONT.body);
        cell.alignment = { horizontal: c === 'number' || c === 'deadline' ? 'center' : 'left', vertical: 'middle', wrapText: true };
        cell.border = BORDER;
      });
      row.getCell(n + 1).font = { size: 9, color: { argb: 'FF808080' } };
      const lines = Math.max(...sheet.columns.map((c) => linesIn(r.cells[c], width[c])));
      row.height = lines * LINE + 6;
    }
    const lastRow = ws.rowCount;
    // exceljs puts a $ before each corner; the rows need their own.
    ws.pageSetup.printArea = `A$1:${last}$${lastRow}`;
    ws.pageSetup.printTitlesRow = '2:2';
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
