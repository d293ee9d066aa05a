/**
 * An SnmpSource over a live agent. Every request passes the scan's global
 * rate limiter and a small per-device concurrency limit; walks use GETBULK
 * (v2c/v3) or GETNEXT (v1), are bounded by rows and time, and stop with
 * 'walk-loop' when an agent returns a non-increasing OID. Read-only: the
 * session facade has no set.
 */
import snmp from 'net-snmp';
import type { V3User } from '../../../shared/credentials.js';
import type { SnmpSource, VarBind, WalkOptions, WalkResult } from './source.js';
import { compareOids, isStrictlyUnder, parseOid, walkStart, type OidParts } from './oid.js';
import { SnmpError, isSnmpError } from './errors.js';
import { onAbort } from './abort-hub.js';
import { DEFAULT_WALK_MAX_ROWS, DEFAULT_WALK_TIMEOUT_MS } from './walk-defaults.js';
import { normalizeRawVarbind } from './live-varbind.js';
import { rowUnder } from './first-rows.js';
import {
  openReadOnlySession,
  type RawVarbind,
  type ReadOnlySession,
  type SnmpVersion,
} from './read-only-session.js';
import type { SharedUdpTransport } from './shared-socket.js';
import { createConcurrencyLimiter, type ConcurrencyLimiter, type RateLimiter } from '../util/pacing.js';

export interface LiveSnmpOptions {
  host: string;
  port?: number;
  version: SnmpVersion;
  community?: string;
  v3User?: V3User;
  /** SNMPv3 context name (default ""). */
  v3Context?: string;
  /** Per request, before a retry. */
  timeoutMs?: number;
  retries?: number;
  /** The scan's global packets-per-second cap; every datagram takes a token. */
  rateLimiter?: RateLimiter;
  /** Outstanding requests to this device at once (1–2 keeps small agents happy). */
  maxOutstanding?: number;
  /** GETBULK max-repetitions. */
  maxRepetitions?: number;
  /** Closing signal for the whole source: aborting closes the session. */
  signal?: AbortSignal;
  transport?: SharedUdpTransport | 'own-socket';
}

const DEFAULTS = { port: 161, timeoutMs: 2000, retries: 1, maxOutstanding: 1, maxRepetitions: 25 };

/**
 * Columns asked in one GETNEXT. Answers are single values (a serial, a model name), so 16 fit
 * the smallest message an agent must accept more often than not; a tooBig answer halves the batch.
 */
export const FIRST_ROWS_PER_PDU = 16;

type Op =
  | { kind: 'get'; oids: string[] }
  | { kind: 'getNext'; oids: string[] }
  | { kind: 'getBulk'; oids: string[]; maxRepetitions: number };

export class LiveSnmpSource implements SnmpSource {
  readonly label: string;
  readonly version: SnmpVersion;
  private readonly session: ReadOnlySession;
  private readonly limiter: ConcurrencyLimiter;
  private readonly opts: typeof DEFAULTS & LiveSnmpOptions;
  private closed = false;
  private closeReason: SnmpError | null = null;
  /** Rejecters of the requests awaiting an answer, so close() fails them at once. */
  private readonly inflight = new Set<(reason: unknown) => void>();
  private v3Discovered = false;
  private unsubscribeAbort: () => void = () => {};

  constructor(options: LiveSnmpOptions) {
    this.opts = { ...DEFAULTS, ...stripUndefined(options) } as typeof DEFAULTS & LiveSnmpOptions;
    this.label = options.host;
    this.version = options.version;
    this.session = openReadOnlySession({
      host: options.host,
      port: this.opts.port,
      version: options.version,
      community: options.community,
      v3User: options.v3User,
      v3Context: options.v3Context,
      transport: options.transport,
      timeoutMs: this.opts.timeoutMs,
    });
    this.limiter = createConcurrencyLimiter(Math.max(1, this.opts.maxOutstanding));
    if (options.signal?.aborted) this.close();
    else if (options.signal) this.unsubscribeAbort = onAbort(options.signal, () => this.close());
  }

