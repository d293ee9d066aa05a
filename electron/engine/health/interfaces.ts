/**
 * IF-MIB + EtherLike-MIB: link state, speed, duplex and error counters. With
 * `sampleIntervalMs` > 0 the counters are read twice within the scan so rules
 * see rates, not lifetime totals that may be years old.
 */
import type { Interface, InterfaceCounter } from '../../../shared/health/schema';
import { sleep } from '../util/pacing';
import { asNumber, asText } from '../snmp/varbind-values';
import { round } from '../util/round';
import { compareIndex, readScalars, readTable, type HealthContext, type Row } from './table';

const IF_STATIC = {
  descr: '1.3.6.1.2.1.2.2.1.2',
  type: '1.3.6.1.2.1.2.2.1.3',
  speed: '1.3.6.1.2.1.2.2.1.5',
  adminStatus: '1.3.6.1.2.1.2.2.1.7',
  operStatus: '1.3.6.1.2.1.2.2.1.8',
  lastChange: '1.3.6.1.2.1.2.2.1.9',
  name: '1.3.6.1.2.1.31.1.1.1.1',
  highSpeed: '1.3.6.1.2.1.31.1.1.1.15',
  alias: '1.3.6.1.2.1.31.1.1.1.18',
  duplex: '1.3.6.1.2.1.10.7.2.1.19',
} as const;

/** Counter columns: normalised name → OID column. */
export const IF_COUNTERS: Record<InterfaceCounter, string> = {
  inErrors: '1.3.6.1.2.1.2.2.1.14',
  outErrors: '1.3.6.1.2.1.2.2.1.20',
  inDiscards: '1.3.6.1.2.1.2.2.1.13',
  outDiscards: '1.3.6.1.2.1.2.2.1.19',
  fcsErrors: '1.3.6.1.2.1.10.7.2.1.3',
  lateCollisions: '1.3.6.1.2.1.10.7.2.1.8',
};

const SYS_UPTIME = '1.3.6.1.2.1.1.3.0';

const OPER: Record<number, Interface['operStatus']> = {
  1: 'up', 2: 'down', 3: 'testing', 4: 'unknown', 5: 'dormant', 6: 'notPresent', 7: 'lowerLayerDown',
};
const ADMIN: Record<number, Interface['adminStatus']> = { 1: 'up', 2: 'down', 3: 'testing' };
const DUPLEX: Record<number, Interface['duplex']> = { 1: 'unknown', 2: 'half', 3: 'full' };

type CounterSample = Map<string, Record<InterfaceCounter, number | null>>;

async function sampleCounters(ctx: HealthContext): Promise<{ at: number; values: CounterSample }> {
  const at = performance.now();
  // Counters of this moment, never rows another reader fetched earlier: the rate divides by the time between samples.
  const rows = await readTable(ctx, IF_COUNTERS, 'health:if-counters', { fresh: true });
  const values: CounterSample = new Map();
  for (const [index, row] of rows) {
    const rec = {} as Record<InterfaceCounter, number | null>;
    for (const k of Object.keys(IF_COUNTERS) as InterfaceCounter[]) rec[k] = asNumber(row[k]);
    values.set(index, rec);
  }
  return { at, values };
}

/** Counter32 wraps at 2^32; a negative delta larger than that means a reset, which gives no rate. */
function counterDelta(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  if (b >= a) return b - a;
  const wrapped = b + 2 ** 32 - a;
  return wrapped >= 0 && wrapped < 2 ** 31 ? wrapped : null;
}

export interface InterfaceOptions {
  /** Milliseconds between the two counter samples; 0 = one sample, no rates. */
  sampleIntervalMs?: number;
}

export async function collectInterfaces(ctx: HealthContext, options: InterfaceOptions = {}): Promise<Interface[]> {
  const statics = await readTable(ctx, IF_STATIC, 'health:if-table');
  if (statics.size === 0) return [];
  const uptime = asNumber((await readScalars(ctx, { up: SYS_UPTIME }, 'health:if-table')).up);
  const first = await sampleCounters(ctx);
  let second: typeof first | null = null;
  const interval = options.sampleIntervalMs ?? 0;
  if (interval > 0) {
    await sleep(interval, ctx.signal);
    second = await sampleCounters(ctx);
  }
  const seconds = second ? (second.at - first.at) / 1000 : null;
  return [...statics.keys()].sort(compareIndex).map((index) => {
    const row = statics.get(index)!;
    const last = (second ?? first).values.get(index) ?? emptyCounters();
    let rates: Interface['rates'] = null;
    if (second && seconds && seconds > 0) {
      const a = first.values.get(index) ?? emptyCounters();
      rates = {} as NonNullable<Interface['rates']>;
      for (const k of Object.keys(IF_COUNTERS) as InterfaceCounter[]) {
        const d = counterDelta(a[k], last[k]);
        rates[k] = d === null ? null : round(d / seconds, 3);
      }
    }
    return {
      ifIndex: Number(index),
      name: asText(row.name) || asText(row.descr) || `if${index}`,
      alias: asText(row.alias) || null,
      type: asNumber(row.type),
      operStatus: OPER[asNumber(row.operStatus) ?? 0] ?? null,
      adminStatus: ADMIN[asNumber(row.adminStatus) ?? 0] ?? null,
      speedMbps: speedMbps(row),
      duplex: DUPLEX[asNumber(row.duplex) ?? 0] ?? null,
      lastChangeSeconds: lastChangeSeconds(asNumber(row.lastChange), uptime),
      counters: last,
      rates,
      sampleIntervalSeconds: seconds === null ? null : round(seconds, 3),
      oids: interfaceOids(index, row, last),
    };
  });
}

function emptyCounters(): Record<InterfaceCounter, number | null> {
  return { inErrors: null, outErrors: null, inDiscards: null, outDiscards: null, fcsErrors: null, lateCollisions: null };
}

/** ifHighSpeed (Mb/s) when present and non-zero, since ifSpeed caps at 4.29 Gb/s. */
function speedMbps(row: Row<keyof typeof IF_STATIC>): number | null {
  const high = asNumber(row.highSpeed);
  if (high && high > 0) return high;
  const bps = asNumber(row.speed);
  return bps === null ? null : round(bps / 1_000_000, 3);
}

/** ifLastChange is the sysUpTime (ticks) of the last change; 0 means "before the agent started". */
function lastChangeSeconds(lastChangeTicks: number | null, uptimeTicks: number | null): number | null {
  if (lastChangeTicks === null || uptimeTicks === null || lastChangeTicks <= 0 || lastChangeTicks > uptimeTicks) return null;
  return Math.round((uptimeTicks - lastChangeTicks) / 100);
}

function interfaceOids(index: string, row: Row<keyof typeof IF_STATIC>, counters: Record<InterfaceCounter, number | null>): string[] {
  const present = (Object.keys(IF_STATIC) as Array<keyof typeof IF_STATIC>).filter((k) => row[k]).map((k) => `${IF_STATIC[k]}.${index}`);
  const counted = (Object.keys(IF_COUNTERS) as InterfaceCounter[]).filter((k) => counters[k] !== null).map((k) => `${IF_COUNTERS[k]}.${index}`);
  return [...present, ...counted];
}
