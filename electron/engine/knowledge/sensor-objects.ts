/**
 * Per enterprise, temperature objects (with the scale that turns them into °C)
 * and component health enumerations (each label's severity), compiled from
 * vendor MIBs into resources/knowledge/sensors.json. They become ordinary
 * sensor definitions, marked `compiled`.
 */
import type { Component, HealthStatus } from '../../../shared/health/schema';
import type { SensorDef, StateMap } from '../health/sensor-table-engine';
import compiled from '../../../resources/knowledge/sensors.json';

interface CompiledTemperature {
  oid: string;
  name: string;
  mib: string;
  scale: number;
  /** The MIB does not say what one step is (see SensorDef.unstatedScale). */
  unstated?: 1;
  /** The MIB says Celsius but not in what steps (see SensorDef.stepUnstated). */
  stepUnstated?: 1;
  scalar?: 1;
  nameColumn?: string;
  component: string;
  /** Typed tables: only rows whose type column holds one of these values are temperatures. */
  typeColumn?: string;
  typeIs?: number[];
}
interface CompiledState { oid: string; name: string; mib: string; component: string; states: Record<string, [string, string]>; scalar?: 1; nameColumn?: string }

/** A vendor copy of ENTITY-SENSOR-MIB's entPhySensorTable, with its own type and scale enumerations. */
export interface CompiledEntitySensorTable {
  mib: string;
  columns: { type: string; scale: string; precision: string; value: string; status?: string };
  types: Record<string, string>;
  scales: Record<string, number>;
}
const ENTITY_TABLES = compiled.entitySensorTables as unknown as Record<string, CompiledEntitySensorTable[]>;

export function compiledEntitySensorTables(enterprise: number): readonly CompiledEntitySensorTable[] {
  return ENTITY_TABLES[enterprise] ?? [];
}

/** A UPS battery scalar from the vendor's MIB, with its scale, unit or states. */
export type CompiledUpsObject =
  | { field: 'chargePercent'; oid: string; mib: string; scale: number }
  | { field: 'runtimeMinutes'; oid: string; mib: string; unit: 'ticks' | 'minutes' | 'seconds' }
  | { field: 'batteryStatus'; oid: string; mib: string; states: Record<string, string> };
const UPS = (compiled as unknown as { ups?: Record<string, CompiledUpsObject[]> }).ups ?? {};

export function compiledUpsObjects(enterprise: number): readonly CompiledUpsObject[] {
  return UPS[enterprise] ?? [];
}

const TEMPERATURES = compiled.temperatures as unknown as Record<string, CompiledTemperature[]>;
const STATES = compiled.states as unknown as Record<string, CompiledState[]>;

/** "hwEntityTemperature" → "hw entity temperature": a readable default name for unnamed rows. */
const spaced = (name: string) => name.replace(/([a-z\d])([A-Z])/g, '$1 $2');

function temperatureDef(t: CompiledTemperature): SensorDef {
  return {
    source: `mib:${t.mib}`,
    kind: 'temperature',
    component: t.component as Component,
    unit: '°C',
    value: t.oid,
    ...(t.scalar ? { scalar: true, nameTemplate: spaced(t.name) } : { nameTemplate: t.nameColumn ? '{name}' : `${spaced(t.name)} {index}` }),
    ...(t.nameColumn ? { name: t.nameColumn } : {}),
    ...(t.scale !== 1 ? { scale: t.scale } : {}),
    ...(t.unstated ? { unstatedScale: true } : {}),
    ...(t.stepUnstated ? { stepUnstated: true } : {}),
    ...(t.typeColumn && t.typeIs ? { filter: { column: t.typeColumn, equals: t.typeIs } } : {}),
    // Compiled units are read from the MIB's words: implausible values (a wrong scale, "no sensor" codes) are dropped.
    range: [-30, 130],
    skip: [0, -1, 65535, 2147483647, -2147483648],
    compiled: true,
  };
}

function stateDef(s: CompiledState): SensorDef {
  const states: StateMap = Object.fromEntries(Object.entries(s.states).map(([n, [text, status]]) => [Number(n), [text, status as HealthStatus]]));
  return {
    source: `mib:${s.mib}`,
    kind: 'state',
    component: s.component as Component,
    unit: '',
    value: s.oid,
    ...(s.scalar ? { scalar: true, nameTemplate: spaced(s.name) } : { nameTemplate: s.nameColumn ? '{name}' : `${spaced(s.name)} {index}` }),
    ...(s.nameColumn ? { name: s.nameColumn } : {}),
    states,
    compiled: true,
  };
}

const cache = new Map<number, SensorDef[]>();

/** The compiled sensor definitions of one enterprise's MIBs. */
export function compiledSensorDefs(enterprise: number): SensorDef[] {
  let defs = cache.get(enterprise);
  if (!defs) {
    defs = [...(TEMPERATURES[enterprise] ?? []).map(temperatureDef), ...(STATES[enterprise] ?? []).map(stateDef)];
    cache.set(enterprise, defs);
  }
  return defs;
}
