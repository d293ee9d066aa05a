/**
 * A strict RFC 4180 reader for the E2E checks of downloaded CSV files (quoted cells, doubled quotes, CRLF).
 * The file must start with the UTF-8 byte-order mark Excel needs, and every cell must be quoted.
 */
export function parseCsv(text: string): string[][] {
  if (!text.startsWith('\uFEFF')) throw new Error('CSV does not start with a UTF-8 byte-order mark');
  text = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c !== ',' && c !== '\r') throw new Error(`CSV has an unquoted cell at offset ${i}`);
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else throw new Error(`CSV has a stray carriage return at offset ${i}`);
  }
  if (quoted) throw new Error('CSV ends inside a quoted cell');
  if (cell !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}
