/**
 * An SnmpSource over a walk file (snmpsim `.snmprec` or `snmpwalk -On`
 * output, optionally gzipped), so the collectors analyse a client's walk
 * exactly as they would a live agent. The rows live in one array sorted by
 * numeric OID; get and walk are binary searches, so 100k-row files stay fast.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { SnmpSource, VarBind, WalkOptions, WalkResult } from './source.js';
import { compareOids, isStrictlyUnder, parseOid, walkStart, type OidParts } from './oid.js';
import { latin1Encoder, parseSnmprec, utf8Encoder, type ParsedRecording } from './snmprec-parser.js';
import { parseSnmpwalk } from './snmpwalk-parser.js';
import { SnmpError } from './errors.js';
import { DEFAULT_WALK_MAX_ROWS } from './walk-defaults.js';

export type WalkFileFormat = 'snmprec' | 'snmpwalk';

interface Row {
  parts: OidParts;
  varbind: VarBind;
}

export class FileSnmpSource implements SnmpSource {
  private readonly rows: Row[];
  /** Parser notes plus duplicate-OID notes; for the analyse report, never fatal. */
  readonly warnings: string[];
  /** Non-blank lines that could not be used. */
  readonly skipped: number;

  constructor(
    readonly label: string,
    varbinds: readonly VarBind[],
    parseInfo: { warnings?: string[]; skipped?: number } = {},
  ) {
    this.warnings = [...(parseInfo.warnings ?? [])];
    let skipped = parseInfo.skipped ?? 0;
    const rows = varbinds.map((varbind) => ({ parts: parseOid(varbind.oid) ?? [], varbind }));
    rows.sort((a, b) => compareOids(a.parts, b.parts));
    // A recording should not repeat an OID; keep the first, as an agent would serve one value.
    this.rows = rows.filter((row, i) => {
      const dup = i > 0 && compareOids(rows[i - 1]!.parts, row.parts) === 0;
      if (dup) {
        skipped++;
        if (this.warnings.length < 100) this.warnings.push(`duplicate OID ${row.varbind.oid} ignored`);
      }
      return !dup && row.parts.length > 0;
    });
    this.skipped = skipped;
  }

  get size(): number {
    return this.rows.length;
  }

  async get(oids: readonly string[], signal?: AbortSignal): Promise<(VarBind | null)[]> {
    throwIfAborted(signal);
    return oids.map((oid) => {
      const parts = parseOid(oid);
      if (!parts) return null;
      const i = this.lowerBound(parts);
      const row = this.rows[i];
      return row && compareOids(row.parts, parts) === 0 ? row.varbind : null;
    });
  }

  async walk(rootOid: string, options: WalkOptions = {}): Promise<WalkResult> {
    throwIfAborted(options.signal);
    const root = parseOid(rootOid);
    if (!root) return { rows: [], truncated: false, error: { code: 'bad-oid', message: 'walk root is not a numeric OID' } };
    const maxRows = options.maxRows ?? DEFAULT_WALK_MAX_ROWS;
    const out: VarBind[] = [];
    // GETNEXT semantics: start strictly after where the walk begins.
    const start = walkStart(root, options.startAfter);
    let i = this.lowerBound(start);
    if (this.rows[i] && compareOids(this.rows[i]!.parts, start) === 0) i++;
    for (; i < this.rows.length; i++) {
      const row = this.rows[i]!;
      if (!isStrictlyUnder(row.parts, root)) return { rows: out, truncated: false, next: row.varbind.oid };
      if (out.length >= maxRows) return { rows: out, truncated: true };
      out.push(row.varbind);
    }
    return { rows: out, truncated: false, next: null };
  }

  /** SnmpSource.firstRows: what a one-row walk of each column reads. */
  async firstRows(columns: readonly string[], signal?: AbortSignal): Promise<(VarBind | null)[]> {
    return Promise.all(columns.map(async (column) => (await this.walk(column, { maxRows: 1, signal })).rows[0] ?? null));
  }

  /** Index of the first row whose OID is >= `parts`. */
  private lowerBound(parts: OidParts): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareOids(this.rows[mid]!.parts, parts) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason ?? new SnmpError('snmp-aborted', 'aborted');
}

/**
 * Text given as a JS string is encoded as UTF-8; bytes (a file read raw) are
 * kept byte-for-byte, so a latin1 or binary-ish recording survives intact.
 */
function asText(input: string | Uint8Array): { text: string; encode: typeof utf8Encoder } {
  return typeof input === 'string'
    ? { text: input, encode: utf8Encoder }
    : { text: Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1'), encode: latin1Encoder };
}

function fromParsed(label: string, parsed: ParsedRecording): FileSnmpSource {
  return new FileSnmpSource(label, parsed.varbinds, parsed);
}

export function loadSnmprec(input: string | Uint8Array, label: string): FileSnmpSource {
  const { text, encode } = asText(input);
  return fromParsed(label, parseSnmprec(text, encode));
}

export function loadSnmpwalk(input: string | Uint8Array, label: string): FileSnmpSource {
  const { text, encode } = asText(input);
  return fromParsed(label, parseSnmpwalk(text, encode));
}

/** Guess the format from the first meaningful line. */
export function detectWalkFormat(text: string): WalkFileFormat | null {
  for (const raw of text.split('\n', 200)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (/^\.?\d[\d.]*\|\d+/.test(line)) return 'snmprec';
    if (/^\.?\d[\d.]* = /.test(line)) return 'snmpwalk';
    if (/^[A-Za-z][\w-]*::\S+ = /.test(line)) return null; // symbolic names: needs -On
  }
  return null;
}

/**
 * The largest walk a file may unpack to. The biggest real device walks are a
 * few MB (a chassis switch's full tree); a gzip bomb must not exhaust memory.
 */
export const MAX_WALK_BYTES = 256 * 1024 * 1024;

/** Load a walk file from disk: .snmprec or `snmpwalk -On` text, plain or gzipped. */
export async function loadWalkFile(path: string, label: string = path): Promise<FileSnmpSource> {
  let bytes: Uint8Array = await readFile(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_WALK_BYTES });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new Error(`${label}: unpacks to more than ${MAX_WALK_BYTES / 1024 / 1024} MB, far more than any device's walk`, { cause: error });
      }
      throw new Error(`${label}: damaged gzip (${(error as Error).message})`, { cause: error });
    }
  }
  const head = Buffer.from(bytes.subarray(0, 64 * 1024)).toString('latin1');
  const format = detectWalkFormat(head);
  if (format === 'snmprec') return loadSnmprec(bytes, label);
  if (format === 'snmpwalk') return loadSnmpwalk(bytes, label);
  // An empty recording is a device that answered nothing, not a broken file.
  if (head.trim() === '') return new FileSnmpSource(label, [], { warnings: ['empty file'] });
  throw new Error(`${label}: not an .snmprec or 'snmpwalk -On' file (symbolic OIDs need -On)`);
}
