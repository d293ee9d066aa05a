/**
 * ENTITY-SENSOR-MIB (RFC 3433) and its Cisco twin CISCO-ENTITY-SENSOR-MIB.
 * value × 10^(3·(scale−9)) / 10^precision, named from entPhysicalName/Descr,
 * sensors the agent marks unavailable/nonoperational are skipped.
 */
import type { Sensor, SensorKind, Component } from '../../../shared/health/schema';
import { asNumber, asText } from '../snmp/varbind-values';
import { round } from '../util/round';
import { compareIndex, mayImplement, readTable, vendorEnterprises, vendorTableOff, type HealthContext } from './table';
import { compiledEntitySensorTables, type CompiledEntitySensorTable } from '../knowledge/sensor-objects';

const ENT_PHYSICAL_NAME = '1.3.6.1.2.1.47.1.1.1.1.7';
const ENT_PHYSICAL_DESCR = '1.3.6.1.2.1.47.1.1.1.1.2';

interface EntityFlavour {
  id: string;
  columns: { type: string; scale: string; precision: string; value: string; status?: string };
  /** Type enumeration → reading, when the table numbers its types unlike RFC 3433. */
  types?: Record<number, SensorType>;
  /** Scale enumeration → power of ten, when unlike RFC 3433 (units = 9). */
  scaleExponents?: Record<number, number>;
  /** Compiled from the vendor's MIB: kept by leave-vendor-out. */
  compiled?: boolean;
  /** Cisco entSensorThresholdTable (severity, relation, value) when the device publishes limits. */
  thresholds?: { severity: string; relation: string; value: string };
}

const FLAVOURS: EntityFlavour[] = [
  {
    id: 'entity-sensor',
    columns: {
      type: '1.3.6.1.2.1.99.1.1.1.1',
      scale: '1.3.6.1.2.1.99.1.1.1.2',
      precision: '1.3.6.1.2.1.99.1.1.1.3',
      value: '1.3.6.1.2.1.99.1.1.1.4',
      status: '1.3.6.1.2.1.99.1.1.1.5',
    },
  },
  {
    id: 'cisco-entity-sensor',
    columns: {
      type: '1.3.6.1.4.1.9.9.91.1.1.1.1.1',
      scale: '1.3.6.1.4.1.9.9.91.1.1.1.1.2',
      precision: '1.3.6.1.4.1.9.9.91.1.1.1.1.3',
      value: '1.3.6.1.4.1.9.9.91.1.1.1.1.4',
      status: '1.3.6.1.4.1.9.9.91.1.1.1.1.5',
    },
    thresholds: {
      severity: '1.3.6.1.4.1.9.9.91.1.2.1.1.2',
      relation: '1.3.6.1.4.1.9.9.91.1.2.1.1.3',
      value: '1.3.6.1.4.1.9.9.91.1.2.1.1.4',
    },
  },
];

interface SensorType {
  kind: SensorKind;
  unit: string;
  component: Component;
}

/** EntitySensorDataType → kind, unit, component. Types not listed (other, unknown, truthvalue…) are skipped. */
const SENSOR_TYPES: Record<number, SensorType> = {
  3: { kind: 'voltage', unit: 'V', component: 'psu' },
  4: { kind: 'voltage', unit: 'V', component: 'psu' },
  5: { kind: 'current', unit: 'A', component: 'psu' },
  6: { kind: 'power', unit: 'W', component: 'psu' },
  7: { kind: 'frequency', unit: 'Hz', component: 'psu' },
  8: { kind: 'temperature', unit: '°C', component: 'temperature' },
  9: { kind: 'humidity', unit: '%RH', component: 'system' },
  10: { kind: 'fan', unit: 'rpm', component: 'fan' },
};

/** A value the agent uses for "no reading". */
const NO_READING = -1000000000;

const BY_KIND: Record<string, SensorType> = Object.fromEntries(Object.values(SENSOR_TYPES).map((t) => [t.kind, t]));

/** A compiled vendor copy of the table, in the shape the reader below takes. */
function compiledFlavour(table: CompiledEntitySensorTable): EntityFlavour {
  const types: Record<number, SensorType> = {};
  for (const [n, kind] of Object.entries(table.types)) if (BY_KIND[kind]) types[Number(n)] = BY_KIND[kind]!;
  return { id: `mib:${table.mib}`, columns: table.columns, types, scaleExponents: Object.fromEntries(Object.entries(table.scales).map(([n, e]) => [Number(n), e])), compiled: true };
}

/** The RFC 3433 table, the hand-written vendor copies, and the copies compiled from the MIBs of the vendor trees the agent serves. */
function flavoursFor(ctx: HealthContext): EntityFlavour[] {
  const handWritten = FLAVOURS.filter((f) => mayImplement(ctx, f.columns.value) && !vendorTableOff(ctx, f.columns.value));
  const read = new Set(handWritten.map((f) => f.columns.value));
  const compiled = vendorEnterprises(ctx).flatMap((enterprise) => compiledEntitySensorTables(enterprise)).map(compiledFlavour).filter((f) => !read.has(f.columns.value));
  return [...handWritten, ...compiled];
}