  /** Close the session; outstanding requests reject at once with 'snmp-aborted'. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.closeReason = new SnmpError('snmp-aborted', `SNMP session to ${this.label} closed`);
    this.unsubscribeAbort();
    if (this.inflight.size > 0) {
      for (const rejectNow of [...this.inflight]) rejectNow(this.closeReason);
      this.session.cancelRequests(this.closeReason); // frees net-snmp's timers too
    }
    this.session.close();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async get(oids: readonly string[], signal?: AbortSignal): Promise<(VarBind | null)[]> {
    const out: (VarBind | null)[] = oids.map(() => null);
    // Non-numeric OIDs cannot exist on an agent; answer null without asking.
    let pending = oids.map((oid, i) => ({ oid: parseOid(oid)?.join('.'), i })).filter((p) => p.oid !== undefined);
    while (pending.length > 0) {
      try {
        const vbs = (await this.request({ kind: 'get', oids: pending.map((p) => p.oid!) }, signal)) as RawVarbind[];
        if (vbs.length !== pending.length) throw new SnmpError('snmp-malformed', `${this.label} answered ${vbs.length} objects for ${pending.length}`);
        pending.forEach((p, k) => {
          const vb = normalizeRawVarbind(vbs[k]!);
          // A GET answer naming another object than asked is not an answer to our question.
          if (vb && vb.oid !== p.oid) throw new SnmpError('snmp-malformed', `${this.label} answered ${vb.oid} for ${p.oid}`);
          out[p.i] = vb;
        });
        return out;
      } catch (error) {
        // The answer would not fit one datagram (huge hostile strings): ask object by object.
        if (isTooBig(error) && pending.length > 1) {
          for (const p of pending) out[p.i] = (await this.get([p.oid!], signal))[0] ?? null;
          return out;
        }
        // v1 fails the whole PDU on a missing object (noSuchName, index = culprit): drop it and ask again.
        const culprit = noSuchNameIndex(error, pending.map((p) => p.oid!));
        if (culprit === null) throw error;
        pending = pending.filter((_, k) => k !== culprit);
      }
    }
    return out;
  }

  /** SnmpSource.firstRows: a GETNEXT with a varbind per column, FIRST_ROWS_PER_PDU at a time. */
  async firstRows(columns: readonly string[], signal?: AbortSignal): Promise<(VarBind | null)[]> {
    const out: (VarBind | null)[] = columns.map(() => null);
    const asked = columns.flatMap((column, i) => {
      const oid = parseOid(column)?.join('.');
      return oid === undefined ? [] : [{ oid, i }];
    });
    let perPdu = FIRST_ROWS_PER_PDU;
    for (let start = 0; start < asked.length; ) {
      const chunk = asked.slice(start, start + perPdu);
      try {
        const vbs = (await this.request({ kind: 'getNext', oids: chunk.map((p) => p.oid) }, signal)) as RawVarbind[];
        if (vbs.length !== chunk.length) throw new SnmpError('snmp-malformed', `${this.label} answered ${vbs.length} objects for ${chunk.length}`);
        chunk.forEach((p, k) => (out[p.i] = rowUnder(p.oid, normalizeRawVarbind(vbs[k]!))));
        start += chunk.length;
      } catch (error) {
        if (isTooBig(error) && chunk.length > 1) {
          perPdu = Math.max(1, Math.floor(chunk.length / 2));
          continue;
        }
        // v1 fails the whole PDU when one column runs off the end of the MIB: that column has no row.
        const culprit = this.version === 'v1' ? noSuchNameIndex(error, chunk.map((p) => p.oid)) : null;
        if (culprit === null) throw error;
        asked.splice(start + culprit, 1);
      }
    }
    return out;
  }

