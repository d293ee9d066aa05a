/**
 * Reads the declarative vendor sensor definitions (sensor-tables.ts): each
 * definition names a value column (or scalar), an optional name column, a
 * scale, device-supplied limit columns, and for state sensors the enumeration
 * with each value's status. No vendor knowledge lives in this file.
 */
import type { Component, HealthStatus, Sensor, SensorKind } from '../../../shared/health/schema';
import { asNumber, asText } from '../snmp/varbind-values';
import { round } from '../util/round';
import { compareIndex, readScalars, readTable, vendorTableOff, type HealthContext, type Row } from './table';
import { componentFromName, statusFromLimits } from './entity-sensor';

export type StateMap = Record<number, [text: string, status: HealthStatus]>;

export interface SensorDef {
  /** Reported as the sensor's `source`, e.g. `cisco-envmon`. */
  source: string;
  kind: SensorKind;
  component: Component;
  unit: string;
  /** Column OID (walked) or, with `scalar`, a full OID ending in `.0`. */
  value: string;
  scalar?: boolean;
  /** Column OID whose text names each row. */
  name?: string;
  /** Used when there is no name column or it is empty; `{index}` and `{name}` are substituted. */
  nameTemplate?: string;
  /** Multiply the raw value (e.g. 0.1 for tenths, 0.001 for milli). */
  scale?: number;
  /** For state sensors: raw value → [text, status]. */
  states?: StateMap;
  /** Companion state column for a numeric sensor (e.g. ciscoEnvMonTemperatureState). */
  statusColumn?: { oid: string; states: StateMap };
  /** Device-supplied limit columns (same scale as the value). */
  limits?: { high?: string; highWarn?: string; low?: string; lowWarn?: string };
  /** Raw values meaning "no reading". */
  skip?: number[];
  /** Plausible range after scaling; values outside are dropped as garbage. */
  range?: [number, number];
  /** Skip this scalar when the agent answers the preferred OID (e.g. a high-precision twin). */
  onlyIfAbsent?: string;
  /** Keep only rows whose `column` value is one of `equals` (e.g. a sensor-type column). */
  filter?: { column: string; equals?: number[]; matches?: RegExp };
  /** Keep only rows whose index matches (e.g. `ifIndex.5` = the temperature test). */
  indexPattern?: RegExp;
  /** Keep only rows whose name matches (tables that mix sensor kinds without a type column). */
  nameFilter?: RegExp;
  /** Name rows from ENTITY-MIB entPhysicalName (index = entPhysicalIndex). */
  nameFromEntity?: boolean;
  /** The raw value (after `scale`) is in °F. */
  fahrenheit?: boolean;
  /** Compiled from the vendor's MIB (tools/), not hand-written: kept by --leave-vendor-out. */
  compiled?: boolean;
  /**
   * The MIB never says what one step is. Integer temperatures that are not whole degrees are
   * almost always tenths, so a column whose readings only make sense as tenths (444 → 44.4 °C)
   * is read as tenths; one that makes sense as whole degrees stays so.
   */
  unstatedScale?: boolean;
  /**
   * The MIB says Celsius but not in what steps. Whole degrees stand unless every reading is too
   * hot for them; then the tenths or hundredths that make every reading plausible (2080 → 20.80 °C).
   */
  stepUnstated?: boolean;
}

type Col = 'value' | 'name' | 'status' | 'high' | 'highWarn' | 'low' | 'lowWarn' | 'filter';

const ENT_PHYSICAL_NAME = '1.3.6.1.2.1.47.1.1.1.1.7';

/**
 * The scale to read a definition's rows with: its own, or tenths for an unstated one where some
 * reading is too hot to be whole degrees and every reading (so one table is never read two ways)
 * is plausible as tenths. Readings below the range are "no sensor" codes (-100, -999), not evidence.
 */
function scaleFor(def: SensorDef, rows: Map<string, Row<Col>>): number {
  const scale = def.scale ?? 1;
  if ((!def.unstatedScale && !def.stepUnstated) || !def.range || def.states) return scale;
  const [low, high] = def.range;
  const values = [...rows.values()].map((r) => asNumber(r.value)).filter((v): v is number => v !== null && !def.skip?.includes(v)).map((v) => v * scale);
  const readings = values.filter((v) => v >= low);
  if (def.unstatedScale) return readings.some((v) => v > high) && readings.every((v) => v / 10 <= high) ? scale / 10 : scale;
  // Celsius said: one plausible reading proves whole degrees.
  if (readings.length === 0 || readings.some((v) => v <= high)) return scale;
  const step = [10, 100].find((d) => readings.every((v) => v / d <= high));
  return step ? scale / step : scale;
}

