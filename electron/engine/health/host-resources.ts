/**
 * HOST-RESOURCES-MIB (RFC 2790) and UCD-SNMP fallbacks: storage, memory, CPU
 * and hrDeviceStatus. Declarative column maps; the only logic is unit maths.
 */
import type { Cpu, Memory, Sensor, Storage, Component } from '../../../shared/health/schema';
import { asNumber, asText, unsigned32 } from '../snmp/varbind-values';
import { round } from '../util/round';
import { compareIndex, readScalars, readTable, type HealthContext } from './table';

const HR_STORAGE = {
  type: '1.3.6.1.2.1.25.2.3.1.2',
  descr: '1.3.6.1.2.1.25.2.3.1.3',
  units: '1.3.6.1.2.1.25.2.3.1.4',
  size: '1.3.6.1.2.1.25.2.3.1.5',
  used: '1.3.6.1.2.1.25.2.3.1.6',
} as const;

/** hrStorageType OID suffix (under 1.3.6.1.2.1.25.2.1) → normalised kind; null = not a volume we report. */
const STORAGE_TYPES: Record<string, Storage['kind'] | null> = {
  '1': 'other',
  '2': 'ram',
  '3': 'virtual',
  '4': 'disk',
  '5': null, // removable disk: not the customer's capacity
  '6': null, // floppy
  '7': null, // compact disc: always 100 % full
  '8': 'other', // RAM disk
  '9': 'disk', // flash memory
  '10': null, // network disk: belongs to another device
};

/** Virtual/ram rows that describe caches rather than capacity. */
const IGNORED_STORAGE_NAMES = /^(memory buffers|cached memory|shared memory|swap space)$/i;

export async function collectStorage(ctx: HealthContext): Promise<{ storage: Storage[]; memory: Memory | null }> {
  const rows = await readTable(ctx, HR_STORAGE, 'health:hr-storage');
  const storage: Storage[] = [];
  let memory: Memory | null = null;
  for (const index of [...rows.keys()].sort(compareIndex)) {
    const row = rows.get(index)!;
    const typeOid = asText(row.type) ?? '';
    const typeKey = typeOid.replace(/^\.?1\.3\.6\.1\.2\.1\.25\.2\.1\./, '');
    // null in the table means "skip"; an unlisted type is 'other'.
    const kind = typeKey in STORAGE_TYPES ? STORAGE_TYPES[typeKey]! : 'other';
    const name = volumeName(asText(row.descr)) ?? `storage ${index}`;
    const units = asNumber(row.units) ?? 0;
    const size = unsigned32(asNumber(row.size));
    const used = unsigned32(asNumber(row.used));
    if (kind === null || units <= 0 || !size || used === null || IGNORED_STORAGE_NAMES.test(name)) continue;
    const entry: Storage = {
      name,
      kind,
      sizeBytes: size * units,
      usedBytes: used * units,
      percent: round((used / size) * 100, 1),
      oids: Object.values(HR_STORAGE).slice(1).map((c) => `${c}.${index}`),
    };
    storage.push(entry);
    if (kind === 'ram' && !memory) {
      memory = { totalBytes: entry.sizeBytes, usedBytes: entry.usedBytes, percent: entry.percent, oids: entry.oids };
    }
  }
  const ucd = await collectUcdMemory(ctx);
  return { storage, memory: ucd ?? memory };
}

/** Windows describes volumes as `D:\\ Label:Data  Serial Number 5e6f7a8b`; keep `D:\\ (Data)`. */
export function volumeName(descr: string | null): string | null {
  if (!descr) return null;
  const m = /^([A-Za-z]:\\)\s+Label:(.*?)\s+Serial Number\s+\S+\s*$/.exec(descr);
  if (!m) return descr;
  return m[2] ? `${m[1]} (${m[2]})` : m[1]!;
}

const UCD_MEMORY = {
  total: '1.3.6.1.4.1.2021.4.5.0',
  avail: '1.3.6.1.4.1.2021.4.6.0',
  buffer: '1.3.6.1.4.1.2021.4.14.0',
  cached: '1.3.6.1.4.1.2021.4.15.0',
} as const;

/**
 * net-snmp's hrStorage "Physical memory" counts page cache as used, so a
 * healthy Linux box looks 95 % full. UCD memAvailReal + buffers + cached is
 * what the kernel could hand out, so it wins when present.
 */
