/**
 * CSV for another program to import (NetBox and the like), not for a
 * spreadsheet: RFC 4180, a field quoted only when it must be, no byte-order
 * mark and no apostrophe before "=" or "-" (an importer would keep both as
 * data). The spreadsheet CSVs are shared/assessment/csv.ts.
 */
export type PlainCell = string | number | boolean | null | undefined;

function field(value: PlainCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n;|\t]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function plainCsv(header: readonly string[], rows: ReadonlyArray<readonly PlainCell[]>): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
