/**
 * One walk per table per device. Identification, health and topology read
 * the same tables from the same agent, often at the same time (IF-MIB's
 * names, types, speeds and duplex; the Host Resources device table; entity
 * sensors): this wrapper walks each subtree once and hands every reader the
 * same rows. A reader that must see the agent's values of this moment (the
 * two counter samples an error rate is made of) asks with `fresh: true`.
 *
 * It also remembers where the agent has nothing. Most tables health asks for
 * are absent (four in five on the corpus: other vendors' sensor tables, the
 * Printer-MIB on a switch), and every walk shows a stretch of OIDs with no
 * object in it: from where it started to its first row, from its last row to
 * the agent's next object. A later walk that starts in such a gap and whose
 * subtree ends before the gap does is empty, and is answered without asking.
 * The enterprise census's hops alone prove most vendor trees empty.
 */
import type { SnmpSource, WalkOptions, WalkResult } from './source';
import { compareOids, isStrictlyUnder, parseOid, walkStart, type OidParts } from './oid';

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

/** No object of the agent lies strictly between `after` and `next` (null: the end of its MIB). */
interface Gap {
  after: OidParts;
  next: OidParts | null;
}

/** The empty stretches a walk that began after `start` proved. */
function gapsShown(start: OidParts, result: WalkResult): Gap[] {
  if (result.error) return [];
  const next = result.next === undefined ? undefined : result.next === null ? null : parseOid(result.next);
  const first = result.rows[0] ? parseOid(result.rows[0].oid) : null;
  const last = result.rows.at(-1) ? parseOid(result.rows.at(-1)!.oid) : null;
  const gaps: Gap[] = [];
  if (first) gaps.push({ after: start, next: first });
  else if (next !== undefined) gaps.push({ after: start, next });
  if (last && !result.truncated && next !== undefined) gaps.push({ after: last, next });
  return gaps;
}

/** An empty answer for a walk that starts inside a known gap and whose subtree ends before the gap does; else null. */
function answerFromGaps(gaps: readonly Gap[], root: OidParts, start: OidParts): WalkResult | null {
  for (const gap of gaps) {
    const inside = compareOids(gap.after, start) <= 0 && (gap.next === null || compareOids(start, gap.next) < 0);
    if (!inside) continue;
    if (gap.next !== null && isStrictlyUnder(gap.next, root)) return null; // the agent's next object is this subtree's first row
    return { rows: [], truncated: false, next: gap.next === null ? null : gap.next.join('.') };
  }
  return null;
}

export function withWalkCache(source: SnmpSource): SnmpSource & { stats: WalkCacheStats } {
  const entries = new Map<string, Entry[]>();
  const gaps: Gap[] = [];
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
      const root = parseOid(rootOid);
      const start = root ? walkStart(root, options?.startAfter) : null;
      const known = root && start ? answerFromGaps(gaps, root, start) : null;
      if (known) return Promise.resolve(known);
      const entry: Entry = { bounds: wanted, result: send(rootOid, options) };
      // A walk that failed (a timeout on a busy agent) is not kept: the next reader asks the agent again.
      const forget = () => entries.set(key, (entries.get(key) ?? []).filter((e) => e !== entry));
      const settle = (r: WalkResult) => {
        entry.settled = r;
        if (start) gaps.push(...gapsShown(start, r));
      };
      entry.result.then((r) => (r.error ? forget() : settle(r)), forget);
      entries.set(key, [...list, entry]);
      return entry.result;
    },
  };
}
