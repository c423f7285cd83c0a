// The exceljs peer of the xlsx import benchmark: read a workbook with exceljs's streaming
// reader and just iterate its rows (no validation, nothing stored), the least a Node back
// end must do with an uploaded .xlsx (every sheet; the benchmark's file has one). Prints "rows=<data rows> seconds=<wall time>".
//
//   node bench/node/read_xlsx.mjs people.xlsx
import ExcelJS from 'exceljs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node read_xlsx.mjs FILE.xlsx');
  process.exit(2);
}
const started = process.hrtime.bigint();
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
  entries: 'emit', sharedStrings: 'cache', worksheets: 'emit', styles: 'ignore', hyperlinks: 'ignore',
});
let rows = 0;
let cells = 0;
for await (const sheet of reader) {
  for await (const row of sheet) {
    rows += 1;
    cells += row.cellCount;  // touch the row so nothing is skipped lazily
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`rows=${rows - 1} cells=${cells} seconds=${seconds.toFixed(3)}`);
