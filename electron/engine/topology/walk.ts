/**
 * Bounded column walks shared by the topology collectors (values are read with snmp/varbind-values.ts).
 * A walk that is cut short or fails is recorded in `incomplete`, never thrown:
 * topology must work from whatever tables an agent gives.
 */
import type { SnmpSource, VarBind, WalkOptions } from '../snmp/source';

export interface CollectContext {
  source: SnmpSource;
  signal?: AbortSignal;
  incomplete: Array<{ table: string; reason: string }>;
}

/** Walks one column; returns rows keyed by the index after the column OID (e.g. `12` or `0.5.1`). */
export async function walkColumn(
  ctx: CollectContext,
  table: string,
  columnOid: string,
  bounds: Pick<WalkOptions, 'maxRows' | 'timeoutMs'>,
): Promise<Map<string, VarBind>> {
  const rows = new Map<string, VarBind>();
  ctx.signal?.throwIfAborted();
  let result;
  try {
    result = await ctx.source.walk(columnOid, { ...bounds, signal: ctx.signal });
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    ctx.incomplete.push({ table, reason: `walk failed: ${error instanceof Error ? error.message : String(error)}` });
    return rows;
  }
  const prefix = `${columnOid}.`;
  for (const vb of result.rows) {
    if (!vb.oid.startsWith(prefix)) continue;
    rows.set(vb.oid.slice(prefix.length), vb);
  }
  if (result.truncated) ctx.incomplete.push({ table, reason: `truncated after ${result.rows.length} rows` });
  if (result.error) ctx.incomplete.push({ table, reason: `${result.error.code}: ${result.error.message}` });
  return rows;
}

export function indexParts(index: string): number[] {
  return index.split('.').map((s) => Number(s));
}