export async function collectEntitySensors(ctx: HealthContext): Promise<Sensor[]> {
  const out: Sensor[] = [];
  let names: Map<string, string> | null = null;
  for (const flavour of flavoursFor(ctx)) {
    const { value: valueColumn, type: typeColumn, scale: scaleColumn, precision: precisionColumn, status: statusColumn } = flavour.columns;
    const rows = await readTable(
      ctx,
      { value: valueColumn, type: typeColumn, scale: scaleColumn, precision: precisionColumn, ...(statusColumn ? { status: statusColumn } : {}) },
      `health:${flavour.id}`,
    );
    if (rows.size === 0) continue;
    names ??= await readEntityNames(ctx);
    const limits = flavour.thresholds ? await readCiscoThresholds(ctx, flavour.thresholds) : new Map();
    for (const index of [...rows.keys()].sort(compareIndex)) {
      const row = rows.get(index)!;
      const type = (flavour.types ?? SENSOR_TYPES)[asNumber(row.type) ?? 0];
      const raw = asNumber(row.value);
      const status = asNumber(row.status);
      if (!type || raw === null || raw === NO_READING || (status !== null && status !== 1)) continue;
      const scale = asNumber(row.scale);
      const exponent = flavour.scaleExponents ? (scale === null ? 0 : flavour.scaleExponents[scale] ?? 0) : 3 * ((scale ?? 9) - 9);
      const factor = 10 ** exponent / 10 ** (asNumber(row.precision) ?? 0);
      const value = round(raw * factor, 3);
      const name = names.get(index) ?? `${type.kind} ${index}`;
      const lim = limits.get(index);
      const scaledLimits = lim ? Object.fromEntries(Object.entries(lim).map(([k, v]) => [k, round((v as number) * factor, 3)])) : undefined;
      out.push({
        kind: type.kind,
        component: componentFromName(name, type.component),
        name,
        value,
        unit: type.unit,
        status: statusFromLimits(value, scaledLimits),
        ...(scaledLimits ? { limits: scaledLimits } : {}),
        source: flavour.id,
        oids: [`${flavour.columns.value}.${index}`, `${flavour.columns.scale}.${index}`, `${flavour.columns.precision}.${index}`],
      });
    }
  }
  return out;
}

async function readEntityNames(ctx: HealthContext): Promise<Map<string, string>> {
  const rows = await readTable(ctx, { name: ENT_PHYSICAL_NAME, descr: ENT_PHYSICAL_DESCR }, 'health:entity-names');
  const names = new Map<string, string>();
  for (const [index, row] of rows) {
    const n = asText(row.name) || asText(row.descr);
    if (n) names.set(index, n);
  }
  if (names.size === 0) {
    const descr = await readTable(ctx, { descr: ENT_PHYSICAL_DESCR }, 'health:entity-names');
    for (const [index, row] of descr) {
      const n = asText(row.descr);
      if (n) names.set(index, n);
    }
  }
  return names;
}

/** Cisco threshold rows: severity minor(10)/major(20)/critical(30), relation lt/le/gt/ge. */
async function readCiscoThresholds(
  ctx: HealthContext,
  cols: { severity: string; relation: string; value: string },
): Promise<Map<string, { low?: number; lowWarn?: number; highWarn?: number; high?: number }>> {
  const rows = await readTable(ctx, { value: cols.value, severity: cols.severity, relation: cols.relation }, 'health:cisco-entity-thresholds');
  const out = new Map<string, { low?: number; lowWarn?: number; highWarn?: number; high?: number }>();
  for (const [index, row] of rows) {
    const sensor = index.split('.').slice(0, -1).join('.');
    const v = asNumber(row.value);
    const rel = asNumber(row.relation);
    const sev = asNumber(row.severity);
    if (v === null || rel === null || sev === null) continue;
    const entry = out.get(sensor) ?? {};
    const upper = rel === 4 || rel === 5;
    const crit = sev >= 20;
    const key = upper ? (crit ? 'high' : 'highWarn') : crit ? 'low' : 'lowWarn';
    if (entry[key] === undefined) entry[key] = v;
    out.set(sensor, entry);
  }
  return out;
}

const NAME_COMPONENTS: Array<[RegExp, Component]> = [
  [/fan/i, 'fan'],
  [/power supply|psu|\bpwr\b|\bps\d/i, 'psu'],
  [/cpu|processor/i, 'cpu'],
  [/disk|drive|ssd|hdd/i, 'disk'],
  [/transceiver|sfp|xfp|qsfp|\bdom\b|lane/i, 'module'],
];

export function componentFromName(name: string, fallback: Component): Component {
  for (const [re, c] of NAME_COMPONENTS) if (re.test(name)) return c;
  return fallback;
}

export function statusFromLimits(value: number | null, limits?: { low?: number | null; lowWarn?: number | null; highWarn?: number | null; high?: number | null }): Sensor['status'] {
  if (value === null) return 'unknown';
  if (!limits) return 'unknown';
  if ((limits.high != null && value >= limits.high) || (limits.low != null && value <= limits.low)) return 'critical';
  if ((limits.highWarn != null && value >= limits.highWarn) || (limits.lowWarn != null && value <= limits.lowWarn)) return 'warning';
  return 'ok';
}
