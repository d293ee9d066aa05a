/**
 * Reads the declarative vendor sensor definitions (sensor-tables.ts): each
 * definition names a value column (or scalar), an optional name column, a
 * scale, device-supplied limit columns, and for state sensors the enumeration
 * with each value's status. No vendor knowledge lives in this file.
 */
import type { Component, HealthStatus, Sensor, SensorKind } from '../../../shared/health/schema';
import { asNumber, asText, round } from './values';
import { compareIndex, readScalars, readTable, type HealthContext, type Row } from './table';
import { statusFromLimits } from './entity-sensor';

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
}

type Col = 'value' | 'name' | 'status' | 'high' | 'highWarn' | 'low' | 'lowWarn';

export async function readSensorDef(ctx: HealthContext, def: SensorDef): Promise<Sensor[]> {
  const rows = def.scalar ? await readScalarRow(ctx, def) : await readTable(ctx, columnsOf(def), `health:${def.source}`);
  const out: Sensor[] = [];
  for (const index of [...rows.keys()].sort(compareIndex)) {
    const row = rows.get(index)!;
    const raw = asNumber(row.value);
    if (raw === null || def.skip?.includes(raw)) continue;
    const scale = def.scale ?? 1;
    const value = def.states ? raw : round(raw * scale, 3);
    if (def.range && (value < def.range[0] || value > def.range[1])) continue;
    const name = nameOf(def, row, index);
    const oid = def.scalar ? def.value : `${def.value}.${index}`;
    if (def.states) {
      const [text, status] = def.states[raw] ?? [String(raw), 'unknown'];
      out.push({ kind: def.kind, component: def.component, name, value: raw, unit: '', status, stateText: text, source: def.source, oids: [oid] });
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
    out.push({ kind: def.kind, component: def.component, name, value, unit: def.unit, status, ...(limits ? { limits } : {}), source: def.source, oids });
  }
  return out;
}

function columnsOf(def: SensorDef): Partial<Record<Col, string>> & { value: string } {
  const cols: Partial<Record<Col, string>> & { value: string } = { value: def.value };
  if (def.name) cols.name = def.name;
  if (def.statusColumn) cols.status = def.statusColumn.oid;
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