  async walk(rootOid: string, options: WalkOptions = {}): Promise<WalkResult> {
    const root = parseOid(rootOid);
    if (!root) return { rows: [], truncated: false, error: { code: 'bad-oid', message: 'walk root is not a numeric OID' } };
    const maxRows = options.maxRows ?? DEFAULT_WALK_MAX_ROWS;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new SnmpError('snmp-timeout', 'walk time bound')), options.timeoutMs ?? DEFAULT_WALK_TIMEOUT_MS);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
    const rows: VarBind[] = [];
    let last: OidParts = walkStart(root, options.startAfter);
    let maxRepetitions = this.opts.maxRepetitions;
    try {
      for (;;) {
        const cursor = last.join('.');
        let batch: RawVarbind[];
        try {
          batch =
            this.version === 'v1'
              ? ((await this.request({ kind: 'getNext', oids: [cursor] }, signal)) as RawVarbind[])
              : flattenBulk(await this.request({ kind: 'getBulk', oids: [cursor], maxRepetitions }, signal));
        } catch (error) {
          if (isTooBig(error) && maxRepetitions > 1) {
            maxRepetitions = Math.max(1, Math.floor(maxRepetitions / 2));
            continue;
          }
          if (this.version === 'v1' && noSuchNameIndex(error, [cursor]) === 0) return { rows, truncated: false, next: null }; // v1 end of MIB
          throw error;
        }
        if (batch.length === 0) return { rows, truncated: false };
        for (const raw of batch) {
          if (raw.type === snmp.ObjectType.EndOfMibView) return { rows, truncated: false, next: null };
          const vb = normalizeRawVarbind(raw);
          const parts = parseOid(raw.oid)!; // validated by normalizeRawVarbind
          // GETNEXT must move forward: an OID at or before the one asked for (even the subtree
          // root itself, or one outside the subtree) is a broken agent, not the end of the table.
          if (compareOids(parts, last) <= 0) {
            return {
              rows,
              truncated: false,
              error: { code: 'walk-loop', message: `agent returned ${raw.oid} after ${last.join('.')}` },
            };
          }
          if (!isStrictlyUnder(parts, root)) return { rows, truncated: false, next: parts.join('.') };
          if (rows.length >= maxRows) return { rows, truncated: true };
          if (vb) rows.push(vb);
          last = parts;
        }
      }
    } catch (error) {
      if (deadline.signal.aborted && !options.signal?.aborted && !this.closed) return { rows, truncated: true };
      if (options.signal?.aborted) throw options.signal.reason;
      if (isSnmpError(error) && error.code !== 'snmp-aborted') return { rows, truncated: false, error: { code: error.code, message: error.message } };
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** One request/response with our own retries; each datagram passes the rate limiter. */
  private request(op: Op, signal?: AbortSignal): Promise<RawVarbind[] | (RawVarbind | RawVarbind[])[]> {
    return this.limiter.run(async () => {
      let lastError: unknown;
      for (let attempt = 0; attempt <= this.opts.retries; attempt++) {
        this.throwIfStopped(signal);
        // A throttled wait ends early on the caller's or the scan's abort.
        await this.takeTokens(signal ?? this.opts.signal);
        this.throwIfStopped(signal);
        const malformedBefore = this.session.malformedSeen;
        try {
          return await this.sendOnce(op, signal);
        } catch (error) {
          lastError = error;
          if (!isSnmpError(error) || error.code !== 'snmp-timeout') throw error;
          // Garbage arrived instead of an answer: the agent is not silent, it is broken.
          if (this.session.malformedSeen > malformedBefore) lastError = new SnmpError('snmp-malformed', `${this.label} answered with undecodable SNMP`);
        }
      }
      throw lastError;
    });
  }

  private throwIfStopped(signal?: AbortSignal): void {
    if (this.closed) throw this.closeReason;
    if (signal?.aborted) throw signal.reason ?? new SnmpError('snmp-aborted', 'aborted');
  }

  private async takeTokens(signal?: AbortSignal): Promise<void> {
    const limiter = this.opts.rateLimiter;
    if (!limiter) return;
    await limiter.take(signal);
    // A v3 session's first request is preceded by an engine-discovery exchange.
    if (this.version === 'v3' && !this.v3Discovered) {
      this.v3Discovered = true;
      await limiter.take(signal);
    }
  }

  private sendOnce(op: Op, signal?: AbortSignal): Promise<RawVarbind[] | (RawVarbind | RawVarbind[])[]> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.inflight.delete(rejectNow);
        unsubscribe();
        fn();
      };
      const rejectNow = (reason: unknown) => finish(() => reject(reason));
      this.inflight.add(rejectNow);
      const unsubscribe = signal ? onAbort(signal, () => rejectNow(signal.reason ?? new SnmpError('snmp-aborted', 'aborted'))) : () => {};
      // net-snmp times the request out itself (and frees it); this is a safety net in case it
      // never calls back. A v3 session's first request waits for engine discovery first.
      const safetyMs = this.opts.timeoutMs * (this.version === 'v3' ? 2 : 1) + 250;
      const timer = setTimeout(
        () => finish(() => reject(new SnmpError('snmp-timeout', `${this.label} did not answer within ${this.opts.timeoutMs} ms`))),
        safetyMs,
      );
      const cb = (error: Error | null, varbinds?: unknown) => {
        finish(() => (error ? reject(mapNetSnmpError(error)) : resolve((varbinds ?? []) as RawVarbind[])));
      };
      try {
        if (op.kind === 'get') this.session.get(op.oids, cb);
        else if (op.kind === 'getNext') this.session.getNext(op.oids, cb);
        else this.session.getBulk(op.oids, 0, op.maxRepetitions, cb);
      } catch (error) {
        finish(() => reject(mapNetSnmpError(error as Error)));
      }
    });
  }
}

