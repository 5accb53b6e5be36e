/** What the web page needs to open and create an .xlsx workbook: loaded on the first open or new, not at start. */
export { ExceljsWorkbookPort } from '../ports/exceljs/exceljs-workbook';
export { checkZip } from '../import/zip-guard';
