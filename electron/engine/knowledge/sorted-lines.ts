/**
 * A compiled table kept as one string of "key<TAB>field<TAB>…" lines, sorted by
 * key, and read by binary search over the text. Loading it costs no parsing and
 * no index: an object or Map of the 80,000 products or 62,000 registrants took
 * 50-120 ms of every command's identification, and their memory, to answer a few
 * lookups a device. tools/knowledge writes the tables with `sortedLines`, in the
 * same key order the lookups use.
 */

/** How keys sort: `textOrder` (UTF-16 code units, as `<` compares) or `numberOrder`. */
export type KeyOrder = (a: string, b: string) => number;

export const textOrder: KeyOrder = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
export const numberOrder: KeyOrder = (a, b) => Number(a) - Number(b);

/** The fields after the key of the line whose key is `key`, or null when no line has it. */
export function findLine(table: string, key: string, order: KeyOrder = textOrder): string[] | null {
  let low = 0; // always the start of a line
  let high = table.length; // lines starting before here are still candidates
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = table.lastIndexOf('\n', middle - 1) + 1;
    const end = endOfLine(table, start);
    const fields = table.slice(start, end).split('\t');
    const comparison = order(key, fields[0]!);
    if (comparison === 0) return fields.slice(1);
    if (comparison < 0) high = start;
    else low = end + 1;
  }
  return null;
}

/** Rows (key first) as a table `findLine` can read: sorted by key, one line each. Keys must be unique. */
export function sortedLines(rows: ReadonlyArray<readonly string[]>, order: KeyOrder = textOrder): string {
  for (const row of rows) {
    if (row.some((field) => /[\t\n]/.test(field))) throw new Error(`a field holds a tab or a newline: ${JSON.stringify(row)}`);
  }
  const sorted = [...rows].sort((a, b) => order(a[0]!, b[0]!));
  sorted.forEach((row, i) => {
    if (i > 0 && order(sorted[i - 1]![0]!, row[0]!) === 0) throw new Error(`two rows have the key ${row[0]}`);
  });
  return sorted.map((row) => row.join('\t')).join('\n');
}

function endOfLine(table: string, start: number): number {
  const end = table.indexOf('\n', start);
  return end === -1 ? table.length : end;
}
