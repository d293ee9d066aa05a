/** A hand-written SnmpSource for health tests: sorted OIDs in memory, GETNEXT-style walks. */
import type { SnmpSource, VarBind, WalkOptions, WalkResult } from '../../../electron/engine/snmp/source';

type Entry = [oid: string, type: VarBind['type'], value: VarBind['value']];

const cmp = (a: string, b: string) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return pa.length - pb.length;
};

export const text = (s: string) => new TextEncoder().encode(s);

export class MapSource implements SnmpSource {
  readonly label = 'fixture';
  private rows: VarBind[];
  walks = 0;
  constructor(entries: Entry[]) {
    this.rows = entries.map(([oid, type, value]) => ({ oid, type, value })).sort((a, b) => cmp(a.oid, b.oid));
  }
  set(oid: string, value: VarBind['value']): void {
    const row = this.rows.find((r) => r.oid === oid);
    if (row) row.value = value;
  }
  async get(oids: readonly string[]): Promise<(VarBind | null)[]> {
    return oids.map((o) => this.rows.find((r) => r.oid === o) ?? null);
  }
  async walk(root: string, options: WalkOptions = {}): Promise<WalkResult> {
    this.walks++;
    const rows = this.rows.filter((r) => r.oid.startsWith(root + '.'));
    const max = options.maxRows ?? Infinity;
    return { rows: rows.slice(0, max), truncated: rows.length > max };
  }
}