export async function readSensorDef(ctx: HealthContext, def: SensorDef): Promise<Sensor[]> {
  if (!def.compiled && vendorTableOff(ctx, def.value)) return [];
  if (def.onlyIfAbsent) {
    const preferred = await readScalars(ctx, { v: def.onlyIfAbsent }, `health:${def.source}`);
    if (preferred.v) return [];
  }
  const rows = def.scalar ? await readScalarRow(ctx, def) : await readTable(ctx, columnsOf(def), `health:${def.source}`);
  if (rows.size === 0) return [];
  const entityNames = def.nameFromEntity ? await readTable(ctx, { name: ENT_PHYSICAL_NAME }, `health:${def.source}`) : null;
  const out: Sensor[] = [];
  const scale = scaleFor(def, rows);
  for (const index of [...rows.keys()].sort(compareIndex)) {
    const row = rows.get(index)!;
    const raw = asNumber(row.value);
    if (raw === null || def.skip?.includes(raw)) continue;
    if (def.indexPattern && !def.indexPattern.test(index)) continue;
    if (def.filter?.equals && !def.filter.equals.includes(asNumber(row.filter) ?? NaN)) continue;
    if (def.filter?.matches && !def.filter.matches.test(asText(row.filter) ?? '')) continue;
    const scaled = raw * scale;
    const value = def.states ? raw : round(def.fahrenheit ? ((scaled - 32) * 5) / 9 : scaled, 3);
    if (def.range && (value < def.range[0] || value > def.range[1])) continue;
    const entityName = entityNames ? asText(entityNames.get(index)?.name) : null;
    const name = entityName || nameOf(def, row, index);
    if (def.nameFilter && !def.nameFilter.test(name)) continue;
    const oid = def.scalar ? def.value : `${def.value}.${index}`;
    if (def.states) {
      const [text, status] = def.states[raw] ?? [String(raw), 'unknown'];
      // A chassis state table holds fans, power supplies and more (HP-ICF-CHASSIS): the row's name says which.
      const component = def.component === 'system' ? componentFromName(name, 'system') : def.component;
      out.push({ kind: def.kind, component, name, value: raw, unit: '', status, stateText: text, source: def.source, oids: [oid] });
      continue;
    }
    const limits = readLimits(row, scale);
    let status: HealthStatus = statusFromLimits(value, limits);
    const oids = [oid];
    if (def.statusColumn) {
      const s = asNumber(row.status);
      const mapped = s !== null ? def.statusColumn.states[s] : undefined;
      if (mapped) {
        status = mapped[1];
        oids.push(`${def.statusColumn.oid}.${index}`);
      }
    }
    // A generic temperature table often mixes CPU, disk and board sensors: the name tells them apart.
    const component = def.kind === 'temperature' && def.component === 'temperature' ? componentFromName(name, 'temperature') : def.component;
    out.push({ kind: def.kind, component, name, value, unit: def.unit, status, ...(limits ? { limits } : {}), source: def.source, oids });
  }
  return out;
}

function columnsOf(def: SensorDef): Partial<Record<Col, string>> & { value: string } {
  const cols: Partial<Record<Col, string>> & { value: string } = { value: def.value };
  if (def.name) cols.name = def.name;
  if (def.statusColumn) cols.status = def.statusColumn.oid;
  if (def.filter) cols.filter = def.filter.column;
  for (const [k, v] of Object.entries(def.limits ?? {})) if (v) cols[k as Col] = v;
  return cols;
}

async function readScalarRow(ctx: HealthContext, def: SensorDef): Promise<Map<string, Row<Col>>> {
  const r = await readScalars(ctx, { value: def.value }, `health:${def.source}`);
  return r.value ? new Map([['0', r as Row<Col>]]) : new Map();
}

function nameOf(def: SensorDef, row: Row<Col>, index: string): string {
  const fromColumn = asText(row.name);
  const template = def.nameTemplate ?? (fromColumn ? '{name}' : `${def.kind} {index}`);
  return template.replace('{name}', fromColumn ?? '').replace('{index}', index).trim() || `${def.kind} ${index}`;
}

function readLimits(row: Row<Col>, scale: number): Sensor['limits'] | undefined {
  const lim: NonNullable<Sensor['limits']> = {};
  let any = false;
  for (const k of ['high', 'highWarn', 'low', 'lowWarn'] as const) {
    const n = asNumber(row[k]);
    // Zero or negative "high" limits are unset placeholders on many agents.
    if (n === null || (k.startsWith('high') && n <= 0)) continue;
    lim[k] = round(n * scale, 3);
    any = true;
  }
  return any ? lim : undefined;
}