async function collectUcdMemory(ctx: HealthContext): Promise<Memory | null> {
  const s = await readScalars(ctx, UCD_MEMORY, 'health:ucd-memory');
  const totalKb = asNumber(s.total);
  const availKb = asNumber(s.avail);
  if (!totalKb || availKb === null) return null;
  const freeKb = availKb + (asNumber(s.buffer) ?? 0) + (asNumber(s.cached) ?? 0);
  const usedKb = Math.max(0, totalKb - Math.min(totalKb, freeKb));
  return {
    totalBytes: totalKb * 1024,
    usedBytes: usedKb * 1024,
    percent: round((usedKb / totalKb) * 100, 1),
    oids: (Object.keys(UCD_MEMORY) as Array<keyof typeof UCD_MEMORY>).filter((k) => s[k]).map((k) => UCD_MEMORY[k]),
  };
}

const HR_PROCESSOR_LOAD = '1.3.6.1.2.1.25.3.3.1.2';
const UCD_CPU_IDLE = '1.3.6.1.4.1.2021.11.11.0';

export async function collectCpu(ctx: HealthContext): Promise<Cpu | null> {
  const rows = await readTable(ctx, { load: HR_PROCESSOR_LOAD }, 'health:hr-processor');
  const loads = [...rows.entries()].map(([i, r]) => ({ i, v: asNumber(r.load) })).filter((x) => x.v !== null && x.v >= 0 && x.v <= 100);
  if (loads.length > 0) {
    const avg = loads.reduce((a, x) => a + (x.v as number), 0) / loads.length;
    return { loadPercent: round(avg, 1), cores: loads.length, oids: loads.map((x) => `${HR_PROCESSOR_LOAD}.${x.i}`) };
  }
  const s = await readScalars(ctx, { idle: UCD_CPU_IDLE }, 'health:ucd-cpu');
  const idle = asNumber(s.idle);
  if (idle === null || idle < 0 || idle > 100) return null;
  return { loadPercent: 100 - idle, cores: 1, oids: [UCD_CPU_IDLE] };
}

const HR_DEVICE = {
  status: '1.3.6.1.2.1.25.3.2.1.5',
  type: '1.3.6.1.2.1.25.3.2.1.2',
  descr: '1.3.6.1.2.1.25.3.2.1.3',
} as const;

/** hrDeviceType suffix (under 1.3.6.1.2.1.25.3.1) → component. */
const HR_DEVICE_COMPONENTS: Record<string, Component> = {
  '3': 'cpu',
  '5': 'printer',
  '6': 'disk',
  '12': 'module', // coprocessor
  '13': 'module',
};

const HR_DEVICE_STATES: Record<number, { text: string; status: Sensor['status'] }> = {
  1: { text: 'unknown', status: 'unknown' },
  2: { text: 'running', status: 'ok' },
  3: { text: 'warning', status: 'warning' },
  4: { text: 'testing', status: 'ok' },
  5: { text: 'down', status: 'critical' },
};

/** hrDeviceStatus as state sensors (printers, disks, CPUs); warning/down mean failing hardware. */
export async function collectDeviceStatus(ctx: HealthContext): Promise<Sensor[]> {
  const rows = await readTable(ctx, HR_DEVICE, 'health:hr-device');
  const sensors: Sensor[] = [];
  for (const index of [...rows.keys()].sort(compareIndex)) {
    const row = rows.get(index)!;
    const value = asNumber(row.status);
    if (value === null) continue;
    const typeSuffix = (asText(row.type) ?? '').replace(/^\.?1\.3\.6\.1\.2\.1\.25\.3\.1\./, '');
    // Network interfaces are covered (better) by IF-MIB; a "down" tunnel is not failing hardware.
    if (typeSuffix === '4') continue;
    const state = HR_DEVICE_STATES[value] ?? { text: String(value), status: 'unknown' as const };
    sensors.push({
      kind: 'state',
      component: HR_DEVICE_COMPONENTS[typeSuffix] ?? 'other',
      name: asText(row.descr) || `device ${index}`,
      value,
      unit: '',
      status: state.status,
      stateText: state.text,
      source: 'host-resources',
      oids: [`${HR_DEVICE.status}.${index}`],
    });
  }
  return sensors;
}
