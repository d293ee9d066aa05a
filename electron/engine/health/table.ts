/**
 * Bounded reads for the health collectors: column walks grouped by row index,
 * and scalar gets. Every walk is capped (rows, time) so a huge or looping
 * agent cannot stall a scan; truncation and agent errors become device errors.
 */
import type { SnmpSource, VarBind } from '../snmp/source';
import { enterpriseOf } from '../identify/enterprises';
import { enterprisesWorthAsking, worthAsking, type EnterpriseGate } from '../identify/rules/probe-gates';
import type { VendorScope } from '../identify/rule-owners';

export interface HealthContext {
  source: SnmpSource;
  maxRows: number;
  timeoutMs: number;
  signal?: AbortSignal;
  errors: Array<{ code: string; message: string; phase?: string }>;
  /** Consecutive failed requests; past MAX_CONSECUTIVE_FAILURES the agent is given up on. */
  failures: number;
  /** Vendors whose hand-written tables are switched off (bench:corpus --leave-vendor-out). */
  withoutVendor?: VendorScope;
  /** The enterprise of the agent's sysObjectID (set by collectHealth). */
  enterprise?: number | null;
  /** The vendor trees the agent serves (enterprise census, set by collectHealth). */
  answered?: readonly number[];
}

/** Whose compiled tables apply: the sysObjectID's enterprise and every vendor tree the agent serves. */
export function vendorEnterprises(ctx: HealthContext): number[] {
  return [...new Set([...(ctx.enterprise == null ? [] : [ctx.enterprise]), ...(ctx.answered ?? [])])];
}

/**
 * A vendor table is read only from agents that may implement it (their own
 * enterprise's MIBs, and those of the vendors their gate names).
 */
export function mayImplement(ctx: HealthContext, oid: string): boolean {
  if (ctx.enterprise === undefined) return true;
  let gate = gates.get(ctx);
  if (!gate) gates.set(ctx, (gate = enterprisesWorthAsking(ctx.enterprise, ctx.answered)));
  return worthAsking(oid, gate);
}

/** One gate per device read (the enterprise and the census are settled once, before the first table). */
const gates = new WeakMap<HealthContext, EnterpriseGate>();

/** A hand-written table under a switched-off vendor's enterprise is not read. */
export function vendorTableOff(ctx: HealthContext, oid: string): boolean {
  const n = ctx.withoutVendor ? enterpriseOf(oid) : null;
  return n != null && ctx.withoutVendor!.enterprises.has(n);
}

/**
 * An agent that times out on three requests in a row is not going to answer
 * the next hundred: stop asking, so one dead or hostile agent costs seconds,
 * not (tables × timeout × retries).
 */
const MAX_CONSECUTIVE_FAILURES = 3;

function givenUp(ctx: HealthContext, phase: string): boolean {
  if (ctx.failures < MAX_CONSECUTIVE_FAILURES) return false;
  if (ctx.failures === MAX_CONSECUTIVE_FAILURES) {
    ctx.failures++;
    ctx.errors.push({ code: 'health-gave-up', message: `stopped reading health after ${MAX_CONSECUTIVE_FAILURES} failed requests in a row`, phase });
  }
  return true;
}

export function createContext(
  source: SnmpSource,
  options: { maxRows?: number; timeoutMs?: number; signal?: AbortSignal; withoutVendor?: VendorScope } = {},
): HealthContext {
  return {
    source,
    maxRows: options.maxRows ?? 2000,
    timeoutMs: options.timeoutMs ?? 15_000,
    signal: options.signal,
    errors: [],
    failures: 0,
    ...(options.withoutVendor ? { withoutVendor: options.withoutVendor } : {}),
  };
}

function strip(oid: string): string {
  return oid.startsWith('.') ? oid.slice(1) : oid;
}

/** Walks one column; returns row index (the OID suffix after the column) → varbind. */
export async function walkColumn(ctx: HealthContext, columnOid: string, phase: string, { fresh = false } = {}): Promise<Map<string, VarBind>> {
  const root = strip(columnOid);
  const out = new Map<string, VarBind>();
  if (givenUp(ctx, phase)) return out;
  try {
    const result = await ctx.source.walk(root, { maxRows: ctx.maxRows, timeoutMs: ctx.timeoutMs, signal: ctx.signal, ...(fresh ? { fresh } : {}) });
    // Live walks report a timeout in `error` rather than throwing; only silence counts toward giving up.
    ctx.failures = result.error?.code === 'snmp-timeout' && result.rows.length === 0 ? ctx.failures + 1 : 0;
    if (result.truncated) ctx.errors.push({ code: 'walk-truncated', message: `walk of ${root} stopped at a bound`, phase });
    if (result.error) ctx.errors.push({ code: result.error.code, message: result.error.message, phase });
    for (const row of result.rows) {
      if (!row.oid.startsWith(root + '.')) continue;
      if (row.value === null) continue;
      out.set(row.oid.slice(root.length + 1), row);
    }
  } catch (e) {
    if (ctx.signal?.aborted) throw e;
    ctx.failures++;
    ctx.errors.push({ code: 'snmp-walk-failed', message: `walk of ${root}: ${(e as Error).message}`, phase });
  }
  return out;
}

export type Row<K extends string> = Partial<Record<K, VarBind>>;

/**
 * Walks several columns of one table and joins them on the row index. The
 * first column is the anchor: a table whose anchor column is empty is skipped
 * without walking the others (saves round-trips on agents without the MIB).
 */
export async function readTable<K extends string>(
  ctx: HealthContext,
  columns: Partial<Record<K, string>>,
  phase: string,
  options: { fresh?: boolean } = {},
): Promise<Map<string, Row<K>>> {
  const rows = new Map<string, Row<K>>();
  const names = Object.keys(columns) as K[];
  let first = true;
  for (const name of names) {
    const oid = columns[name];
    if (!oid) continue;
    const col = await walkColumn(ctx, oid, phase, options);
    if (first && col.size === 0) return rows;
    first = false;
    for (const [index, vb] of col) {
      let row = rows.get(index);
      if (!row) {
        row = {};
        rows.set(index, row);
      }
      row[name] = vb;
    }
  }
  return rows;
}

/** Reads scalars (full OIDs, `.0` included); missing objects are absent from the result. */
export async function readScalars<K extends string>(
  ctx: HealthContext,
  oids: Record<K, string>,
  phase: string,
): Promise<Row<K>> {
  const names = Object.keys(oids) as K[];
  const out: Row<K> = {};
  if (givenUp(ctx, phase)) return out;
  try {
    const values = await ctx.source.get(names.map((n) => strip(oids[n])), ctx.signal);
    ctx.failures = 0;
    names.forEach((n, i) => {
      const vb = values[i];
      if (vb && vb.value !== null) out[n] = vb;
    });
  } catch (e) {
    if (ctx.signal?.aborted) throw e;
    ctx.failures++;
    ctx.errors.push({ code: 'snmp-get-failed', message: `get: ${(e as Error).message}`, phase });
  }
  return out;
}

/** Compare two dotted indexes numerically, so rows come out in agent order. */
export function compareIndex(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  }
  return pa.length - pb.length;
}