function isTooBig(error: unknown): boolean {
  return isSnmpError(error) && error.code === 'snmp-error' && error.message.startsWith('TooBig');
}

function flattenBulk(result: (RawVarbind | RawVarbind[])[]): RawVarbind[] {
  return result.flatMap((x) => (Array.isArray(x) ? x : [x]));
}


/** v1 noSuchName naming one of `oids` (net-snmp puts the culprit OID in the message) → its position; else null. */
function noSuchNameIndex(error: unknown, oids: readonly string[]): number | null {
  if (!(error instanceof SnmpError) || error.code !== 'snmp-error') return null;
  const m = /^NoSuchName(?:: (\S+))?/.exec(error.message);
  if (!m) return null;
  if (m[1] === undefined) return oids.length === 1 ? 0 : null;
  const i = oids.indexOf(m[1].replace(/^\./, ''));
  return i >= 0 ? i : null;
}

/** net-snmp's error classes → our codes. */
export function mapNetSnmpError(error: Error): SnmpError {
  if (isSnmpError(error)) return error;
  const e = error as Error & { code?: number; status?: number };
  switch (e.name) {
    case 'RequestTimedOutError':
      return new SnmpError('snmp-timeout', 'no answer within the timeout');
    case 'RequestFailedError':
      return new SnmpError('snmp-error', e.message);
    case 'ResponseInvalidError': {
      const authCodes = [snmp.ResponseInvalidCode.EAuthFailure, snmp.ResponseInvalidCode.ECouldNotDecrypt];
      const isAuth = authCodes.includes(e.code as never) || /unknownUserNames|wrongDigests|unknownEngineIDs|unsupportedSecLevels|decryptionErrors/i.test(e.message);
      return new SnmpError(isAuth ? 'snmp-auth' : 'snmp-malformed', e.message);
    }
    default:
      return new SnmpError(/closed/i.test(e.message) ? 'snmp-aborted' : 'snmp-malformed', e.message);
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
