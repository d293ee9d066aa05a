/**
 * First-row reads: the first row of many columns at once. Identification asks
 * dozens of them of one agent (a vendor's serial and model columns, the
 * classed-module probes); one GETNEXT PDU answers all, where a walk each costs
 * a round trip each, one after another on an agent that takes one request at
 * a time.
 */
import type { SnmpSource, VarBind } from './source.js';
import { isStrictlyUnder, parseOid } from './oid.js';

export interface FirstRowOptions {
  /** Bound of each fallback walk. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The first row of each column (null where it has none), by the source's batched read where it has one. */
export async function readFirstRows(source: SnmpSource, columns: readonly string[], options: FirstRowOptions): Promise<(VarBind | null)[]> {
  if (columns.length === 0) return [];
  if (source.firstRows) {
    try {
      return await source.firstRows(columns, options.signal);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      // An agent that will not answer a many-varbind GETNEXT (a timeout, a broken reply) may still answer walks.
    }
  }
  return Promise.all(columns.map((column) => firstRowByWalk(source, column, options)));
}

async function firstRowByWalk(source: SnmpSource, column: string, { timeoutMs, signal }: FirstRowOptions): Promise<VarBind | null> {
  const res = await source.walk(column, { maxRows: 1, timeoutMs, signal, sample: true });
  return rowUnder(column, res.rows[0] ?? null);
}

/** The row if it lies under the column asked (a GETNEXT past a column's end lands in the next one). */
export function rowUnder(column: string, row: VarBind | null): VarBind | null {
  const root = parseOid(column);
  const at = row ? parseOid(row.oid) : null;
  return root && at && isStrictlyUnder(at, root) ? row : null;
}
