/**
 * The scan as an Excel workbook: Inventory, Findings and Interfaces sheets,
 * the same rows as the CSV exports (shared/assessment/csv.ts), typed (numbers
 * are numbers), with a bold frozen heading row and readable column widths.
 * Written by write-excel-file; every device string is a string cell, never a
 * formula, so a hostile sysName cannot run in the client's Excel.
 */
import writeXlsxFile, { type Cell as XlsxCell, type SheetData } from 'write-excel-file/node';
import type { ScanDocument } from '../../shared/scan-document';
import { FINDINGS_HEADER, INTERFACES_HEADER, INVENTORY_HEADER, findingRows, interfaceRows, inventoryRows, type Cell } from '../../shared/assessment/csv';

/** Widest a column grows, in characters: long explanations wrap in Excel instead of pushing the sheet wide. */
const MAX_WIDTH = 60;

function cell(value: Cell): XlsxCell {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? { value, type: String } : value;
}

function sheet(name: string, header: readonly string[], rows: Cell[][]) {
  const data: SheetData = [header.map((h) => ({ value: h, fontWeight: 'bold' as const })), ...rows.map((row) => row.map(cell))];
  // Wide enough for the heading and the longest value the first rows hold, within reason.
  const columns = header.map((h, i) => ({
    width: Math.min(MAX_WIDTH, Math.max(h.length + 2, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 1))),
  }));
  return { data, sheet: name, columns, stickyRowsCount: 1 };
}

export async function scanWorkbook(document: ScanDocument): Promise<Buffer> {
  return writeXlsxFile([
    sheet('Inventory', INVENTORY_HEADER, inventoryRows(document)),
    sheet('Findings', FINDINGS_HEADER, findingRows(document)),
    sheet('Interfaces', INTERFACES_HEADER, interfaceRows(document)),
  ]).toBuffer();
}
