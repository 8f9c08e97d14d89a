// exceljs in a file of its own (dist/exceljs.js): loaded when an .xlsx is exported, never at start-up.
export { Workbook } from 'exceljs';
