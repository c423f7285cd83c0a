// Workbooks for the import tests, written and read with exceljs (the console's dev dependency,
// resolved from web/), so the files are made by a writer other than the binary's own.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { REPO_ROOT } from './shanhai.mjs';

const ExcelJS = createRequire(path.join(REPO_ROOT, 'web', 'package.json'))('exceljs');

// Writes file with one sheet per entry of sheets ({name: [[cell, …], …]}), in that order.
export async function writeWorkbook(file, sheets) {
  fs.writeFileSync(file, await workbookBytes(sheets));
}

// The same workbook as bytes (for an upload).
export async function workbookBytes(sheets) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 9 } } }));
}

// The visible sheets of a workbook file, in tab order, each with its first row's cells.
export async function readSheets(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets
    .filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden')
    .map((ws) => ({ name: ws.name, header: (ws.getRow(1).values ?? []).slice(1).map(String) }));
}

// Every visible sheet's rows as arrays of cell values (column A first), by sheet name, in tab order.
export async function readSheetRows(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = {};
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') continue;
    const rows = [];
    ws.eachRow((row) => rows.push((row.values ?? []).slice(1)));
    sheets[ws.name] = rows;
  }
  return sheets;
}
