// Sheets as files: Markdown, CSV (UTF-8 with a BOM, for Excel and WPS) and Excel workbooks.
// No I/O here: text or bytes out. exceljs loads on the first workbook only.
import type { Cell, Sheet } from '../engine';

const text = (c: Cell) => (c === undefined ? '' : String(c));

export function toMarkdown(sheet: Sheet): string {
  const esc = (c: Cell) => text(c).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  const line = (cells: Cell[]) => `| ${cells.map(esc).join(' | ')} |`;
  const align = sheet.columns.map((_, i) => (sheet.rows.length && sheet.rows.every((r) => typeof r[i] === 'number' || r[i] === undefined) ? '---:' : '---'));
  return [line(sheet.columns.map((c) => c.header)), `| ${align.join(' | ')} |`, ...sheet.rows.map(line)].join('\n') + '\n';
}

// A text cell that a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return
// before one): OWASP's CSV-injection advice is a leading ' and the cell in quotes.
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 with a UTF-8 BOM and CRLF: Excel and WPS then read the Chinese text right. */
export function toCsv(sheet: Sheet): string {
  const esc = (c: Cell) => {
    if (typeof c !== 'number' && FORMULA_START.test(text(c))) return `"'${text(c).replace(/"/g, '""')}"`;
    const s = text(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [sheet.columns.map((c) => esc(c.header)), ...sheet.rows.map((r) => r.map(esc))].map((cells) => cells.join(','));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** Display width in spreadsheet characters: CJK and full-width characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

/**
 * Column widths that fit the cells, capped by each column's `maxWidth`, and the header with
 * room for its filter button.
 */
export function columnWidths(sheet: Sheet): number[] {
  return sheet.columns.map((col, i) => {
    let w = 0;
    for (const r of sheet.rows) w = Math.max(w, displayWidth(text(r[i])));
    return Math.max(Math.min(w, col.maxWidth ?? 80) + 2, displayWidth(col.header) + 4);
  });
}

type ExcelModule = Pick<typeof import('exceljs'), 'Workbook'>;
let excel: Promise<ExcelModule> | undefined;

/**
 * exceljs on first use only: dist/exceljs.js next to the bundle (esbuild.mjs), or the package
 * itself when running from source (tests).
 */
export function loadExcel(): Promise<ExcelModule> {
  return (excel ??= (async () => {
    try {
      // A name held in a variable: the bundler leaves this require for run time.
      const bundled = './exceljs.js';
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(bundled) as ExcelModule;
    } catch {
      return import('exceljs');
    }
  })());
}

/** An Excel workbook: header row in bold with a filter, frozen panes, fitted widths, wrapped long cells. */
export async function toXlsx(sheets: Sheet[]): Promise<Uint8Array> {
  const { Workbook } = await loadExcel();
  const wb = new Workbook();
  wb.creator = 'fengong';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), {
      views: [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: 1, topLeftCell: columnLetter(sheet.frozenColumns) + '2', activeCell: 'A2' }],
    });
    const widths = columnWidths(sheet);
    ws.columns = sheet.columns.map((c, i) => ({ header: c.header, width: widths[i] }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle' };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    for (const r of sheet.rows) ws.addRow(r.map((c) => (c === undefined || c === '' ? null : c)));
    sheet.columns.forEach((col, i) => {
      if (col.maxWidth === undefined) return;
      const cap = col.maxWidth;
      const overflows = sheet.rows.some((r) => displayWidth(text(r[i])) > cap);
      if (overflows) ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
    });
    if (sheet.rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function columnLetter(index0: number): string {
  let n = index0 + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
