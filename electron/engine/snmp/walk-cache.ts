/**
 * One walk per table per device. Identification, health and topology read
 * the same tables from the same agent, often at the same time (IF-MIB's
 * names, types, speeds and duplex; the Host Resources device table; entity
 * sensors): this wrapper walks each subtree once and hands every reader the
 * same rows. A reader that must see the agent's values of this moment (the
 * two counter samples an error rate is made of) asks with `fresh: true`.
 */
import type { SnmpSource, WalkOptions, WalkResult } from './source';

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

export function withWalkCache(source: SnmpSource): SnmpSource & { stats: WalkCacheStats } {
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
    // First rows are one cheap request, asked by identification alone: nothing to share.
    ...(source.firstRows ? { firstRows: source.firstRows.bind(source) } : {}),
    walk(rootOid, options) {
      stats.asked++;
      if (options?.fresh) return send(rootOid, options);
      // A walk that starts after some OID (the census hopping over vendor subtrees) is a different read of the same root.
      const key = `${rootOid.replace(/^\./, '')}\u0000${options?.startAfter ?? ''}`;
      const wanted = boundsOf(options);
      const list = entries.get(key) ?? [];
      const earlier = list.find((e) => answers(e, wanted));
      if (earlier) return earlier.result.then((r) => within(r, wanted.maxRows));
      const entry: Entry = { bounds: wanted, result: send(rootOid, options) };
      // A walk that failed (a timeout on a busy agent) is not kept: the next reader asks the agent again.
      const forget = () => entries.set(key, (entries.get(key) ?? []).filter((e) => e !== entry));
      entry.result.then((r) => (r.error ? forget() : (entry.settled = r)), forget);
      entries.set(key, [...list, entry]);
      return entry.result;
    },
  };
}
