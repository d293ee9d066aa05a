/**
 * One walk per table per device. Identification, health and topology each read
 * IF-MIB's names, types, speeds and duplex from the same agent, often at the
 * same time; this wrapper walks such a column once and hands every reader the
 * same rows. Only columns that do not change during a scan are shared: counters
 * and status columns are read afresh every time (error rates need two samples).
 */
import type { SnmpSource, WalkOptions, WalkResult } from './source';

/** IF-MIB and EtherLike columns that stay put for the length of a scan. */
export const STATIC_INTERFACE_COLUMNS: ReadonlySet<string> = new Set([
  '1.3.6.1.2.1.2.2.1.2', // ifDescr
  '1.3.6.1.2.1.2.2.1.3', // ifType
  '1.3.6.1.2.1.2.2.1.5', // ifSpeed
  '1.3.6.1.2.1.2.2.1.6', // ifPhysAddress
  '1.3.6.1.2.1.31.1.1.1.1', // ifName
  '1.3.6.1.2.1.31.1.1.1.15', // ifHighSpeed
  '1.3.6.1.2.1.31.1.1.1.18', // ifAlias
  '1.3.6.1.2.1.10.7.2.1.19', // dot3StatsDuplexStatus
]);

interface Bounds {
  maxRows: number;
  timeoutMs: number;
}

interface Entry {
  bounds: Bounds;
  result: Promise<WalkResult>;
  /** The result once it arrived. */
  settled?: WalkResult;
}

const boundsOf = (options: WalkOptions | undefined): Bounds => ({
  maxRows: options?.maxRows ?? Number.POSITIVE_INFINITY,
  timeoutMs: options?.timeoutMs ?? Number.POSITIVE_INFINITY,
});

/** An earlier walk answers a request when it read the whole column, or was allowed at least as much. */
function answers(entry: Entry, wanted: Bounds): boolean {
  const whole = entry.settled !== undefined && !entry.settled.truncated && !entry.settled.error;
  return whole || (entry.bounds.maxRows >= wanted.maxRows && entry.bounds.timeoutMs >= wanted.timeoutMs);
}

/** The rows a request with these bounds would have seen. */
function within(result: WalkResult, maxRows: number): WalkResult {
  return result.rows.length > maxRows ? { ...result, rows: result.rows.slice(0, maxRows), truncated: true } : result;
}

export interface WalkCacheStats {
  /** Walks asked of the wrapper. */
  asked: number;
  /** Walks that reached the agent. */
  sent: number;
}

export function withWalkCache(source: SnmpSource, columns: ReadonlySet<string> = STATIC_INTERFACE_COLUMNS): SnmpSource & { stats: WalkCacheStats } {
  const entries = new Map<string, Entry[]>();
  const stats: WalkCacheStats = { asked: 0, sent: 0 };
  const send = (rootOid: string, options?: WalkOptions) => {
    stats.sent++;
    return source.walk(rootOid, options);
  };
  return {
    label: source.label,
    stats,
    get: (oids, signal) => source.get(oids, signal),
    walk(rootOid, options) {
      stats.asked++;
      const column = rootOid.replace(/^\./, '');
      if (!columns.has(column)) return send(rootOid, options);
      const wanted = boundsOf(options);
      const list = entries.get(column) ?? [];
      const earlier = list.find((e) => answers(e, wanted));
      if (earlier) return earlier.result.then((r) => within(r, wanted.maxRows));
      const entry: Entry = { bounds: wanted, result: send(rootOid, options) };
      entry.result.then(
        (r) => (entry.settled = r),
        () => entries.set(column, (entries.get(column) ?? []).filter((e) => e !== entry)),
      );
      entries.set(column, [...list, entry]);
      return entry.result;
    },
  };
}
