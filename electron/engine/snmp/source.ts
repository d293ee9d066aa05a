/**
 * The one way collectors read SNMP data. A live agent (net-snmp) and a walk
 * file (.snmprec / `snmpwalk -On`) both implement it, so identification and
 * health read the same values whichever way they arrive. Read-only by design:
 * there is no set().
 */

export type SnmpValueType =
  | 'integer'
  | 'octets'
  | 'oid'
  | 'ip'
  | 'counter32'
  | 'gauge32'
  | 'timeticks'
  | 'counter64'
  | 'opaque'
  | 'null';

export interface VarBind {
  /** Numeric OID without a leading dot, e.g. `1.3.6.1.2.1.1.1.0`. */
  oid: string;
  type: SnmpValueType;
  /**
   * integer/counter/gauge/timeticks/counter64: number (counter64 may lose
   * precision above 2^53, which no health rule cares about);
   * octets/opaque: the raw bytes; oid/ip: dotted string; null: null.
   */
  value: number | string | Uint8Array | null;
}

export interface WalkOptions {
  /** Stop after this many rows; the result is then marked truncated. */
  maxRows?: number;
  /** Stop after this long; the result is then marked truncated. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * The reader wants only the first `maxRows` rows (a first-row read, a sample of
   * candidates): stopping there is the answer, not a device problem to report.
   */
  sample?: boolean;
  /**
   * Start after this OID (inside the root) instead of at the root, as GETNEXT
   * would: lets a reader hop over a subtree it has seen enough of (the
   * enterprise census asks one row per vendor subtree). Sources that ignore it
   * start at the root; callers must tolerate that.
   */
  startAfter?: string;
  /**
   * Read the agent now, not rows another reader of this device fetched
   * earlier in the scan (snmp/walk-cache.ts): counter samples must be of this moment.
   */
  fresh?: boolean;
}

export interface WalkResult {
  rows: VarBind[];
  /** True when a bound (rows, time) stopped the walk before the table's end. */
  truncated: boolean;
  /** Set when the agent misbehaved: non-increasing OIDs, malformed replies. */
  error?: { code: string; message: string };
  /**
   * Where the walk left the subtree: the agent's next object after it, or null at the end
   * of the agent's MIB. Absent when unknown (a bound stopped the walk, the agent failed).
   * Nothing lies between the last row and it: walk-cache.ts answers later walks of that gap.
   */
  next?: string | null;
}

export interface SnmpSource {
  /** An IP address for a live agent, a file path for a walk file. */
  readonly label: string;
  /** Scalar reads; a missing object comes back as null in its position. */
  get(oids: readonly string[], signal?: AbortSignal): Promise<(VarBind | null)[]>;
  /** A subtree walk (GETBULK for v2c/v3, GETNEXT for v1). */
  walk(rootOid: string, options?: WalkOptions): Promise<WalkResult>;
  /**
   * The first row of each column, as a one-row walk of each would read it, in as
   * few requests as the agent allows (one GETNEXT with a varbind per column): a
   * column absent from the agent gives null. Optional: read it through
   * `readFirstRows` (first-rows.ts), which walks each column where a source has none.
   */
  firstRows?(columns: readonly string[], signal?: AbortSignal): Promise<(VarBind | null)[]>;
}
